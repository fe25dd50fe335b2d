import { Ok, RecommendationList, type SetRecommendationStatusBody } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export function useRecommendations(year: number) {
  return useQuery({ queryKey: ['recommendations', year], queryFn: () => http.get('/recommendations', RecommendationList, { year }) });
}

export function useSetRecommendationStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SetRecommendationStatusBody) => http.put(`/recommendations/${encodeURIComponent(id)}/status`, Ok, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['recommendations'] }),
  });
}
