import { AGENCY_TYPES, Case, CasePage, type CaseActionInput, type CreateCaseBody, type LocalizedName } from '@qorgau/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Parser } from '../../api/http-client.ts';

export const PAGE_SIZE = 20;

export interface CaseFilters {
  status: string;
  regionCode: string;
  q: string;
  page: number;
}

export function useCases(f: CaseFilters) {
  return useQuery({
    queryKey: ['cases', 'list', f],
    queryFn: () => http.get('/cases', CasePage, { ...f, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: ['cases', 'one', id], queryFn: () => http.get(`/cases/${encodeURIComponent(id)}`, Case) });
}

export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBody) => http.post('/cases', Case, body),
    onSuccess: (c) => {
      qc.setQueryData(['cases', 'one', c.id], c);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      void qc.invalidateQueries({ queryKey: ['persons', 'one', c.personId] });
    },
  });
}

export function useAppendAction(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { clientId: string; action: CaseActionInput }) => http.post(`/cases/${encodeURIComponent(caseId)}/actions`, Case, body),
    onSuccess: (c) => {
      qc.setQueryData(['cases', 'one', c.id], c);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      void qc.invalidateQueries({ queryKey: ['persons', 'one', c.personId] });
    },
  });
}

/** An entry of GET /agencies/directory: what any signed-in user may know of an agency. */
export interface DirectoryAgency {
  id: string;
  name: LocalizedName;
  type: string;
  regionCode: string | null;
}

// core has no contract for the directory yet: check the shape by hand.
const directoryParser: Parser<{ items: DirectoryAgency[] }> = {
  parse(data) {
    const items = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) throw new Error('directory: items missing');
    return {
      items: items.map((x: Record<string, unknown>) => {
        const name = x.name as Record<string, unknown> | null;
        if (typeof x.id !== 'string' || typeof name?.kk !== 'string' || typeof name.ru !== 'string' || typeof name.en !== 'string')
          throw new Error('directory: bad item');
        const type = typeof x.type === 'string' && (AGENCY_TYPES as readonly string[]).includes(x.type) ? x.type : '';
        return { id: x.id, name: { kk: name.kk, ru: name.ru, en: name.en }, type, regionCode: typeof x.regionCode === 'string' ? x.regionCode : null };
      }),
    };
  },
};

export function useAgencyDirectory(enabled: boolean) {
  return useQuery({
    queryKey: ['agencies', 'directory'],
    queryFn: () => http.get('/agencies/directory', directoryParser),
    enabled,
    staleTime: 10 * 60_000,
  });
}
