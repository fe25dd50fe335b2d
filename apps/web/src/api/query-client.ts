import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, setCsrfToken } from './http-client.ts';

export const ME_KEY = ['me'] as const;

/**
 * Forget everything fetched in this session (victims' data must not linger in memory
 * after sign-out or expiry) and show the sign-in page.
 */
export function clearSession(): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
}

function onError(error: unknown): void {
  if (!isApiError(error)) return;
  if (error.status === 401 && error.code === 'unauthenticated') clearSession();
  // A rotated session has a new CSRF token, and a session sent back to a required step
  // (password change, two-factor enrolment) has a new stage: fetch the session again.
  else if (['csrf_failed', 'password_change_required', 'two_factor_not_enrolled'].includes(error.code))
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // Weak mobile connections: retry what may succeed next time, never a 4xx.
      retry: (count, error) => count < 2 && isApiError(error) && (error.code === 'network' || error.status >= 500),
      staleTime: 30_000,
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
