import { Anchor, Badge, Grid, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import type { Referral } from '@qorgau/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agencyName, formatDateTime, regionName } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { ReferralLetterButton } from '../documents/ReferralLetterButton.tsx';
import { useReferral } from './api.ts';
import { ReferralActions } from './ReferralActions.tsx';
import { ReferralStatusBadges } from './ReferralBadges.tsx';
import { Fact } from '../../components/Fact.tsx';

function History({ r }: { r: Referral }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="referral-history">
      {r.actions.map((a) => (
        <Timeline.Item key={a.seq} title={t(`referralAction.${a.type}`)} data-testid="referral-history-item" data-type={a.type}>
          <Text size="sm" c="dimmed">
            {formatDateTime(a.at, lng)} · <UserText>{a.actorName ?? t('referrals.system')}</UserText>
            {a.agencyName && (
              <>
                {' · '}
                <UserText>{agencyName(a.agencyName, lng)}</UserText>
              </>
            )}
          </Text>
          {a.text !== null ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <UserText>{a.text}</UserText>
            </Text>
          ) : (
            a.hasText && (
              <Text size="sm" c="dimmed" fs="italic">
                {t('referrals.textHidden')}
              </Text>
            )
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** One referral (issue #10): who, to whom, for what, what the provider sees, its history and what I may do now. */
export function ReferralPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const q = useReferral(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  return (
    <Stack>
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={1} data-testid="referral-reference">
          {r.reference}
        </Title>
        <ReferralStatusBadges r={r} />
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Fact label={t('referrals.person')}>
            <Anchor component={Link} href={`/persons/${r.personId}`} data-testid="referral-person">
              <UserText>{r.personName ?? r.personPseudonym}</UserText>
            </Anchor>
          </Fact>
          <Fact label={t('referrals.case')}>
            <Anchor component={Link} href={`/cases/${r.caseId}`}>
              {r.caseReference}
            </Anchor>
          </Fact>
          <Fact label={t('referrals.provider')}>
            <UserText>{agencyName(r.providerName, lng)}</UserText>
            <Text size="sm" c="dimmed">
              {regionName(r.regionCode, lng)}
            </Text>
          </Fact>
          <Fact label={t('referrals.referringAgency')}>
            <UserText>{agencyName(r.referringAgencyName, lng)}</UserText>
          </Fact>
          <Fact label={t('referrals.services')}>{r.services.map((s) => t(`providerService.${s}`)).join(', ')}</Fact>
          {r.status === 'sent' && <Fact label={t('referrals.dueAt')}>{formatDateTime(r.dueAt, lng)}</Fact>}
          <Fact label={t('referrals.shares')}>
            {r.shares.length === 0 ? (
              <Text size="sm" data-testid="referral-shares-none">
                {t('referrals.noShares')}
              </Text>
            ) : (
              <Group gap={4} data-testid="referral-shares">
                {r.shares.map((s) => (
                  <Badge key={s} variant="outline" styles={{ root: { height: 'auto', textTransform: 'none' }, label: { whiteSpace: 'normal' } }}>
                    {t(`consentShare.${s}`)}
                  </Badge>
                ))}
              </Group>
            )}
          </Fact>
          {r.overrideReason && (
            <Fact label={t('referrals.overrideReason')}>
              <UserText>{r.overrideReason}</UserText>
            </Fact>
          )}
          {r.transferredFrom && (
            <Fact label={t('referrals.transferredFrom')}>
              <Anchor component={Link} href={`/referrals/${r.transferredFrom}`}>
                {t('referrals.transferredFrom')}
              </Anchor>
            </Fact>
          )}
          {r.transferredTo && (
            <Fact label={t('referrals.transferredTo')}>
              <Anchor component={Link} href={`/referrals/${r.transferredTo}`} data-testid="referral-transferred-to">
                {t('referrals.transferredTo')}
              </Anchor>
            </Fact>
          )}
        </SimpleGrid>
        {r.consentWithdrawn && (
          <Text c="red" mt="sm" data-testid="referral-consent-withdrawn">
            {t('referrals.consentWithdrawn')}
          </Text>
        )}
      </Paper>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Title order={2} size="h4" mb="sm">
            {t('referrals.history')}
          </Title>
          <History r={r} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <ReferralActions key={r.actions.length} r={r} />
            {/* The referral letter (documents) and the admission (protection) hang here. */}
            <div data-testid="referral-hooks">
              <ReferralLetterButton referralId={r.id} reference={r.reference} />
            </div>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
