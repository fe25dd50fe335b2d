import { SelfReport, SelfReportPage, type Me, type SelfReportStatusBody } from '@qorgau/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export const PAGE_SIZE = 20;

/**
 * Who works the hotline queue: a hotline agency's staff, and identification officers for
 * their regions. Other screeners hold the permission but the server shows them nothing.
 */
export const worksHotline = (me: Me) => me.permissions.includes('self_report.read') && (me.agency.type === 'hotline' || me.role === 'identification_officer');

export function useSelfReports(page: number) {
  return useQuery({
    queryKey: ['self-reports', 'list', page],
    queryFn: () => http.get('/self-reports', SelfReportPage, { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useSelfReport(id: string) {
  return useQuery({ queryKey: ['self-reports', 'one', id], queryFn: () => http.get(`/self-reports/${encodeURIComponent(id)}`, SelfReport) });
}

export function useSetSelfReportStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SelfReportStatusBody) => http.post(`/self-reports/${encodeURIComponent(id)}/status`, SelfReport, body),
    onSuccess: (r) => {
      qc.setQueryData(['self-reports', 'one', r.id], r);
      void qc.invalidateQueries({ queryKey: ['self-reports', 'list'] });
    },
  });
}
