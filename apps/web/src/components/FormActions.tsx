import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A form's footer: its submit button (busy while the request runs) and, where the form can be
 * closed without saving, Cancel. `label` defaults to "Save".
 */
export function FormActions({ pending, testId, label, onCancel }: { pending: boolean; testId: string; label?: string; onCancel?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button type="submit" loading={pending} data-testid={testId}>
        {label ?? t('common.save')}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
    </Group>
  );
}
