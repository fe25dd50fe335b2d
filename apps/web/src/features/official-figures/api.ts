import { ErrorBody, type OfficialFigureBody, OfficialFigureImportResult, OfficialFigureList, OfficialFigureSetResult } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, csrfHeader, http, type Parser } from '../../api/http-client.ts';
import { currentLanguage } from '../../i18n/setup.ts';

const QUERY = ['official-figures'] as const;

/** PUT, DELETE and the CSV upload (http-client sends JSON by POST/PATCH only). */
async function send<T>(method: string, path: string, parser: Parser<T> | null, body?: { json?: unknown; csv?: Blob }): Promise<T | undefined> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage(), ...csrfHeader() };
  let payload: BodyInit | undefined;
  if (body?.json !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body?.csv) {
    headers['content-type'] = 'text/csv';
    payload = body.csv;
  }
  const res = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' }).catch(() => {
    throw new ApiError(0, 'network', '');
  });
  const data: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = ErrorBody.safeParse(data);
    if (err.success) throw new ApiError(res.status, err.data.error.code, err.data.error.message, err.data.error.fields);
    throw new ApiError(res.status, res.status >= 500 ? 'internal' : 'bad_response', '');
  }
  return parser ? parser.parse(data) : undefined;
}

export function useOfficialFigures() {
  return useQuery({ queryKey: QUERY, queryFn: () => http.get('/statistics/official-figures', OfficialFigureList) });
}

export function useSetOfficialFigure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: OfficialFigureBody) =>
      (await send('PUT', '/statistics/official-figures', OfficialFigureSetResult, { json: body })) as OfficialFigureSetResult,
    onSuccess: () => qc.invalidateQueries({ queryKey: QUERY }),
  });
}

export function useDeleteOfficialFigure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send('DELETE', `/statistics/official-figures/${encodeURIComponent(id)}`, null),
    onSuccess: () => qc.invalidateQueries({ queryKey: QUERY }),
  });
}

export function useImportOfficialFigures() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: Blob; dryRun: boolean }) =>
      (await send('POST', `/statistics/official-figures/import${dryRun ? '?dryRun=true' : ''}`, OfficialFigureImportResult, {
        csv: file,
      })) as OfficialFigureImportResult,
    onSuccess: (r) => (r.dryRun ? undefined : qc.invalidateQueries({ queryKey: QUERY })),
  });
}

/** A row-by-row issue of an import: the server's field path `rows.<row>.<column>`, its translated message. */
export interface ImportIssue {
  row: number | null;
  column: string;
  message: string;
}

export function importIssuesOf(error: unknown): ImportIssue[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields.map((f) => {
    const m = /^rows\.(\d+)\.(\w+)$/.exec(f.path);
    return m ? { row: Number(m[1]), column: m[2] as string, message: f.message } : { row: null, column: f.path, message: f.message };
  });
}
