import {
  glotipGroupOf,
  internationalTables,
  publishedCellForFile,
  SECONDARY_CELL_MARK,
  SMALL_CELL_MARK,
  SMALL_CELL_THRESHOLD,
  TOTAL,
  type Actor,
  type InternationalTables,
  type JusticeFigures,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import type { Locale, Translator } from '../../http/i18n.ts';
import type { TableFile } from '../../util/safe-table-file.ts';
import { statisticsJustice } from './statistics-justice.ts';
import { victimCells } from './victims.repository.ts';

/**
 * The year's GLOTIP and TIP tables (issue #14 item 4) from the same sources as the annual report
 * (the victims cube and the justice figures, kept per reader), within the reader's
 * `statistics.read` scope; core sums and protects them (international-tables.ts).
 */
export async function gatherInternationalTables(deps: AppDeps, actor: Actor, year: number, lang: Locale): Promise<InternationalTables> {
  const [cells, justice] = await Promise.all([victimCells(deps.db, actor, year), statisticsJustice(deps.db, actor, year)]);
  const t = (key: string) => deps.translator.t(lang, key);
  const tables = internationalTables(cells, justiceCountsOf(justice));
  return {
    year,
    regions: actor.jurisdiction.national ? [] : actor.jurisdiction.regions,
    tables: tables.map((table) => ({
      id: table.id,
      section: table.section,
      title: t(`international.table.${table.id}`),
      unit: table.unit,
      withheld: table.withheld,
      rows: table.rows.map((row) => ({
        categories: table.dimensions.map((dimension) => {
          const category = row.coords[dimension] ?? TOTAL;
          return { dimension, code: category === TOTAL ? 'total' : category, label: categoryLabel(deps.translator, lang, dimension, category) };
        }),
        glotipGroup: table.dimensions.includes('sex') && table.dimensions.includes('ageGroup') ? glotipGroupOf(row.coords.sex, row.coords.ageGroup) : null,
        value: 'value' in row.shown ? row.shown.value : null,
        shown: publishedCellForFile(row.shown),
      })),
    })),
    notes: [
      deps.translator.t(lang, 'statistics.disclosure.smallNote', { mark: SMALL_CELL_MARK, n: SMALL_CELL_THRESHOLD - 1 }),
      deps.translator.t(lang, 'statistics.disclosure.secondaryNote', { mark: SECONDARY_CELL_MARK }),
      t('international.note.forms'),
      t('international.note.justice'),
      ...(tables.some((x) => x.withheld) ? [t('international.note.withheld')] : []),
    ],
  };
}

/** What the tables print of the justice figures: the annual report's investigations, prosecutions and convictions. */
const justiceCountsOf = (j: JusticeFigures) => ({
  investigations: j.investigations.trafficking,
  prosecutions: j.prosecutions.cases,
  convicted: j.outcomes.convicted,
  officialsConvicted: j.complicitOfficials.convicted,
  officialSuspects: j.complicitOfficials.suspects,
});

/** A country's name in the language: the catalogue's (Kazakh names checked by people), else the runtime's (ICU). */
export function countryName(t: Translator, lang: Locale, code: string): string {
  const key = `countries.${code}`;
  const named = t.t(lang, key);
  if (named !== key) return named;
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function categoryLabel(t: Translator, lang: Locale, dimension: string, category: string): string {
  if (category === TOTAL) return t.t(lang, 'statistics.tables.total');
  switch (dimension) {
    case 'sex':
    case 'ageGroup':
    case 'citizenGroup':
      return t.t(lang, `statistics.${dimension}.${category}`);
    case 'form':
      return t.t(lang, `international.glotipForm.${category}`);
    case 'citizenship':
      return category === 'XX' ? t.t(lang, 'statistics.unknownCitizenship') : countryName(t, lang, category);
    case 'referredBy':
      return t.t(lang, `agencyTypes.${category}`);
    case 'referred':
    case 'participated':
    case 'part':
      return t.t(lang, `international.${dimension}.${category}`);
    default:
      return category;
  }
}

/** The file's columns: their codes (the code row) and headings `international.column.<code>`. */
const COLUMNS = ['year', 'section', 'table', 'table_code', 'category_1', 'category_1_code', 'category_2', 'category_2_code', 'glotip_group', 'unit', 'value'];

/**
 * Every table in one sheet, one row per published count ("long" form, as the national tables
 * file): the table's title and code, up to two categories with their codes (`sex:female`,
 * `citizenship:UZ`, GLOTIP's forms), GLOTIP's women/girls/men/boys, the unit and the count as
 * published. A withheld table has one row saying so. Notes below: the marks and the mappings.
 */
export function internationalTablesFile(result: InternationalTables, t: Translator, lang: Locale): TableFile {
  const rows = result.tables.flatMap((table) => {
    const head = [result.year, t.t(lang, `international.section.${table.section}`), table.title, table.id];
    const unit = t.t(lang, `international.unit.${table.unit}`);
    if (table.withheld) return [[...head, null, null, null, null, null, unit, t.t(lang, 'international.withheldValue')]];
    return table.rows.map((row) => {
      const [first, second] = row.categories;
      return [
        ...head,
        first?.label ?? null,
        first ? `${first.dimension}:${first.code}` : null,
        second?.label ?? null,
        second ? `${second.dimension}:${second.code}` : null,
        row.glotipGroup,
        unit,
        row.shown,
      ];
    });
  });
  return {
    columns: COLUMNS.map((column) => ({ label: t.t(lang, `international.column.${column}`), code: column })),
    rows,
    withCodeRow: true,
    sheetName: `${result.year}`,
    notes: result.notes,
  };
}
