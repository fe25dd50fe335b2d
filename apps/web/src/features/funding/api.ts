import { Allocation, type CreateAllocationBody, ExchangeRate, type ExchangeRateBody, FundingOverview, ProviderPage } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export function useFunding(year: number) {
  return useQuery({ queryKey: ['funding', year], queryFn: () => http.get('/statistics/funding', FundingOverview, { year }) });
}

/** The region's shelters, for naming the one an allocation goes to. */
export function useRegionShelters(regionCode: string) {
  return useQuery({
    queryKey: ['providers', 'list', 'shelters', regionCode],
    queryFn: () => http.get('/providers', ProviderPage, { regionCode, kind: 'shelter', pageSize: 100 }),
    enabled: Boolean(regionCode),
  });
}

export function useSetRate(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExchangeRateBody) => http.put(`/statistics/exchange-rates/${year}`, ExchangeRate, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['funding'] }),
  });
}

export function useCreateAllocation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAllocationBody) => http.post('/statistics/allocations', Allocation, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['funding'] }),
  });
}

/** Dollars as the TIP report writes them: whole dollars, thousands separated (the exact cents are in the API). */
export function formatUsd(usd: number | null, lng: string): string {
  if (usd === null) return '—';
  const digits = String(Math.round(usd)).replace(/\B(?=(\d{3})+(?!\d))/g, lng === 'en' ? ',' : '\u00a0');
  return `$${digits}`;
}
