import { PersonRedress } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { newClientId } from '../../api/client-id.ts';
import { http } from '../../api/http-client.ts';

/** Compensation per person (issue #11 item 5): the panel's data and its four writes. */
export function usePersonRedress(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['redress', personId],
    queryFn: () => http.get(`/persons/${encodeURIComponent(personId)}/redress`, PersonRedress),
    enabled,
  });
}

export type RedressWrite =
  | { kind: 'informed'; body: { informedOn: string; language: string; criminalCaseId?: string } }
  | { kind: 'claim'; body: { mode: string; criminalCaseId?: string; filedOn: string; claimedTenge: number } }
  | { kind: 'award'; claimId: string; body: { awardedTenge: number; awardedOn: string } }
  | { kind: 'payment'; claimId: string; body: { paidOn: string; amountTenge: number; source: string; overAwardReason?: string } };

const pathOf = (w: RedressWrite): string => {
  switch (w.kind) {
    case 'informed':
      return '/informed';
    case 'claim':
      return '/claims';
    case 'award':
      return `/claims/${encodeURIComponent(w.claimId)}/award`;
    case 'payment':
      return `/claims/${encodeURIComponent(w.claimId)}/payments`;
  }
};

/** Every write answers with the person's compensation after it; the reminder queue may change too. */
export function useRedressWrite(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (w: RedressWrite) =>
      http.post(`/persons/${encodeURIComponent(personId)}/redress${pathOf(w)}`, PersonRedress, { clientId: newClientId(), ...w.body }),
    onSuccess: (data) => {
      client.setQueryData(['redress', personId], data);
      void client.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

/** A typed amount of tenge: digits with spaces or commas as the reader groups them; NaN when it is not a number. */
export function parseTenge(text: string): number {
  const t = text.replace(/[\s\u00a0\u202f,]/g, '');
  return t === '' ? Number.NaN : Number(t);
}
