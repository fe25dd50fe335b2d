import { Badge, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The labelled fact every record page uses. */
export { Fact } from '../../components/Fact.tsx';

export function ProtectionStatusBadge({ status }: { status: 'open' | 'closed' }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'open' ? 'teal' : 'gray'} variant="light" data-testid="protection-status">
      {t(`protectionStatus.${status}`)}
    </Badge>
  );
}

/** One section of the case page: a titled box. */
export function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
