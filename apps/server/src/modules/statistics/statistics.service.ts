import {
  DomainError,
  filterCells,
  kazakhstanDate,
  kazakhstanYear,
  scopeOf,
  victimFigures,
  type RegionsStatistics,
  type StatisticsQuery,
  type StatisticsRecords,
  type StatisticsRecordsQuery,
  type Trend,
  type TrendQuery,
  type VictimCell,
  type VictimFilter,
  type YearStatistics,
  type Actor,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import { keptOrCounted, readerKey } from './statistics-cache.ts';
import { statisticsJustice } from './statistics-justice.ts';
import { otherFigures } from './figures.repository.ts';
import { officialFigure } from '../official-figures/official-figures.repository.ts';
import { firstRegisterYear, recordLabels, regionFacts, yearHasData } from './statistics.repository.ts';
import { victimCellsByYear, victimRecords } from './victims.repository.ts';

/** The longest trend one request may ask for. */
const MAX_TREND_YEARS = 30;

/** The dashboard's filters as a cube filter (region, form, citizen group, sex, age group). */
const filterOf = (q: Partial<StatisticsQuery>): VictimFilter => ({
  region: q.region,
  form: q.form,
  citizenGroup: q.citizenGroup,
  sex: q.sex,
  ageGroup: q.ageGroup,
});

/**
 * The one breakdown an official figure can answer for (official figures carry one dimension at
 * a time, and no region): null when the filter asks for more.
 */
function officialBreakdownOf(filter: VictimFilter): { dimension: string; category: string } | null | undefined {
  const set = Object.entries(filter).filter(([, v]) => v !== undefined);
  if (set.length === 0) return null;
  if (set.length > 1 || set[0]?.[0] === 'region') return undefined;
  const [dimension, category] = set[0] as [string, string];
  return { dimension, category };
}

const total = (cells: readonly VictimCell[]) => cells.reduce((s, c) => s + c.n, 0);

export function createStatisticsService(deps: AppDeps) {
  const db = deps.db;

  /** A year after this one has no figures yet: a field-level 400, as a contract failure would be. */
  function refuseFuture(year: number, path = 'year') {
    if (year > kazakhstanYear(deps.now())) throw new DomainError('validation_failed', [{ path, code: 'year_in_future' }]);
  }

  /**
   * A year's victims for comparisons and trends: the register's count where the register
   * covers the year, else the official figure entered for it (marked `official`), else null.
   * An official figure wins for a year it exists: it was entered because the register did not
   * yet hold that year whole.
   */
  async function victimsOf(year: number, cells: VictimCell[] | undefined, filter: VictimFilter, registerFrom: number | null) {
    const breakdown = officialBreakdownOf(filter);
    if (breakdown !== undefined) {
      const official = await officialFigure(db, year, 'victims_identified', breakdown?.dimension, breakdown?.category);
      if (official !== null) return { victims: official.value, source: 'official' as const };
    }
    if (registerFrom !== null && year >= registerFrom) return { victims: total(filterCells(cells ?? [], filter)), source: 'register' as const };
    return null;
  }

  /**
   * The number of records behind a figure is the figure itself when the reader lists within
   * exactly the scope she counts in (the same scope gives the same person predicate over the
   * same first identifications): read from the kept cube instead of counting the year again.
   * Otherwise (she may list fewer than she counts) undefined, and the list counts.
   */
  async function recordsTotalFromCube(actor: Actor, year: number, filter: VictimFilter): Promise<number | undefined> {
    const counting = scopeOf(actor.role, 'statistics.read');
    if (scopeOf(actor.role, 'statistics.records') !== counting || scopeOf(actor.role, 'person.read') !== counting) return undefined;
    const cubes = await victimCellsByYear(db, actor, year, year);
    return total(filterCells(cubes.get(year) ?? [], filter));
  }

  return {
    refuseFuture,

    /**
     * A report about a year the register knows nothing of would be a page of "did not report":
     * refused with a field message instead (issue #13 "Bad input": a year with no data).
     */
    async refuseYearWithoutData(year: number) {
      if (!(await yearHasData(db, year))) throw new DomainError('validation_failed', [{ path: 'year', code: 'year_without_data' }]);
    },

    async year(actor: Actor, query: StatisticsQuery): Promise<YearStatistics> {
      refuseFuture(query.year);
      const filter = filterOf(query);
      // Bed-days run to tonight in the current year: what was counted today is kept today only.
      const today = kazakhstanDate(deps.now());
      // Independent counts, side by side on a server's pool (the first view after a write pays the longest, not the sum).
      const [cubes, registerFrom, other, justice] = await Promise.all([
        victimCellsByYear(db, actor, query.year - 1, query.year),
        firstRegisterYear(db),
        keptOrCounted(db, `other|${readerKey(actor)}|${query.year}|${today}`, () => otherFigures(db, actor, query.year, deps.now())),
        statisticsJustice(db, actor, query.year),
      ]);
      const cells = filterCells(cubes.get(query.year) ?? [], filter);
      const previous = await victimsOf(query.year - 1, cubes.get(query.year - 1), filter, registerFrom);
      return {
        year: query.year,
        regions: actor.jurisdiction.national ? [] : actor.jurisdiction.regions,
        victims: victimFigures(cells),
        previous: previous && { year: query.year - 1, ...previous },
        ...other,
        justice,
      };
    },

    async trend(actor: Actor, query: TrendQuery): Promise<Trend> {
      if (query.from > query.to || query.to - query.from >= MAX_TREND_YEARS) throw new DomainError('validation_failed', [{ path: 'from', code: 'year_range' }]);
      refuseFuture(query.to, 'to');
      const filter = filterOf(query);
      const cubes = await victimCellsByYear(db, actor, query.from, query.to);
      const registerFrom = await firstRegisterYear(db);
      const points = [];
      for (let year = query.from; year <= query.to; year++) {
        const v = await victimsOf(year, cubes.get(year), filter, registerFrom);
        points.push({ year, victims: v?.victims ?? null, source: v?.source ?? null });
      }
      return { points };
    },

    /** Per region, for the map: victims, cases, referrals and whether help was there. */
    async regions(actor: Actor, query: StatisticsQuery): Promise<RegionsStatistics> {
      refuseFuture(query.year);
      const cubes = await victimCellsByYear(db, actor, query.year, query.year);
      const cells = filterCells(cubes.get(query.year) ?? [], { ...filterOf(query), region: undefined });
      const victimsByRegion = new Map<string, number>();
      for (const c of cells) victimsByRegion.set(c.region, (victimsByRegion.get(c.region) ?? 0) + c.n);
      const regions = await keptOrCounted(db, `regions|${readerKey(actor)}|${JSON.stringify(query)}`, () =>
        regionFacts(db, actor, query.year, victimsByRegion),
      );
      return { year: query.year, regions };
    },

    /**
     * The records behind a figure: the victims of the year in the figure's categories that the
     * reader may open (statistics.records and person.read scopes), by pseudonym. Audited with
     * the ids shown, like any list of persons.
     */
    async records(actor: Actor, audit: AuditContext, query: StatisticsRecordsQuery): Promise<StatisticsRecords> {
      refuseFuture(query.year);
      const filter: VictimFilter = { ...filterOf(query), agencyType: query.agencyType };
      const page = await victimRecords(db, actor, query.year, filter, {
        page: query.page,
        pageSize: query.pageSize,
        knownTotal: await recordsTotalFromCube(actor, query.year, filter),
      });
      const labels = await recordLabels(
        db,
        page.rows.map((r) => r.personId),
        page.rows.map((r) => r.caseId),
      );
      const items = page.rows.map((r) => ({
        personId: r.personId,
        pseudonym: labels.pseudonyms.get(r.personId) ?? '',
        caseId: r.caseId,
        caseReference: labels.references.get(r.caseId) ?? '',
        identifiedOn: r.identifiedOn,
        region: r.region,
        form: r.form,
      }));
      await db.transaction((tx) =>
        appendAudit(tx, audit, {
          operation: 'statistics.records_listed',
          details: { year: query.year, filter, total: page.total, shown: items.map((i) => i.personId) },
        }),
      );
      return { items, total: page.total, page: query.page, pageSize: query.pageSize };
    },
  };
}
