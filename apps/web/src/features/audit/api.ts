import { AuditPage } from '@qorgau/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export const PAGE_SIZE = 50;

export interface AuditFilters {
  operation: string;
  outcome: string;
  actorId: string;
  recordId: string;
  from: string;
  to: string;
  page: number;
}

export function useAudit(f: AuditFilters) {
  return useQuery({
    queryKey: ['audit', f],
    queryFn: () => http.get('/audit', AuditPage, { ...f, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}
