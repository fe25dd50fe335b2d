import { ErrorBody, PersonProtection, ProtectionCase, ProtectionCasePage, ShelterAlternative } from '@qorgau/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, csrfHeader, http } from '../../api/http-client.ts';
import { currentLanguage } from '../../i18n/setup.ts';
import { newClientId } from '../../api/client-id.ts';

export const PAGE_SIZE = 20;

export function useProtectionCases(f: { status: string; page: number }) {
  return useQuery({
    queryKey: ['protection', 'list', f],
    queryFn: () => http.get('/protection-cases', ProtectionCasePage, { status: f.status || undefined, page: f.page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useProtectionCase(id: string) {
  return useQuery({ queryKey: ['protection', 'one', id], queryFn: () => http.get(`/protection-cases/${encodeURIComponent(id)}`, ProtectionCase) });
}

export function usePersonProtection(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['protection', 'person', personId],
    queryFn: () => http.get(`/persons/${encodeURIComponent(personId)}/protection`, PersonProtection),
    enabled,
  });
}

/** An admission refused because the shelter is full: the server's field message and the free shelters nearby. */
export class ShelterFullError extends ApiError {
  readonly alternatives: ShelterAlternative[];
  constructor(e: ApiError, alternatives: ShelterAlternative[]) {
    super(e.status, e.code, e.message, e.fields);
    this.alternatives = alternatives;
  }
}

const FullBody = ErrorBody.extend({ alternatives: z.array(ShelterAlternative) });

/** The admission: like http.post, but a 409 keeps its `alternatives`. */
async function admit(id: string, body: object): Promise<ProtectionCase> {
  const res = await fetch(`/api/v1/protection-cases/${encodeURIComponent(id)}/stays`, {
    method: 'POST',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'accept-language': currentLanguage(), ...csrfHeader() },
    body: JSON.stringify(body),
  }).catch(() => {
    throw new ApiError(0, 'network', '');
  });
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return ProtectionCase.parse(data);
  const full = FullBody.safeParse(data);
  if (full.success) {
    const { code, message, fields } = full.data.error;
    throw new ShelterFullError(new ApiError(res.status, code, message, fields), full.data.alternatives);
  }
  const err = ErrorBody.safeParse(data);
  if (err.success) throw new ApiError(res.status, err.data.error.code, err.data.error.message, err.data.error.fields);
  throw new ApiError(res.status, res.status >= 500 ? 'internal' : 'bad_response', '');
}

export type ProtectionStep = 'needs' | 'plan' | 'services' | 'stays' | 'discharge' | 'close' | 'follow-ups';

/** One action on the case (POST /protection-cases/:id/<step>); the answer is the case as it now is. */
export function useProtectionAction(id: string, step: ProtectionStep) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) =>
      step === 'stays'
        ? admit(id, { clientId: newClientId(), ...body })
        : http.post(`/protection-cases/${id}/${step}`, ProtectionCase, { clientId: newClientId(), ...body }),
    onSuccess: (c) => {
      qc.setQueryData(['protection', 'one', c.id], c);
      void qc.invalidateQueries({ queryKey: ['protection', 'list'] });
      void qc.invalidateQueries({ queryKey: ['protection', 'person', c.personId] });
      void qc.invalidateQueries({ queryKey: ['providers'] });
    },
  });
}

export function useOpenProtection(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (referralId: string) => http.post('/protection-cases', ProtectionCase, { clientId: newClientId(), referralId }),
    onSuccess: (c) => {
      qc.setQueryData(['protection', 'one', c.id], c);
      void qc.invalidateQueries({ queryKey: ['protection', 'person', personId] });
    },
  });
}

/**
 * Whole tenge, grouped the reader's way: 1 500 000 ₸ in Kazakh and Russian (a no-break space;
 * browsers may lack Kazakh number data and fall back to commas), 1,500,000 ₸ in English.
 */
export function formatTenge(n: number, lng: string): string {
  const digits = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, lng === 'en' ? ',' : '\u00a0');
  return `${n < 0 ? '−' : ''}${digits}\u00a0₸`;
}
