import { PersonEntitlements } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { newClientId } from '../../api/client-id.ts';
import { http } from '../../api/http-client.ts';

export function usePersonEntitlements(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['entitlements', personId],
    queryFn: () => http.get(`/persons/${encodeURIComponent(personId)}/entitlements`, PersonEntitlements),
    enabled,
  });
}

export type EntitlementActionBody =
  | { type: 'record_medical_payer'; payer: string; note?: string }
  | { type: 'record_extension'; reason: string; until?: string; note?: string };

/** Records on an entitlement; the answer is the person's entitlements after it. */
export function useEntitlementAction(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: string; body: EntitlementActionBody }) =>
      http.post(`/persons/${encodeURIComponent(personId)}/entitlements/${encodeURIComponent(kind)}/actions`, PersonEntitlements, {
        clientId: newClientId(),
        ...body,
      }),
    onSuccess: (data) => client.setQueryData(['entitlements', personId], data),
  });
}
