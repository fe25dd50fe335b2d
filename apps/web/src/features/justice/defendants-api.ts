import { DefendantsView } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';
import { newClientId } from '../../api/client-id.ts';

const key = (criminalCaseId: string) => ['justice', 'defendants', criminalCaseId] as const;
const base = (criminalCaseId: string) => `/criminal-cases/${encodeURIComponent(criminalCaseId)}/defendants`;

/** The suspects and defendants of a case (names only for readers in `suspect.read_identity` scope). */
export function useDefendants(criminalCaseId: string) {
  return useQuery({ queryKey: key(criminalCaseId), queryFn: () => http.get(base(criminalCaseId), DefendantsView) });
}

export type DefendantStep = 'add' | 'update' | 'charge' | 'outcome';

/**
 * One action on the case's defendants: add (POST …/defendants) or, for one defendant,
 * update / charge / outcome. The answer is the list as it now is; the case page's history
 * (its events) is refreshed too.
 */
export function useDefendantAction(criminalCaseId: string, step: DefendantStep, defendantId?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) =>
      http.post(step === 'add' ? base(criminalCaseId) : `${base(criminalCaseId)}/${encodeURIComponent(defendantId ?? '')}/${step}`, DefendantsView, {
        clientId: newClientId(),
        ...body,
      }),
    onSuccess: (view) => {
      qc.setQueryData(key(criminalCaseId), view);
      // The case page's own queries (its history of events) name the case too.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey.includes(criminalCaseId) && q.queryKey[1] !== 'defendants' });
    },
  });
}

/** "128, 125" or "128 125" as article codes, in the order typed. */
export function parseArticles(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
