import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { newClientId } from '../../api/client-id.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useCan } from '../auth/current-user.tsx';
import { useLinkDecision, usePersonLinks } from './api.ts';
import { UserText } from '../../components/UserText.tsx';

/**
 * Other records of the same person (among those the viewer may identify). A reviewer can undo
 * a link ("not the same person"): a new decision, kept with the earlier ones; no record changes.
 */
export function LinkedRecords({ personId, identityVisible }: { personId: string; identityVisible: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const links = usePersonLinks(personId, identityVisible);
  const decide = useLinkDecision();
  // One client id per linked record: a resent "not the same person" is recorded once.
  const [clientIds] = useState(() => new Map<string, string>());
  const clientIdFor = (id: string) => {
    const known = clientIds.get(id);
    if (known) return known;
    const made = newClientId();
    clientIds.set(id, made);
    return made;
  };
  const linked = links.data?.linked ?? [];
  if (!identityVisible || linked.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="linked-records">
      <Title order={2} size="h3">
        {t('linkage.links.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('linkage.links.help')}
      </Text>
      <ErrorAlert error={decide.error} />
      {linked.map((l) => (
        <Paper key={l.id} withBorder p="sm">
          <Group justify="space-between">
            <Anchor component={Link} href={`/persons/${l.id}`} fw={600}>
              <UserText>{l.displayName ?? l.pseudonym}</UserText>
            </Anchor>
            {can('linkage.review') && (
              <Button
                size="xs"
                variant="default"
                loading={decide.isPending}
                onClick={() => decide.mutate({ clientId: clientIdFor(l.id), personA: personId, personB: l.id, decision: 'different' })}
              >
                {t('linkage.links.unlink')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
