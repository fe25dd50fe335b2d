import { Assignee, CriminalArticleSets, CriminalCasePage, CriminalCaseView } from '@qorgau/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { newClientId } from '../../api/client-id.ts';
import { http } from '../../api/http-client.ts';

export const PAGE_SIZE = 20;

export interface CriminalCaseFilters {
  stage: string;
  regionCode: string;
  q: string;
  page: number;
}

export function useCriminalCases(f: CriminalCaseFilters) {
  return useQuery({
    queryKey: ['criminal-cases', 'list', f],
    queryFn: () =>
      http.get('/criminal-cases', CriminalCasePage, {
        stage: f.stage || undefined,
        regionCode: f.regionCode || undefined,
        q: f.q || undefined,
        page: f.page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCriminalCase(id: string) {
  return useQuery({ queryKey: ['criminal-cases', 'one', id], queryFn: () => http.get(`/criminal-cases/${encodeURIComponent(id)}`, CriminalCaseView) });
}

export function useCriminalArticles() {
  return useQuery({
    queryKey: ['reference', 'criminal-articles'],
    queryFn: () => http.get('/reference/criminal-articles', CriminalArticleSets),
    staleTime: 3_600_000,
  });
}

export function useAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['criminal-cases', 'assignees', id],
    queryFn: () => http.get(`/criminal-cases/${encodeURIComponent(id)}/assignees`, z.object({ items: z.array(Assignee) })),
    enabled,
  });
}

/**
 * Registers a case. The client id is the form's (made once per form), so pressing the button
 * again after a dropped connection returns the case already registered, not a second one.
 */
export function useRegisterCriminalCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => http.post('/criminal-cases', CriminalCaseView, body),
    onSuccess: (c) => {
      qc.setQueryData(['criminal-cases', 'one', c.id], c);
      void qc.invalidateQueries({ queryKey: ['criminal-cases', 'list'] });
    },
  });
}

export type CriminalCaseStep = 'stage' | 'assign' | 'deadline';

/** One action on the case (POST /criminal-cases/:id/<step>); the answer is the case as it now is. */
export function useCriminalCaseAction(id: string, step: CriminalCaseStep) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => http.post(`/criminal-cases/${encodeURIComponent(id)}/${step}`, CriminalCaseView, { clientId: newClientId(), ...body }),
    onSuccess: (c) => {
      qc.setQueryData(['criminal-cases', 'one', c.id], c);
      void qc.invalidateQueries({ queryKey: ['criminal-cases', 'list'] });
    },
  });
}
