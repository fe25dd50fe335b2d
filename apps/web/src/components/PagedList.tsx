import { Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Loading } from './Loading.tsx';
import { Pager } from './Pager.tsx';

interface Props<T> {
  /** A page query: its error is shown with a retry, its items as rows, its total as the pager. */
  query: UseQueryResult<{ items: T[]; total: number }>;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** Shown when the page has no items. */
  empty: string;
  children: (item: T) => ReactNode;
}

/** The body every list page shares: error, loading, empty text, rows (busy while refetching), pager. */
export function PagedList<T extends { id: string }>({ query, page, pageSize, onPage, empty, children }: Props<T>) {
  return (
    <>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      {query.isPending && <Loading />}
      {query.data && (
        <>
          {query.data.items.length === 0 ? (
            <Text c="dimmed">{empty}</Text>
          ) : (
            <Stack gap="xs" aria-busy={query.isFetching}>
              {query.data.items.map((item) => (
                <div key={item.id}>{children(item)}</div>
              ))}
            </Stack>
          )}
          <Pager page={page} pageSize={pageSize} total={query.data.total} onChange={onPage} />
        </>
      )}
    </>
  );
}
