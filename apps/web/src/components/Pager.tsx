import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.total', { total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            siblings={1}
            boundaries={1}
            getItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
            getControlProps={(control) => {
              if (control === 'previous') return { 'aria-label': t('common.previousPage') };
              if (control === 'next') return { 'aria-label': t('common.nextPage') };
              if (control === 'first') return { 'aria-label': t('common.firstPage') };
              return { 'aria-label': t('common.lastPage') };
            }}
          />
        </nav>
      )}
    </Group>
  );
}
