import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  loading?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmModal(p: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={p.title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm">{p.children}</Text>
        <ErrorAlert error={p.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={p.danger ? 'red' : undefined} loading={p.loading} onClick={p.onConfirm} data-testid="confirm">
            {p.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
