import { Alert, Button, FileButton, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { ATTACHMENT_KINDS, DOCUMENT_LANGUAGES, type Attachment, type AttachmentKind, type DocumentLanguage } from '@qorgau/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http-client.ts';
import { ErrorAlert, useErrorMessage } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCan } from '../auth/current-user.tsx';
import { downloadFile, rightsSheetPath, useAttachments, useUploadAttachment } from './documents-api.ts';

/**
 * A size as people read it, in the reader's language (e.g. "10 МБ", "512 kB"): the number by
 * Intl, the unit from the catalogue (Intl has no Kazakh names for byte units).
 */
export function formatBytes(bytes: number, lng: string, t: (key: string, o: { n: string }) => string): string {
  const { n, unit } = sizeParams(bytes, lng);
  // A number and its unit never part at a line end.
  return t(`units.${unit}`, { n }).replace(/ /g, '\u00a0');
}

/** The number and the unit key of a size (the refusal message nests `units.<unit>`, as the server's does). */
function sizeParams(bytes: number, lng: string): { n: string; unit: 'kb' | 'mb' } {
  const mb = bytes >= 1_048_576;
  return {
    n: new Intl.NumberFormat(lng, { maximumFractionDigits: mb ? 1 : 0 }).format(mb ? bytes / 1_048_576 : Math.max(1, bytes / 1024)),
    unit: mb ? 'mb' : 'kb',
  };
}

/**
 * The language a document for this person is offered in first: Uzbek for a citizen of
 * Uzbekistan, Kyrgyz for one of Kyrgyzstan (persons do not record a language yet), else the
 * reader's own.
 */
export function defaultDocumentLanguage(citizenship: string, lng: DocumentLanguage): DocumentLanguage {
  if (citizenship === 'UZ') return 'uz';
  if (citizenship === 'KG') return 'ky';
  return lng;
}

/** The language choice of a generated document (its options are written in their own language). */
export function DocumentLanguageSelect({ value, onChange, testId }: { value: DocumentLanguage; onChange: (l: DocumentLanguage) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('documentsPanel.language')}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as DocumentLanguage)}
      data={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(`documentsPanel.lang.${l}`) }))}
    />
  );
}

function UploadForm({ personId, maxBytes }: { personId: string; maxBytes: number | undefined }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const upload = useUploadAttachment(personId);
  const [file, setFile] = useState<File | null>(null);
  // Clears the hidden input, so the same file can be chosen again after a refusal or an upload.
  const resetRef = useRef<() => void>(null);
  const [kind, setKind] = useState<AttachmentKind>('identity_document');
  // A file over the limit is refused here, with the server's words, before a phone spends minutes sending it.
  const tooLarge = file && maxBytes !== undefined && file.size > maxBytes ? t('validation.attachment_too_large', sizeParams(maxBytes, lng)) : null;
  const refusedFields = tooLarge
    ? [{ path: 'file', code: 'attachment_too_large', message: tooLarge }]
    : isApiError(upload.error) && upload.error.fields.length > 0
      ? upload.error.fields
      : null;
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap" gap="sm">
        <NativeSelect
          label={t('documentsPanel.kind')}
          data-testid="attachment-kind"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as AttachmentKind)}
          data={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`attachmentKind.${k}`) }))}
          style={{ flex: '1 1 14rem' }}
        />
        <Stack gap={4} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Text size="sm" fw={600} id="attachment-file-label">
            {t('documentsPanel.file')}
          </Text>
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <FileButton
              resetRef={resetRef}
              onChange={(f) => {
                setFile(f);
                upload.reset();
                resetRef.current?.();
              }}
              inputProps={{ 'aria-labelledby': 'attachment-file-label' } as object}
            >
              {(props) => (
                <Button {...props} variant="default" data-testid="attachment-file">
                  {t('documentsPanel.choose')}
                </Button>
              )}
            </FileButton>
            <Text size="sm" c={file ? undefined : 'dimmed'} style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid="attachment-file-name">
              {file ? <UserText>{file.name}</UserText> : t('documentsPanel.noFile')}
            </Text>
          </Group>
        </Stack>
        <Button
          data-testid="attachment-upload"
          disabled={!file || tooLarge !== null}
          loading={upload.isPending}
          onClick={() => file && upload.mutate({ file, kind }, { onSuccess: () => setFile(null) })}
        >
          {t('documentsPanel.upload')}
        </Button>
      </Group>
      {maxBytes !== undefined && (
        <Text size="sm" c="dimmed">
          {t('documentsPanel.hint', { max: formatBytes(maxBytes, lng, t) })}
        </Text>
      )}
      {refusedFields ? (
        <Alert color="red" role="alert" title={t('documentsPanel.refused')} data-testid="attachment-refused">
          {refusedFields.map((f) => (
            <Text key={`${f.path}-${f.code}`} size="sm">
              {f.message}
            </Text>
          ))}
        </Alert>
      ) : (
        <ErrorAlert error={upload.error} />
      )}
      {upload.isSuccess && (
        <Text size="sm" c="green.8" role="status">
          {t('documentsPanel.uploaded')}
        </Text>
      )}
    </Stack>
  );
}

function AttachmentRow({ a }: { a: Attachment }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const message = useErrorMessage();
  const [error, setError] = useState<unknown>(null);
  return (
    <Paper withBorder p="sm" data-testid="attachment-row">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            <UserText>{a.filename}</UserText>
          </Text>
          <Text size="sm" c="dimmed">
            {t(`attachmentKind.${a.kind}`)} · {formatBytes(a.sizeBytes, lng, t)} · {formatDateTime(a.uploadedAt, lng)}
          </Text>
        </Stack>
        <Button variant="light" size="xs" onClick={() => downloadFile(`/attachments/${a.id}`, a.filename).then(() => setError(null), setError)}>
          {t('documentsPanel.download')}
        </Button>
      </Group>
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {t('documentsPanel.downloadFailed')}: {message(error)}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The person's documents: attachments (upload, list, download) and the rights sheet in a chosen language. */
export function DocumentsPanel({ personId, citizenship }: { personId: string; citizenship: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const can = useCan();
  const message = useErrorMessage();
  const mayRead = can('document.read');
  const list = useAttachments(personId, mayRead);
  const [lang, setLang] = useState<DocumentLanguage>(defaultDocumentLanguage(citizenship, lng));
  const [sheetError, setSheetError] = useState<unknown>(null);
  if (!mayRead && !can('document.upload')) return null;
  // Seen only through a referral whose consent does not share documents: the server answers "not found".
  const hidden = isApiError(list.error) && list.error.code === 'not_found';
  return (
    <Stack gap="sm" data-testid="documents-panel">
      <Title order={2} size="h3">
        {t('documentsPanel.title')}
      </Title>
      {can('document.upload') && !hidden && <UploadForm personId={personId} maxBytes={list.data?.maxBytes} />}
      {mayRead && !hidden && (
        <>
          {!hidden && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
          {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('documentsPanel.empty')}</Text>}
          {list.data?.items.map((a) => (
            <AttachmentRow key={a.id} a={a} />
          ))}
        </>
      )}
      {mayRead && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Text fw={600}>{t('documentsPanel.generated')}</Text>
            <Text size="sm" c="dimmed">
              {t('documentsPanel.rightsSheetHint')}
            </Text>
            <Group align="flex-end" wrap="wrap" gap="sm">
              <DocumentLanguageSelect value={lang} onChange={setLang} testId="rights-sheet-lang" />
              <Button
                variant="light"
                data-testid="rights-sheet"
                onClick={() => downloadFile(rightsSheetPath(personId, lang), `rights-${lang}.pdf`).then(() => setSheetError(null), setSheetError)}
              >
                {t('documentsPanel.rightsSheet')}
              </Button>
            </Group>
            {sheetError ? (
              <Text size="sm" c="red.8" role="alert">
                {t('documentsPanel.downloadFailed')}: {message(sheetError)}
              </Text>
            ) : null}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
