import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCurrentUser } from '../auth/current-user.tsx';

/**
 * Failed sign-ins to this account since the previous sign-in (issue #8): the owner learns that
 * someone tried, and when, and can tell her administrator. Shown until she closes it, once
 * per notice (the session keeps it; closing it is remembered for the browser tab).
 */
export function SignInNotice() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const notice = useCurrentUser().failedSignIns;
  const key = notice ? `qorgau.sign-in-notice.${notice.lastAt}` : '';
  const [closed, setClosed] = useState(() => !notice || sessionStorage.getItem(key) === 'closed');
  if (!notice || closed) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('home.signInNotice.title')}
      withCloseButton
      closeButtonLabel={t('home.signInNotice.close')}
      data-testid="sign-in-notice"
      onClose={() => {
        sessionStorage.setItem(key, 'closed');
        setClosed(true);
      }}
    >
      {t('home.signInNotice.text', { count: notice.count, date: formatDateTime(notice.lastAt, lng) })}
    </Alert>
  );
}
