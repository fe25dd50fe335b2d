import { LinkageRunState, LinkProposalDetail, LinkProposalPage, Ok, PersonLinks, PersonOverview, type LinkDecisionBody } from '@qorgau/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export const PAGE_SIZE = 20;

export function useLinkProposals(page: number) {
  return useQuery({
    queryKey: ['linkage', 'proposals', page],
    queryFn: () => http.get('/linkage/proposals', LinkProposalPage, { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useLinkProposal(id: string) {
  return useQuery({ queryKey: ['linkage', 'proposal', id], queryFn: () => http.get(`/linkage/proposals/${encodeURIComponent(id)}`, LinkProposalDetail) });
}

export function usePersonLinks(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['linkage', 'links', personId],
    queryFn: () => http.get(`/persons/${encodeURIComponent(personId)}/links`, PersonLinks),
    enabled,
  });
}

export function usePersonOverview() {
  return useQuery({ queryKey: ['persons', 'overview'], queryFn: () => http.get('/persons/overview', PersonOverview), staleTime: 30_000 });
}

/** A human decision on a pair; every view of pairs, links and counts is refreshed after it. */
export function useLinkDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkDecisionBody) => http.post('/linkage/decisions', Ok, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['linkage'] });
      void qc.invalidateQueries({ queryKey: ['persons', 'overview'] });
    },
  });
}

/** The bulk job's state, polled every two seconds while a run is in progress. */
export function useLinkageRun() {
  return useQuery({
    queryKey: ['linkage', 'run'],
    queryFn: () => http.get('/linkage/runs/current', LinkageRunState),
    refetchInterval: (q) => (q.state.data?.run?.status === 'running' ? 2000 : false),
  });
}

export function useStartLinkageRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => http.post('/linkage/runs', LinkageRunState, {}),
    onSuccess: (state) => qc.setQueryData(['linkage', 'run'], state),
  });
}
