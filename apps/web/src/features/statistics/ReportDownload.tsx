import { Button, Group, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language.ts';
import { type ReportEdition, reportUrl } from './api.ts';

/**
 * The annual report of the year shown, as PDF in the UI language (report.generate only). The
 * official edition is for the government; the public edition is the one safe to publish
 * (small counts suppressed by the server).
 */
export function ReportDownload({ year }: { year: number }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [edition, setEdition] = useState<ReportEdition>('official');
  return (
    <Group gap="xs" wrap="wrap" align="flex-end">
      <NativeSelect
        aria-label={t('statistics.report.edition')}
        value={edition}
        onChange={(e) => setEdition(e.currentTarget.value as ReportEdition)}
        data={[
          { value: 'official', label: t('statistics.report.official') },
          { value: 'public', label: t('statistics.report.public') },
        ]}
        data-testid="statistics-report-edition"
      />
      <Button
        component="a"
        href={reportUrl(year, lng, edition)}
        download
        data-testid="statistics-report-download"
        h="auto"
        mih={36}
        py={6}
        styles={{ label: { whiteSpace: 'normal' } }}
      >
        {t('statistics.report.download', { year })}
      </Button>
    </Group>
  );
}
