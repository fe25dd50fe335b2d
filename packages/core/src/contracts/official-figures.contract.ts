import { z } from 'zod';
import { OFFICIAL_FIGURE_KEYS } from '../domain/statistics/official-figures.ts';
import { codeText, text } from './primitives.ts';

/** A dimension or category code (core statistics categories): letters, digits, '_' and '-', checked against the lists by the service. */
const Code = (max: number) => codeText(/^[A-Za-z][A-Za-z0-9_-]*$/, { max });

/**
 * Official figures of years before the register (issue #13 item 7): what the government
 * published, with its source. A row is a figure's total (`dimension` and `category` empty) or
 * one category of one breakdown. The year's upper bound (not in the future) depends on today:
 * the service checks it with the same rules as an import (official-figures-import.ts).
 */
const Year = z.coerce.number().int().min(2000).max(2100);
const Value = z.number().int().nonnegative().max(1e15);
const Source = text({ min: 1, max: 500 });

export const OfficialFigure = z.object({
  id: z.uuid(),
  year: z.number().int(),
  figure: z.enum(OFFICIAL_FIGURE_KEYS),
  dimension: z.string(),
  category: z.string(),
  value: z.number().int(),
  source: z.string(),
  enteredAt: z.string(),
});
export type OfficialFigure = z.infer<typeof OfficialFigure>;
export const OfficialFigureList = z.object({ items: z.array(OfficialFigure) });
export type OfficialFigureList = z.infer<typeof OfficialFigureList>;

export const OfficialFigureListQuery = z.object({ from: Year.optional(), to: Year.optional() });
export type OfficialFigureListQuery = z.infer<typeof OfficialFigureListQuery>;

/**
 * One figure of one year with (optionally) its breakdown, entered in one go: the total and
 * each category given are upserted together, categories not given are left as they are.
 */
export const OfficialFigureBody = z.object({
  year: Year,
  figure: z.enum(OFFICIAL_FIGURE_KEYS),
  value: Value,
  source: Source,
  breakdown: z
    .array(z.object({ dimension: Code(40), category: Code(60), value: Value }))
    .max(200)
    .default([]),
});
export type OfficialFigureBody = z.infer<typeof OfficialFigureBody>;

export const OfficialFigureImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** An import's answer: the rows it read (or would write, on a dry run) and what it wrote. */
export const OfficialFigureImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  sha256: z.string(),
  /** Years of the file for which the register already counts identified victims (a warning, not a refusal). */
  registerYears: z.array(z.number().int()),
  figures: z.array(OfficialFigure.omit({ id: true, enteredAt: true })),
});
export type OfficialFigureImportResult = z.infer<typeof OfficialFigureImportResult>;

/** What entering one figure answers: the year's rows of that figure, and whether the register already counts that year. */
export const OfficialFigureSetResult = z.object({
  items: z.array(OfficialFigure),
  /** The register already counts identified victims in this year: comparisons use the register's count, not this one. */
  registerYear: z.boolean(),
});
export type OfficialFigureSetResult = z.infer<typeof OfficialFigureSetResult>;
