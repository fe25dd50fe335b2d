import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '@qorgau/core';

/**
 * The texts of generated documents: the `documents` group of the shared catalogs (i18n/), in
 * all five document languages (kk, ru, en for staff; uz and ky as on the public report page).
 * Read once; a missing key is an error at start of rendering, never a raw key in a PDF.
 */
const catalogDir = fileURLToPath(new URL('../../../../../i18n/', import.meta.url));

type Tree = { [k: string]: string | Tree };
let cache: Map<DocumentLanguage, Tree> | null = null;

function catalogs(): Map<DocumentLanguage, Tree> {
  if (!cache) {
    cache = new Map(
      DOCUMENT_LANGUAGES.map((l) => {
        const all = JSON.parse(readFileSync(`${catalogDir}${l}.json`, 'utf8')) as Tree;
        return [l, (all.documents ?? {}) as Tree];
      }),
    );
  }
  return cache;
}

export type DocText = (key: string, params?: Record<string, string | number>) => string;

/** `t('rights.title')` reads `documents.rights.title` in `lang`; `{{name}}` is replaced by params. */
export function documentTexts(lang: DocumentLanguage): DocText {
  const tree = catalogs().get(lang) as Tree;
  return (key, params = {}) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`missing document text documents.${key} (${lang})`);
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

/** Whether `documents.<key>` exists in every document language (optional paragraphs). */
export const hasDocumentText = (lang: DocumentLanguage, key: string): boolean => {
  let node: string | Tree | undefined = catalogs().get(lang);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string';
};
