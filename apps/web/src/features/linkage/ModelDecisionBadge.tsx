import { Badge } from '@mantine/core';
import type { LinkProposal } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { formatProbability } from '../../components/format.ts';

/**
 * The model's reading of a pair. When a rule, not the score, left it to a person (only a name
 * agrees, a contradiction, or records that would contradict others of the group), the reason is
 * shown instead of the probability: a high probability beside "needs review" would read as
 * "nearly certain", which is exactly what the rule says it is not (ADR 0012).
 */
export function ModelDecisionBadge({
  decision,
  probability,
  reviewReason,
  size,
  testId = 'link-model-decision',
}: {
  decision: LinkProposal['modelDecision'];
  probability: number;
  reviewReason: LinkProposal['reviewReason'];
  size?: 'xs' | 'sm';
  testId?: string;
}) {
  const { t } = useTranslation();
  const detail = reviewReason ? t(`linkage.reviewReason.${reviewReason}`) : formatProbability(probability);
  return (
    <Badge
      color={decision === 'same' ? 'teal' : 'yellow'}
      variant="light"
      size={size}
      data-testid={testId}
      styles={{ label: { whiteSpace: 'normal' } }}
      h="auto"
    >
      {t(`linkage.modelDecision.${decision}`)} · {detail}
    </Badge>
  );
}
