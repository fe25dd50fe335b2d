import { CapacityBoard, type CreateProviderBody, Provider, ProviderPage, type ProviderOccupancyBody, type UpdateProviderBody } from '@qorgau/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export const PAGE_SIZE = 20;

export interface ProviderFilters {
  regionCode: string;
  service: string;
  eligibility: string;
  freeOnly: boolean;
  mine?: boolean;
  q: string;
  page: number;
}

export function useProviders(f: ProviderFilters) {
  return useQuery({
    queryKey: ['providers', 'list', f],
    queryFn: () => http.get('/providers', ProviderPage, { ...f, freeOnly: f.freeOnly || undefined, mine: f.mine || undefined, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useProvider(id: string) {
  return useQuery({ queryKey: ['providers', 'one', id], queryFn: () => http.get(`/providers/${encodeURIComponent(id)}`, Provider) });
}

export function useCapacityBoard() {
  return useQuery({ queryKey: ['providers', 'board'], queryFn: () => http.get('/providers/capacity-board', CapacityBoard) });
}

function useSaved() {
  const qc = useQueryClient();
  return (p: Provider) => {
    qc.setQueryData(['providers', 'one', p.id], p);
    void qc.invalidateQueries({ queryKey: ['providers', 'list'] });
    void qc.invalidateQueries({ queryKey: ['providers', 'board'] });
  };
}

export function useCreateProvider() {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: CreateProviderBody) => http.post('/providers', Provider, body), onSuccess: saved });
}

export function useUpdateProvider(id: string) {
  const saved = useSaved();
  return useMutation({ mutationFn: (body: UpdateProviderBody) => http.patch(`/providers/${encodeURIComponent(id)}`, Provider, body), onSuccess: saved });
}

export function useUpdateOccupancy(id: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (body: ProviderOccupancyBody) => http.patch(`/providers/${encodeURIComponent(id)}/occupancy`, Provider, body),
    onSuccess: saved,
  });
}
