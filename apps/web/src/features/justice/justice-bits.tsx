import { Badge } from '@mantine/core';
import type { CriminalStage } from '@qorgau/core';
import { useTranslation } from 'react-i18next';

const STAGE_COLORS: Record<CriminalStage, string> = {
  registered: 'blue',
  investigation: 'blue',
  suspended: 'yellow',
  terminated: 'gray',
  sent_to_court: 'grape',
  first_instance_verdict: 'grape',
  appeal: 'grape',
  final: 'teal',
};

export function StageBadge({ stage }: { stage: CriminalStage }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" data-testid="criminal-case-stage" style={{ whiteSpace: 'nowrap' }}>
      {t(`justice.stage.${stage}`)}
    </Badge>
  );
}
