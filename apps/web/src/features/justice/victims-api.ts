import { PersonProceedingsView, ProceedingVictimsView } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';
import { newClientId } from '../../api/client-id.ts';

const key = (criminalCaseId: string) => ['justice', 'victims', criminalCaseId] as const;
const base = (criminalCaseId: string) => `/criminal-cases/${encodeURIComponent(criminalCaseId)}/victims`;

/** The victims of a case (names only for readers in the person's identity scope). */
export function useVictims(criminalCaseId: string) {
  return useQuery({ queryKey: key(criminalCaseId), queryFn: () => http.get(base(criminalCaseId), ProceedingVictimsView) });
}

/** A person's part in criminal proceedings (the person page's panel). */
export function usePersonProceedings(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['justice', 'person-proceedings', personId],
    queryFn: () => http.get(`/persons/${encodeURIComponent(personId)}/proceedings`, PersonProceedingsView),
    enabled,
  });
}

/** Where an action posts, relative to the case's victims. */
export type VictimStep =
  | { kind: 'link' }
  | { kind: 'update'; victimId: string }
  | { kind: 'interviews'; victimId: string }
  | { kind: 'measures'; victimId: string }
  | { kind: 'decision'; victimId: string; measureId: string };

function urlOf(criminalCaseId: string, step: VictimStep): string {
  const b = base(criminalCaseId);
  if (step.kind === 'link') return b;
  const v = `${b}/${encodeURIComponent(step.victimId)}`;
  if (step.kind === 'decision') return `${v}/measures/${encodeURIComponent(step.measureId)}/decision`;
  return `${v}/${step.kind}`;
}

/**
 * One action on the case's victims; the answer is the list as it now is. The case page's other
 * queries (its history) and the persons' panels and entitlements (a link extends a foreign
 * victim's reflection period) are refreshed too.
 */
export function useVictimAction(criminalCaseId: string, step: VictimStep) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => http.post(urlOf(criminalCaseId, step), ProceedingVictimsView, { clientId: newClientId(), ...body }),
    onSuccess: (view) => {
      qc.setQueryData(key(criminalCaseId), view);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey.includes(criminalCaseId) && q.queryKey[1] !== 'victims' });
      void qc.invalidateQueries({ queryKey: ['justice', 'person-proceedings'] });
      void qc.invalidateQueries({ queryKey: ['entitlements'] });
    },
  });
}
