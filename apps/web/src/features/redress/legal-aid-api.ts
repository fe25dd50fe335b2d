import { ClientList, EndedAssignment, LawyerList, LegalAidView } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';
import { newClientId } from '../../api/client-id.ts';

/** Legal aid (issue #11 item 5): the person page's panel, the assign form's lawyers, a lawyer's clients. */
export function useLegalAid(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['legal-aid', 'person', personId],
    queryFn: () => http.get(`/persons/${encodeURIComponent(personId)}/legal-aid`, LegalAidView),
    enabled,
  });
}

export function useLawyers(enabled: boolean) {
  return useQuery({ queryKey: ['legal-aid', 'lawyers'], queryFn: () => http.get('/lawyers', LawyerList), enabled, staleTime: 60_000 });
}

export function useClients() {
  return useQuery({ queryKey: ['legal-aid', 'clients'], queryFn: () => http.get('/clients', ClientList) });
}

/** Every write answers with (or changes) the person's panel and the lawyer's client list. */
function useRefresh(personId: string) {
  const qc = useQueryClient();
  return (view?: LegalAidView) => {
    if (view) qc.setQueryData(['legal-aid', 'person', personId], view);
    else void qc.invalidateQueries({ queryKey: ['legal-aid', 'person', personId] });
    void qc.invalidateQueries({ queryKey: ['legal-aid', 'clients'] });
    void qc.invalidateQueries({ queryKey: ['work'] });
  };
}

export function useAssignLawyer(personId: string) {
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (body: { lawyerId: string; funding: string; assignedOn: string; criminalCaseId?: string }) =>
      http.post(`/persons/${encodeURIComponent(personId)}/legal-aid`, LegalAidView, { clientId: newClientId(), ...body }),
    onSuccess: (v) => refresh(v),
  });
}

export function useEndAssignment(personId: string, assignmentId: string) {
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (endedOn: string) => http.post(`/legal-aid/${encodeURIComponent(assignmentId)}/end`, EndedAssignment, { clientId: newClientId(), endedOn }),
    onSuccess: () => refresh(),
  });
}

export function useRecordLegalService(personId: string, assignmentId: string) {
  const refresh = useRefresh(personId);
  return useMutation({
    mutationFn: (body: { deliveredOn: string; service: string; hours?: number; note?: string }) =>
      http.post(`/legal-aid/${encodeURIComponent(assignmentId)}/services`, LegalAidView, { clientId: newClientId(), ...body }),
    onSuccess: (v) => refresh(v),
  });
}

/** Hours the reader's way: 1.5 in English, 1,5 in Kazakh and Russian. */
export function formatHours(h: number, lng: string): string {
  return lng === 'en' ? String(h) : String(h).replace('.', ',');
}
