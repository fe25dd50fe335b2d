import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { LinkProposalDetail } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { newClientId } from '../../api/client-id.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDate, formatDateTime, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useCountryName } from '../../components/use-country-name.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useLinkDecision, useLinkProposal } from './api.ts';
import { ModelDecisionBadge } from './ModelDecisionBadge.tsx';
import { isolate, UserText } from '../../components/UserText.tsx';

type Side = LinkProposalDetail['a'];

/** The two records, field by field, in the same rows, so differences show at a glance. */
function SideBySide({ a, b }: { a: Side; b: Side }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const countryName = useCountryName();
  const rows: [string, (s: Side) => string | null][] = [
    [t('persons.fields.secondName'), (s) => isolate(s.identity.secondName)],
    [t('persons.fields.firstName'), (s) => isolate(s.identity.firstName)],
    [t('persons.fields.middleName'), (s) => isolate(s.identity.middleName)],
    [t('persons.fields.birthdate'), (s) => (s.identity.birthdate ? formatDate(s.identity.birthdate, lng) : null)],
    [t('persons.fields.identityNumber'), (s) => isolate(s.identity.identityNumber)],
    [t('persons.fields.gender'), (s) => t(`gender.${s.gender}`)],
    [t('persons.fields.citizenship'), (s) => countryName(s.citizenship)],
    [t('persons.fields.region'), (s) => regionName(s.regionCode, lng)],
    [t('persons.page.recordedAt'), (s) => formatDateTime(s.createdAt, lng)],
  ];
  return (
    <Table.ScrollContainer minWidth={340}>
      {/* Fixed columns and narrow padding: at 390 px the two records then fit side by side and
          are compared without scrolling sideways. Values wrap inside their column; labels only
          between words (the longest, "Азаматтығы", fits 30%). */}
      <Table withTableBorder striped layout="fixed" horizontalSpacing={6} data-testid="link-side-by-side" styles={{ td: { overflowWrap: 'anywhere' } }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%" />
            {[a, b].map((s) => (
              <Table.Th key={s.id} w="35%">
                {/* A pseudonym is one code: broken at its hyphen ("P-" / "H48F…") it reads as two. */}
                <Anchor component={Link} href={`/persons/${s.id}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {s.pseudonym}
                </Anchor>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{value(a) || '—'}</Table.Td>
              <Table.Td>{value(b) || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Why the engine scored the pair as it did: each field's agreement and its weight of evidence. */
function Reasons({ explanation }: { explanation: LinkProposalDetail['explanation'] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table withTableBorder horizontalSpacing="xs" data-testid="link-reasons">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('linkage.review.field')}</Table.Th>
            <Table.Th>{t('linkage.review.agreement')}</Table.Th>
            <Table.Th>{t('linkage.review.weight')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {explanation.map((e) => (
            <Table.Tr key={e.field}>
              <Table.Td>{t(`linkage.field.${e.field}`)}</Table.Td>
              <Table.Td>{t(`linkage.level.${e.level}`, { defaultValue: e.level })}</Table.Td>
              <Table.Td c={e.weight > 0 ? 'teal' : e.weight < 0 ? 'red' : 'dimmed'}>
                {e.level === 'missing' ? '—' : `${e.weight > 0 ? '+' : ''}${e.weight.toFixed(1)}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function LinkReviewPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [, navigate] = useLocation();
  const proposal = useLinkProposal(id);
  const decide = useLinkDecision();
  // One client id per decision on this screen: a resend after a dropped connection records it
  // once, and choosing the other answer after a failure is a new decision, not a replay.
  const [clientIds] = useState(() => ({ same: newClientId(), different: newClientId() }));
  if (proposal.isPending) return <Loading />;
  if (proposal.isError) return <ErrorAlert error={proposal.error} onRetry={() => void proposal.refetch()} />;
  const p = proposal.data;
  const submit = (decision: 'same' | 'different') =>
    decide.mutate({ clientId: clientIds[decision], personA: p.a.id, personB: p.b.id, decision }, { onSuccess: () => navigate('/linkage/reviews') });
  return (
    <Stack maw={900}>
      <Anchor component={Link} href="/linkage/reviews" size="sm">
        ← {t('linkage.queue.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{t('linkage.review.title')}</Title>
        <ModelDecisionBadge decision={p.modelDecision} probability={p.probability} reviewReason={p.reviewReason} />
      </Group>
      <Text c="dimmed">{t('linkage.review.help')}</Text>
      <SideBySide a={p.a} b={p.b} />
      <Title order={2} size="h4">
        {t('linkage.review.reasons')}
      </Title>
      <Reasons explanation={p.explanation} />
      {p.decisions.length > 0 && (
        <Paper withBorder p="sm">
          <Text size="sm" fw={600}>
            {t('linkage.review.history')}
          </Text>
          {p.decisions.map((d) => (
            <Text size="sm" key={d.at}>
              {formatDateTime(d.at, lng)} · <UserText>{agencyName(d.byAgency, lng)}</UserText> · <Badge size="xs">{t(`linkage.decision.${d.decision}`)}</Badge>
            </Text>
          ))}
        </Paper>
      )}
      <ErrorAlert error={decide.error} />
      {p.status === 'decided' && <Alert color="blue">{t('linkage.review.alreadyDecided')}</Alert>}
      <Group>
        <Button onClick={() => submit('same')} loading={decide.isPending} data-testid="link-same">
          {t('linkage.decision.same')}
        </Button>
        <Button variant="default" onClick={() => submit('different')} loading={decide.isPending} data-testid="link-different">
          {t('linkage.decision.different')}
        </Button>
      </Group>
    </Stack>
  );
}
