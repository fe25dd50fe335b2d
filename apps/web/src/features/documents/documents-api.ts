import { Attachment, AttachmentList, type AttachmentKind, type DocumentLanguage, ErrorBody } from '@qorgau/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { newClientId } from '../../api/client-id.ts';
import { ApiError, csrfHeader, http } from '../../api/http-client.ts';
import { currentLanguage } from '../../i18n/setup.ts';

export const useAttachments = (personId: string, enabled: boolean) =>
  useQuery({ queryKey: ['attachments', personId], queryFn: () => http.get(`/persons/${personId}/attachments`, AttachmentList), enabled });

async function failure(res: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await res.json().catch(() => undefined));
  if (parsed.success) return new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.fields);
  return new ApiError(res.status, res.status >= 500 ? 'internal' : 'bad_response', '');
}

/**
 * One binary request with the metadata in headers (ADR 0010): a dropped connection is retried
 * with the same client id, and the server stores the file once.
 */
export function useUploadAttachment(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, kind }: { file: File; kind: AttachmentKind }) => {
      const clientId = newClientId();
      let res: Response;
      try {
        res = await fetch(`/api/v1/persons/${personId}/attachments`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/octet-stream',
            'accept-language': currentLanguage(),
            'x-client-id': clientId,
            'x-attachment-kind': kind,
            'x-filename': encodeURIComponent(file.name),
            ...csrfHeader(),
          },
          body: file,
        });
      } catch {
        throw new ApiError(0, 'network', '');
      }
      if (!res.ok) throw await failure(res);
      return Attachment.parse(await res.json());
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['attachments', personId] }),
  });
}

/** Fetches a file the server sends as an attachment and hands it to the browser as a download. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { credentials: 'same-origin', headers: { 'accept-language': currentLanguage() } });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!res.ok) throw await failure(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const rightsSheetPath = (personId: string, lang: DocumentLanguage) => `/persons/${personId}/documents/rights-sheet?lang=${lang}`;
export const referralLetterPath = (referralId: string, lang: DocumentLanguage) => `/referrals/${referralId}/letter?lang=${lang}`;
