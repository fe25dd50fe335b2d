import {
  ConsentList,
  ConsentView,
  EligibleProviderList,
  Referral,
  ReferralPage,
  type CreateReferralBody,
  type RecordConsentBody,
  type ReferralActionInput,
} from '@qorgau/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export const PAGE_SIZE = 20;
const enc = encodeURIComponent;

export function useReferrals(q: { box: 'sent' | 'received' | 'all'; status?: string; caseId?: string; page: number }) {
  return useQuery({
    queryKey: ['referrals', 'list', q],
    queryFn: () => http.get('/referrals', ReferralPage, { ...q, status: q.status || undefined, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useReferral(id: string) {
  return useQuery({ queryKey: ['referrals', 'one', id], queryFn: () => http.get(`/referrals/${enc(id)}`, Referral) });
}

export function useEligibleProviders(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['referrals', 'eligible', caseId],
    queryFn: () => http.get('/referrals/eligible-providers', EligibleProviderList, { caseId }),
    enabled,
  });
}

export function useConsents(personId: string, enabled = true) {
  return useQuery({ queryKey: ['consents', personId], queryFn: () => http.get(`/persons/${enc(personId)}/consents`, ConsentList), enabled });
}

export function useRecordConsent(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordConsentBody) => http.post(`/persons/${enc(personId)}/consents`, ConsentView, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['consents', personId] }),
  });
}

export function useWithdrawConsent(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.post(`/consents/${enc(id)}/withdraw`, ConsentView),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['consents', personId] });
      void qc.invalidateQueries({ queryKey: ['referrals'] });
    },
  });
}

export function useCreateReferral() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReferralBody) => http.post('/referrals', Referral, body),
    onSuccess: (r) => {
      qc.setQueryData(['referrals', 'one', r.id], r);
      void qc.invalidateQueries({ queryKey: ['referrals', 'list'] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export function useReferralAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: ReferralActionInput) => http.post(`/referrals/${enc(id)}/actions`, Referral, { clientId: crypto.randomUUID(), action }),
    onSuccess: (r) => {
      qc.setQueryData(['referrals', 'one', r.id], r);
      void qc.invalidateQueries({ queryKey: ['referrals', 'list'] });
    },
  });
}
