import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  open: 'blue',
  identified: 'red',
  not_identified: 'gray',
  referred: 'violet',
  closed: 'dark',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" style={{ flexShrink: 0 }}>
      {t(`caseStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}
