import { Me } from '@qorgau/core';
import { useQuery } from '@tanstack/react-query';
import { http, isApiError, setCsrfToken, type Parser } from '../../api/http-client.ts';
import { ME_KEY, queryClient } from '../../api/query-client.ts';

/** Parses `Me` and keeps its CSRF token for the following writes. */
export const meParser: Parser<Me> = {
  parse(data) {
    const me = Me.parse(data);
    setCsrfToken(me.csrfToken);
    return me;
  },
};

async function fetchMe(): Promise<Me | null> {
  try {
    return await http.get('/auth/me', meParser);
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity });
}

export function setMe(me: Me | null): void {
  queryClient.setQueryData(ME_KEY, me);
}
