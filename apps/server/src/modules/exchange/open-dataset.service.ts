import { sql } from 'drizzle-orm';
import {
  CITIZENSHIP_REGIONS,
  DomainError,
  FOREIGN_CITIZENSHIP,
  GENERALISATION_HIERARCHIES,
  GENERALISED_ATTRIBUTES,
  kazakhstanYear,
  KZ_MACRO_REGIONS,
  KZ_REGIONS,
  OPEN_DATASET_COLUMNS,
  OPEN_DATASET_K,
  OPEN_DATASET_QI_COLUMNS,
  OPEN_DATASET_SUPPRESSED,
  OPEN_DATASET_UNKNOWN,
  OTHER_CITIZENSHIP_REGION,
  publishOpenDataset,
  verifyKAnonymity,
  type OpenDataset,
  type OpenDatasetColumnCode,
  type OpenDatasetDictionary,
  type OpenDatasetGender,
  type OpenDatasetQuery,
  type OpenDatasetSource,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { type AuditContext, appendAudit } from '../../audit/audit.repository.ts';
import { rowsOf } from '../../db/client.ts';
import type { Locale } from '../../http/i18n.ts';
import { type TableFile, tableToCsv, tableToXlsx } from '../../util/safe-table-file.ts';
import { countryName } from '../statistics/international-tables.ts';
import { firstRegisterYear } from '../statistics/statistics.repository.ts';

interface SourceRow {
  on_day: string;
  gender: string | null;
  birth_year: number | null;
  citizenship: string | null;
  region_code: string | null;
  exploitation_types: string[] | null;
}

/** HTCDS genders as CTDC publishes them: female and male as they are, the other genders together, no answer unknown. */
export function openDatasetGenderOf(gender: string | null): OpenDatasetGender {
  if (gender === 'Feminine' || gender === 'Masculine') return gender;
  // "Non-specified/unknown" is an answer that says nothing: unknown, as the statistics count it (sexCategoryOf).
  if (!gender || gender === 'NonSpecifiedUnknown') return 'Unknown';
  return 'Other';
}

/**
 * The CTDC-style open dataset (issue #14 item 5): one row per identified victim counted by the
 * statistics engine (victim_first_identifications: a person once, at her first positive
 * identification), generalised and suppressed by core until k = 11 holds over every published
 * quasi-identifier, or refused. It is the WHOLE register whoever asks: `open_dataset.publish` is a
 * global permission because nothing in it is a record of a person, and a dataset that changed with
 * the reader would let two readers' files be differenced. No id, name, date or place finer than
 * the generalisation is ever read into it.
 */
export function createOpenDatasetService(deps: AppDeps) {
  const { db, translator } = deps;

  async function sources(from: number, to: number): Promise<OpenDatasetSource[]> {
    const rows = rowsOf<SourceRow>(
      await db.execute(sql`
        SELECT f.on_day, p.gender, p.birth_year, p.citizenship, f.region_code, c.exploitation_types
        FROM victim_first_identifications f
        JOIN persons p ON p.id = f.person_id
        JOIN cases c ON c.id = f.case_id
        WHERE f.on_day BETWEEN ${`${from}-01-01`} AND ${`${to}-12-31`}`),
    );
    return rows.map((r) => {
      const year = Number(r.on_day.slice(0, 4));
      const birthYear = r.birth_year == null ? null : Number(r.birth_year);
      const age = birthYear === null || birthYear > year ? null : year - birthYear;
      return {
        yearOfRegistration: year,
        gender: openDatasetGenderOf(r.gender),
        age,
        citizenship: r.citizenship,
        exploitation: r.exploitation_types ?? [],
        regionCode: r.region_code,
      };
    });
  }

  /** The years asked, or every year of the register up to last year (the current year is not over). */
  async function yearsOf(q: OpenDatasetQuery): Promise<{ from: number; to: number }> {
    const thisYear = kazakhstanYear(deps.now());
    const to = q.to ?? Math.max(thisYear - 1, q.from ?? 0);
    if (to > thisYear) throw new DomainError('validation_failed', [{ path: 'to', code: 'year_in_future' }]);
    const from = q.from ?? Math.min((await firstRegisterYear(db)) ?? to, to);
    if (from > to) throw new DomainError('validation_failed', [{ path: 'from', code: 'invalid_range' }]);
    return { from, to };
  }

  const t = (lang: Locale, key: string, params?: Record<string, unknown>) => translator.t(lang, key, params);

  /** Every value a column may hold, named in the language (the dictionary). */
  function valueLabel(lang: Locale, column: OpenDatasetColumnCode, value: string | number): string {
    if (value === OPEN_DATASET_SUPPRESSED) return t(lang, 'openDataset.value.suppressed');
    if (value === OPEN_DATASET_UNKNOWN) return t(lang, 'openDataset.value.unknown');
    const v = String(value);
    switch (column) {
      case 'gender':
        return t(lang, `openDataset.value.gender.${v}`);
      case 'ageBroad': {
        const [from, to] = v.replace('+', '').split('--');
        return to ? t(lang, 'openDataset.value.ageBand', { from, to }) : t(lang, 'openDataset.value.ageFrom', { from });
      }
      case 'majorityStatus':
        return t(lang, `openDataset.value.majority.${v}`);
      case 'citizenship':
        if (v === FOREIGN_CITIZENSHIP) return t(lang, 'openDataset.value.foreign');
        if (v === OTHER_CITIZENSHIP_REGION || v in CITIZENSHIP_REGIONS) return t(lang, `openDataset.value.worldRegion.${v}`);
        return countryName(translator, lang, v);
      case 'regionOfIdentification':
        if (v in KZ_MACRO_REGIONS) return t(lang, `openDataset.value.macroRegion.${v}`);
        return KZ_REGIONS.find((r) => r.code === v)?.name[lang] ?? v;
      default:
        return t(lang, value === 1 ? 'openDataset.value.yes' : 'openDataset.value.no');
    }
  }

  return {
    /**
     * The dataset of the years, or a 409 that says why it cannot be published: fewer than k
     * victims, or k not reachable without leaving out more than the allowed share of them. The
     * publication is audited with its counts (never a row).
     */
    async publish(audit: AuditContext, q: OpenDatasetQuery): Promise<{ dataset: OpenDataset; file: Buffer | null; filename: string }> {
      const { from, to } = await yearsOf(q);
      const records = await sources(from, to);
      const result = publishOpenDataset(records);
      if (!result.ok) {
        const code = result.reason === 'too_few_records' ? 'too_few_records' : 'k_anonymity_not_met';
        const params = { k: result.k, kReached: result.kReached, suppressed: result.suppressed, records: result.records };
        throw new DomainError('conflict', [{ path: 'dataset', code, params }]);
      }
      // Core checked its own output; checked again here, where the file leaves, so that no fault upstream can publish.
      if (verifyKAnonymity(result.rows, OPEN_DATASET_QI_COLUMNS, result.k) < result.k) throw new Error('open dataset: k-anonymity check failed');
      const levels = Object.fromEntries(GENERALISED_ATTRIBUTES.map((a) => [a, GENERALISATION_HIERARCHIES[a][result.levels[a]] as string]));
      const report = {
        from,
        to,
        k: result.k,
        kReached: result.kReached,
        records: records.length,
        published: result.rows.length,
        suppressed: result.suppressed,
        levels: levels as OpenDataset['report']['levels'],
      };
      const dataset: OpenDataset = { report, rows: result.rows };
      const table: TableFile = {
        columns: OPEN_DATASET_COLUMNS.map((c) => ({ label: t(q.lang, `openDataset.column.${c.column}`), code: c.column })),
        withCodeRow: true,
        sheetName: `${from}-${to}`,
        rows: result.rows.map((row) => OPEN_DATASET_COLUMNS.map((c) => row[c.column])),
      };
      const file = q.format === 'csv' ? tableToCsv(table) : q.format === 'xlsx' ? await tableToXlsx(table) : null;
      await appendAudit(db, audit, {
        operation: 'open_dataset.published',
        details: { from, to, format: q.format, records: report.records, published: report.published, suppressed: report.suppressed, kReached: report.kReached },
      });
      return { dataset, file, filename: `qorgau-open-dataset-${from}-${to}.${q.format}` };
    },

    dictionary(lang: Locale): OpenDatasetDictionary {
      return {
        k: OPEN_DATASET_K,
        columns: OPEN_DATASET_COLUMNS.map((c) => ({
          code: c.column,
          label: t(lang, `openDataset.column.${c.column}`),
          description: t(lang, `openDataset.description.${c.column}`),
          type: c.type,
          quasiIdentifier: c.quasiIdentifier,
          pattern: c.pattern ?? null,
          allowedValues: c.allowedValues?.map((value) => ({ value, label: valueLabel(lang, c.column, value) })) ?? null,
        })),
      };
    },
  };
}
