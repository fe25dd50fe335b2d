import { Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { JusticeFigures } from '@qorgau/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/http-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { kazakhstanToday } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useListParams } from '../../components/use-list-params.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatTenge } from '../protection/api.ts';

const FIRST_YEAR = 2015;

function useJusticeFigures(year: number) {
  return useQuery({ queryKey: ['justice', 'figures', year], queryFn: () => http.get('/justice/figures', JusticeFigures, { year }) });
}

type Row = [label: string, value: string | number, testId?: string];

/** One group of figures: a card of label/value rows (fits a phone). */
function FigureCard({ title, rows }: { title: string; rows: Row[] }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Stack gap={4}>
        {rows.map(([label, value, testId]) => (
          <Group key={label} justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{label}</Text>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * The year's justice and redress figures within the reader's scope (issue #11: investigations,
 * prosecutions, convictions, complicit officials, victims who took part, the protection
 * programme's cost, compensation and legal aid), each counted by its own date.
 */
export function JusticeFiguresPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { get, update } = useListParams();
  const thisYear = Number(kazakhstanToday().slice(0, 4));
  const year = Number(get('year')) || thisYear;
  const q = useJusticeFigures(year);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const tenge = (n: number) => formatTenge(n, lng);
  return (
    <Stack>
      <Title order={1}>{t('justice.figures.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('justice.figures.intro')}
      </Text>
      <NativeSelect
        label={t('justice.figures.year')}
        value={String(year)}
        onChange={(e) => update({ year: e.currentTarget.value })}
        data={years}
        maw={200}
        data-testid="figures-year"
      />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <FigureCard
            title={t('justice.figures.investigations')}
            rows={[
              [t('justice.figures.registered'), q.data.investigations.registered, 'figure-registered'],
              [t('justice.figures.trafficking'), q.data.investigations.trafficking],
              [t('justice.figures.prosecuted'), q.data.prosecutions.cases, 'figure-prosecuted'],
            ]}
          />
          <FigureCard
            title={t('justice.figures.outcomes')}
            rows={[
              [t('justice.figures.convicted'), q.data.outcomes.convicted, 'figure-convicted'],
              [t('justice.figures.custodial'), q.data.outcomes.custodial],
              [t('justice.figures.suspended'), q.data.outcomes.suspended],
              [t('justice.figures.fine'), q.data.outcomes.fine],
              [t('justice.figures.acquitted'), q.data.outcomes.acquitted],
              [t('justice.figures.chargesDropped'), q.data.outcomes.chargesDropped],
            ]}
          />
          <FigureCard
            title={t('justice.figures.officials')}
            rows={[
              [t('justice.figures.officialSuspects'), q.data.complicitOfficials.suspects],
              [t('justice.figures.officialsConvicted'), q.data.complicitOfficials.convicted],
            ]}
          />
          <FigureCard
            title={t('justice.figures.victims')}
            rows={[
              [t('justice.figures.victimsLinked'), q.data.victims.linked, 'figure-victims'],
              [t('justice.figures.participated'), q.data.victims.participated],
              [t('justice.figures.foreign'), q.data.victims.foreign],
            ]}
          />
          <FigureCard
            title={t('justice.figures.programme')}
            rows={[
              [t('justice.figures.programmePersons'), q.data.protectionProgramme.persons],
              [t('justice.figures.citizens'), q.data.protectionProgramme.citizens],
              [t('justice.figures.foreign'), q.data.protectionProgramme.foreign],
              [t('justice.figures.cost'), tenge(q.data.protectionProgramme.costTenge), 'figure-programme-cost'],
            ]}
          />
          <FigureCard
            title={t('justice.figures.compensation')}
            rows={[
              [t('justice.figures.informed'), q.data.compensation.informed, 'figure-informed'],
              [t('justice.figures.claims'), q.data.compensation.claims],
              [t('justice.figures.claimed'), tenge(q.data.compensation.claimedTenge)],
              [t('justice.figures.awarded'), tenge(q.data.compensation.awardedTenge)],
              [t('justice.figures.paid'), tenge(q.data.compensation.paidTenge), 'figure-paid'],
              [t('justice.figures.paidByStateFund'), tenge(q.data.compensation.paidByStateFundTenge)],
              [t('justice.figures.paidByOffender'), tenge(q.data.compensation.paidByOffenderTenge)],
            ]}
          />
          <FigureCard
            title={t('justice.figures.legalAid')}
            rows={[
              [t('justice.figures.assignments'), q.data.legalAid.assignments, 'figure-legal-aid'],
              [t('justice.figures.stateLegalAid'), q.data.legalAid.stateLegalAid],
              [t('justice.figures.proBono'), q.data.legalAid.proBono],
              [t('justice.figures.ngoFunded'), q.data.legalAid.ngoFunded],
              [t('justice.figures.aidedPersons'), q.data.legalAid.persons],
              [t('justice.figures.services'), q.data.legalAid.services],
              [t('justice.figures.hours'), q.data.legalAid.hours.toLocaleString(lng === 'en' ? 'en' : 'ru')],
            ]}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
