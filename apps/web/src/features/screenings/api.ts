import { AgencyList, Screening, ScreeningPage, ScreeningReference, type CreateScreeningBody } from '@qorgau/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export const PAGE_SIZE = 20;

/** The indicator lists and rules; reference data, so kept for a while. */
export function useScreeningReference() {
  return useQuery({
    queryKey: ['reference', 'indicators'],
    queryFn: () => http.get('/reference/indicators', ScreeningReference),
    staleTime: 30 * 60_000,
  });
}

export function useScreenings(page: number) {
  return useQuery({
    queryKey: ['screenings', 'list', page],
    queryFn: () => http.get('/screenings', ScreeningPage, { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useScreening(id: string) {
  return useQuery({ queryKey: ['screenings', 'one', id], queryFn: () => http.get(`/screenings/${encodeURIComponent(id)}`, Screening) });
}

export function useCreateScreening() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateScreeningBody) => http.post('/screenings', Screening, body),
    onSuccess: (s) => {
      qc.setQueryData(['screenings', 'one', s.id], s);
      void qc.invalidateQueries({ queryKey: ['screenings', 'list'] });
      void qc.invalidateQueries({ queryKey: ['persons', 'list'] });
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

/** The identification units this screening may be handed over to (the server's rule). */
export function useHandoverTargets(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['screenings', 'handover-targets', id],
    queryFn: () => http.get(`/screenings/${encodeURIComponent(id)}/handover-targets`, AgencyList),
    enabled,
  });
}

export function useHandover(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (toAgencyId: string) => http.post(`/screenings/${encodeURIComponent(id)}/handover`, Screening, { toAgencyId }),
    onSuccess: (s, _vars) => {
      const before = qc.getQueryData<Screening>(['screenings', 'one', id]);
      qc.setQueryData(['screenings', 'one', s.id], s);
      // Minimal disclosure: drop whatever this browser still holds of the person and the case.
      if (before?.personId) qc.removeQueries({ queryKey: ['persons', 'one', before.personId] });
      if (before?.caseId) qc.removeQueries({ queryKey: ['cases', 'one', before.caseId] });
      void qc.invalidateQueries({ queryKey: ['screenings', 'list'] });
      void qc.invalidateQueries({ queryKey: ['persons', 'list'] });
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}
