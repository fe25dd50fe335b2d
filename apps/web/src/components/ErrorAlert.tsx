import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/http-client.ts';

/** The server's translated message, or ours when the server was not reached. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (isApiError(error)) {
      if (error.code === 'network') return t('common.networkError');
      if (error.message) return error.message;
    }
    return t('common.unexpectedError');
  };
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={t('common.errorTitle')}>
      {message(error)}
      {onRetry && (
        <Button variant="light" color="red" size="xs" mt="sm" onClick={onRetry} display="block">
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
