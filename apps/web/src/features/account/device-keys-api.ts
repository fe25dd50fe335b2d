import { DeviceKeyCreated, DeviceKeyList } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, csrfHeader, http } from '../../api/http-client.ts';

const QUERY = ['device-keys'] as const;

export const useDeviceKeys = (enabled: boolean) => useQuery({ queryKey: QUERY, queryFn: () => http.get('/account/device-keys', DeviceKeyList), enabled });

export function useCreateDeviceKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => http.post('/account/device-keys', DeviceKeyCreated, { label }),
    onSuccess: () => qc.invalidateQueries({ queryKey: QUERY }),
  });
}

export function useRevokeDeviceKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const res = await fetch(`/api/v1/account/device-keys/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        headers: csrfHeader(),
        credentials: 'same-origin',
      }).catch(() => {
        throw new ApiError(0, 'network', '');
      });
      if (!res.ok) throw new ApiError(res.status, res.status === 404 ? 'not_found' : 'internal', '');
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: QUERY }),
  });
}
