import { AccessGrantPage, Ok } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

/** Four-eyes grants: pending (oldest first) or recently decided (newest first). */
export function useGrants(status: 'pending' | 'decided', pageSize = 20, enabled = true) {
  return useQuery({
    queryKey: ['grants', status, pageSize],
    queryFn: () => http.get('/grants', AccessGrantPage, { status, page: 1, pageSize }),
    enabled,
  });
}

export function useDecideGrant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) => http.post(`/grants/${encodeURIComponent(id)}/${decision}`, Ok, {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['grants'] });
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
