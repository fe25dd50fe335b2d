import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Ok, PersonMatches, type PersonMatchProbe } from '@qorgau/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { http } from '../../api/http-client.ts';
import { UserText } from '../../components/UserText.tsx';
import { ModelDecisionBadge } from '../linkage/ModelDecisionBadge.tsx';

/**
 * Before a new person is created, existing records that may be the same person (any script,
 * birth date, document). The officer's "same" / "different" is recorded either way.
 */
interface Props {
  probe: PersonMatchProbe | null;
  /** What "same person" does; by default, open the existing record. */
  onSame?: (person: { id: string; name: string }) => void;
  /** Told of each record the officer judged a different person (kept as a decision once saved). */
  onDifferent?: (personId: string) => void;
}

export function PossibleMatches({ probe, onSame, onDifferent }: Props) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const matches = useQuery({
    queryKey: ['persons', 'matches', probe],
    queryFn: () => http.post('/persons/matches', PersonMatches, probe),
    enabled: probe !== null,
    staleTime: 30_000,
  });
  const decide = useMutation({
    mutationFn: (v: { candidateId: string; decision: 'same' | 'different' }) => http.post('/persons/match-decisions', Ok, v),
  });
  const candidates = (matches.data?.candidates ?? []).filter((c) => !dismissed.has(c.person.id));
  if (!probe || candidates.length === 0) return null;
  return (
    <Alert color="yellow" title={t('persons.matches.title')} data-testid="person-matches">
      <Stack gap="sm">
        <Text size="sm">{t('persons.matches.help')}</Text>
        {candidates.map((c) => (
          <Group key={c.person.id} justify="space-between" wrap="wrap" data-testid="person-match">
            <Stack gap={2}>
              <Anchor component={Link} href={`/persons/${c.person.id}`} fw={600}>
                <UserText>{c.person.displayName ?? c.person.pseudonym}</UserText>
              </Anchor>
              <Group gap={4}>
                <ModelDecisionBadge decision={c.decision} probability={c.score} reviewReason={c.reviewReason} size="xs" testId="person-match-probability" />
                {c.reasons.map((r) => (
                  <Badge key={r} size="xs" variant="light">
                    {t(`persons.matches.reason.${r}`)}
                  </Badge>
                ))}
              </Group>
            </Stack>
            <Group gap="xs">
              <Button
                size="xs"
                data-testid="person-match-same"
                onClick={() =>
                  decide.mutate(
                    { candidateId: c.person.id, decision: 'same' },
                    {
                      onSuccess: () =>
                        onSame ? onSame({ id: c.person.id, name: c.person.displayName ?? c.person.pseudonym }) : navigate(`/persons/${c.person.id}`),
                    },
                  )
                }
              >
                {t('persons.matches.same')}
              </Button>
              <Button
                size="xs"
                variant="default"
                data-testid="person-match-different"
                onClick={() =>
                  decide.mutate(
                    { candidateId: c.person.id, decision: 'different' },
                    {
                      onSuccess: () => {
                        setDismissed((d) => new Set([...d, c.person.id]));
                        onDifferent?.(c.person.id);
                      },
                    },
                  )
                }
              >
                {t('persons.matches.different')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
