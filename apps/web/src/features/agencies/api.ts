import { Agency, type LocalizedName } from '@qorgau/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '../../api/http-client.ts';

export { useAgencies } from '../users/api.ts';

export interface AgencyInput {
  name?: LocalizedName;
  type?: Agency['type'];
  regionCode?: string | null;
  disabled?: boolean;
}

function useInvalidateAgencies() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['agencies'] });
}

export function useCreateAgency() {
  const done = useInvalidateAgencies();
  return useMutation({ mutationFn: (body: AgencyInput) => http.post('/agencies', Agency, body), onSuccess: done });
}

export function useUpdateAgency() {
  const done = useInvalidateAgencies();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AgencyInput }) => http.patch(`/agencies/${encodeURIComponent(id)}`, Agency, body),
    onSuccess: done,
  });
}
