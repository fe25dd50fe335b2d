import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  result: { username: string; password: string; awaitingApproval: boolean } | null;
  onClose: () => void;
}

/** The temporary password exists only in this response: show it once, clearly. */
export function TemporaryPasswordModal({ result, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={result !== null}
      onClose={onClose}
      title={t('users.temporary.title')}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {result && (
        <Stack>
          <Text size="sm">{t('users.temporary.intro', { username: result.username })}</Text>
          <Code block fz="xl" data-testid="temporary-password" style={{ userSelect: 'all', wordBreak: 'break-all' }}>
            {result.password}
          </Code>
          <Alert color="orange" variant="light">
            {t('users.temporary.warning')}
          </Alert>
          {result.awaitingApproval && (
            <Alert color="blue" variant="light" data-testid="temporary-awaiting-approval">
              {t('users.temporary.awaitingApproval')}
            </Alert>
          )}
          <Group justify="space-between">
            <CopyButton value={result.password}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose} data-testid="temporary-password-done">
              {t('users.temporary.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
