import { Button, Group, Text } from '@mantine/core';
import type { DocumentLanguage } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { DocumentLanguageSelect } from './DocumentsPanel.tsx';
import { downloadFile, referralLetterPath } from './documents-api.ts';

/** The referral letter as a PDF, in a chosen language (mounted on the referral page). */
export function ReferralLetterButton({ referralId, reference }: { referralId: string; reference: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const message = useErrorMessage();
  const [lang, setLang] = useState<DocumentLanguage>(useLanguage());
  const [error, setError] = useState<unknown>(null);
  if (!can('referral.read')) return null;
  return (
    <div>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <DocumentLanguageSelect value={lang} onChange={setLang} testId="referral-letter-lang" />
        <Button
          variant="light"
          data-testid="referral-letter"
          onClick={() => downloadFile(referralLetterPath(referralId, lang), `referral-${reference}-${lang}.pdf`).then(() => setError(null), setError)}
        >
          {t('documentsPanel.letter')}
        </Button>
      </Group>
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {t('documentsPanel.downloadFailed')}: {message(error)}
        </Text>
      ) : null}
    </div>
  );
}
