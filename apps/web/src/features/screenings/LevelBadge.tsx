import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { none: 'gray', refer: 'orange', meets_rule: 'red' };

export function LevelBadge({ level, testId }: { level: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[level] ?? 'gray'} variant="light" size="lg" style={{ flexShrink: 0 }} data-testid={testId}>
      {t(`screeningLevel.${level}`, { defaultValue: level })}
    </Badge>
  );
}
