import { z } from 'zod';
import { codeText, text, urlText } from '../../contracts/primitives.ts';
import { isIsoDate } from '../calendar/civil-date.ts';
import { safeParseWith, type Parsed } from '../identification/zod-issues.ts';

/**
 * The Criminal Code articles a trafficking case is registered under, as versioned reference
 * data (`reference/justice/criminal-code-articles-<version>.json`): Art. 128 (trafficking in
 * persons) and Art. 135 (trafficking in minors) are verified in the seeds; the related articles
 * are provisional until checked against the Code (DOMAIN.md §2.5 [P]). A new version (an
 * amendment, a renumbering) is a data change an administrator uploads, not a code change.
 */
const Text = text({ min: 1, max: 500 });
const Texts = z.strictObject({ kk: Text, ru: Text, en: Text });
const IsoDate = text({ max: 10 }).refine(isIsoDate, { params: { code: 'invalid_date' } });

/** An article, with its part where the part changes the offence ("128" or "128-3"). */
export const ARTICLE_CODE = /^\d{1,3}(-\d{1,2})?$/;

export const CriminalArticle = z.strictObject({
  code: codeText(ARTICLE_CODE, { max: 6 }),
  title: Texts,
  /** Counted as a trafficking offence in the national statistics (128, 135). */
  trafficking: z.boolean(),
  verification: z.enum(['verified', 'provisional']),
});
export type CriminalArticle = z.output<typeof CriminalArticle>;

export const CriminalArticleSet = z.strictObject({
  id: codeText(/^[a-z][a-z0-9-]*$/, { max: 60 }),
  version: codeText(/^[0-9A-Za-z.-]+$/, { max: 20 }),
  effectiveFrom: IsoDate,
  title: Texts,
  source: z.array(z.strictObject({ citation: text({ min: 1, max: 500 }), url: urlText({ max: 500 }).optional() })).max(20),
  articles: z
    .array(CriminalArticle)
    .min(1)
    .max(200)
    .refine((list) => new Set(list.map((a) => a.code)).size === list.length, { params: { code: 'duplicate_article' } }),
});
export type CriminalArticleSet = z.output<typeof CriminalArticleSet>;

export function parseCriminalArticleSet(json: unknown): Parsed<CriminalArticleSet> {
  return safeParseWith(CriminalArticleSet, json);
}

/** The version in force on a date: the latest `effectiveFrom` not after it. */
export function articlesInForce(sets: readonly CriminalArticleSet[], on: string): CriminalArticleSet | null {
  let best: CriminalArticleSet | null = null;
  for (const s of sets) if (s.effectiveFrom <= on && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  return best;
}

/** The codes of `codes` the version does not know (a field-level refusal on registration or a charge). */
export function unknownArticles(set: CriminalArticleSet, codes: readonly string[]): string[] {
  const known = new Set(set.articles.map((a) => a.code));
  return codes.filter((c) => !known.has(c));
}
