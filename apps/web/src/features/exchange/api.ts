import { ErrorBody, HtcdsImportResult } from '@qorgau/core';
import { ApiError, csrfHeader } from '../../api/http-client.ts';
import { currentLanguage } from '../../i18n/setup.ts';

/**
 * Uploads an HTCDS file as its raw bytes with XMLHttpRequest, the one browser API that reports
 * upload progress (a workbook of 100,000 rows is megabytes on a field office's line). `onProgress`
 * gets 0–1 while the file goes up; the server then checks every row before it answers.
 */
export function uploadHtcdsFile(file: File, opts: { dryRun: boolean; onProgress: (share: number) => void }): Promise<HtcdsImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/exchange/htcds/imports${opts.dryRun ? '?dryRun=true' : ''}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', currentLanguage());
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) {
        const parsed = HtcdsImportResult.safeParse(body);
        return parsed.success ? resolve(parsed.data) : reject(new ApiError(200, 'bad_response', ''));
      }
      const error = ErrorBody.safeParse(body);
      reject(
        error.success
          ? new ApiError(xhr.status, error.data.error.code, error.data.error.message, error.data.error.fields)
          : new ApiError(xhr.status, xhr.status >= 500 ? 'internal' : 'bad_response', ''),
      );
    };
    xhr.send(file);
  });
}

export const importReportUrl = (importId: string, lang: string) => `/api/v1/exchange/htcds/imports/${encodeURIComponent(importId)}/report?lang=${lang}`;
export const exportUrl = (year: number, format: 'xlsx' | 'csv', lang: string) => `/api/v1/exchange/htcds/export?year=${year}&format=${format}&lang=${lang}`;
