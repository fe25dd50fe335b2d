import { Button, Group, NativeSelect, NumberInput, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Lang = 'en' | 'ru' | 'kk';
type Format = 'xlsx' | 'csv';

/** The tables' address: a plain download, the browser saves the file the server sends. */
const tablesUrl = (year: number, lang: Lang, format: Format) => `/api/v1/statistics/international?${new URLSearchParams({ year: String(year), lang, format })}`;

/**
 * The year's tables for international partners (issue #14 item 4, `report.generate`): UNODC
 * GLOTIP's victims by sex and age, form and citizenship, persons prosecuted and convicted, and
 * the TIP report's data call, in the language the partner reads (English by default), small
 * counts suppressed by the server.
 */
export function InternationalTablesPanel() {
  const { t } = useTranslation();
  const lastYear = new Date().getFullYear() - 1;
  const [year, setYear] = useState<number>(lastYear);
  const [lang, setLang] = useState<Lang>('en');
  const [format, setFormat] = useState<Format>('xlsx');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="international-tables-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="international-tables-title">
          {t('exchange.international.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('exchange.international.hint')}
        </Text>
        <Group align="end">
          <NumberInput
            label={t('exchange.international.year')}
            value={year}
            onChange={(v) => setYear(Number(v) || lastYear)}
            min={2000}
            max={lastYear + 1}
            w={140}
            data-testid="international-year"
          />
          <NativeSelect
            label={t('exchange.international.language')}
            value={lang}
            onChange={(e) => setLang(e.currentTarget.value as Lang)}
            data={(['en', 'ru', 'kk'] as const).map((l) => ({ value: l, label: t(`language.${l}`) }))}
            data-testid="international-language"
          />
          <SegmentedControl
            aria-label={t('exchange.international.format')}
            value={format}
            onChange={(v) => setFormat(v as Format)}
            data={[
              { value: 'xlsx', label: 'XLSX' },
              { value: 'csv', label: 'CSV' },
            ]}
          />
          <Button component="a" href={tablesUrl(year, lang, format)} download data-testid="international-download">
            {t('exchange.international.download')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
