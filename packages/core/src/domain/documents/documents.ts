/**
 * Documents (issue #10): what may be attached to a person's record, and what the generated
 * information sheet on rights says to whom. Pure: the server renders, the web offers choices.
 */

/** Kinds of attachment; labels `attachmentKind.<kind>`. */
export const ATTACHMENT_KINDS = ['identity_document', 'signed_consent', 'medical', 'legal', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * Content types accepted, as decided from the file's bytes (magic numbers), never from its
 * name or the declared header: scans and photographs of paper documents. Anything else (an
 * executable renamed .pdf, an office document with macros) is refused.
 */
export const ATTACHMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];
export const isAcceptedContentType = (t: string | undefined): t is AttachmentContentType =>
  t !== undefined && (ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(t);

/** Languages of generated documents: the staff languages and those of the largest groups of foreign victims. */
export const DOCUMENT_LANGUAGES = ['kk', 'ru', 'en', 'uz', 'ky'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** A known end date of one of the person's entitlements (from the entitlements engine, when present). */
export interface EntitlementEnd {
  /** The entitlement's code, e.g. `reflection_period`, `temporary_residency`. */
  code: string;
  /** ISO date (Kazakhstan's calendar). */
  endsOn: string;
}

/**
 * Sections of the information sheet on rights, as keys under `documents.rights.` (DOMAIN.md
 * §2.4). Everyone: free (non-medical) assistance that is NOT conditional on cooperation with law enforcement.
 * Foreign victims, in addition (the 2022 amendments): temporary residency with permission to
 * work, shelter access, a six-month reflection period extendable until proceedings are final,
 * and medical services that are not free. Citizens never read about a reflection period.
 */
export function rightsSheetSections(citizenship: string): string[] {
  const common = ['not_conditional', 'services', 'confidentiality', 'complaints'];
  // Medical care is free for citizens only; foreign victims' medical services are not (who pays is recorded).
  if (citizenship === 'KZ') return ['free_assistance', 'citizen_medical', ...common];
  return ['free_assistance', ...common, 'foreign_residency', 'foreign_shelter', 'foreign_reflection', 'foreign_medical', 'foreign_interpreter'];
}
