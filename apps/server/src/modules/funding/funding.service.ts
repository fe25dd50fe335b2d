import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type Allocation,
  compareFunding,
  type CreateAllocationBody,
  DomainError,
  type ExchangeRateBody,
  type FieldIssue,
  type FundingOverview,
  kazakhstanDate,
  kazakhstanYear,
  scopeOf,
  tengeToUsd,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { type AuditContext, appendAudit } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import {
  type AllocationRecord,
  allocationByClientId,
  insertAllocation,
  listAllocations,
  listRates,
  personsSheltered,
  providerFacts,
  rateOf,
  regionLoads,
  upsertRate,
} from './funding.repository.ts';

/**
 * The regions whose statistics a reader sees (issue #13): null for the whole country. A regional
 * or agency grant of `statistics.read` narrows the figures to the regions of her jurisdiction:
 * funding is allocated per region and holds no personal data, so an agency's reader sees her
 * region's allocations and counts, never another region's.
 */
export function statisticsRegions(actor: Actor): string[] | null {
  if (scopeOf(actor.role, 'statistics.read') === 'national' || actor.jurisdiction.national) return null;
  return actor.jurisdiction.regions;
}

const inScope = (regions: string[] | null, region: string) => regions === null || regions.includes(region);

/** A year that has not begun on the Kazakhstan calendar cannot have been funded or rated. */
function futureYearIssues(year: number, now: Date): FieldIssue[] {
  return year > kazakhstanYear(now) ? [{ path: 'year', code: 'year_in_future' }] : [];
}

export function createFundingService({ db, now }: AppDeps) {
  const view = (a: AllocationRecord, rate: number | null): Allocation => ({
    ...a,
    amountUsd: tengeToUsd(a.amountTenge, rate),
    createdAt: a.createdAt.toISOString(),
  });

  return {
    async rates() {
      const rows = await listRates(db);
      return { items: rows.map((r) => ({ year: Number(r.year), tengePerUsd: Number(r.tengePerUsd), source: r.source, setAt: r.setAt.toISOString() })) };
    },

    async setRate(auth: AuthContext, audit: AuditContext, year: number, body: ExchangeRateBody) {
      const issues = futureYearIssues(year, now());
      if (issues.length) throw new DomainError('validation_failed', issues);
      const setAt = now();
      await db.transaction(async (tx) => {
        const before = await rateOf(tx, year);
        await upsertRate(tx, { year, tengePerUsd: body.tengePerUsd, source: body.source, setBy: auth.user.id, setAt });
        await appendAudit(tx, audit, {
          operation: 'funding.rate_set',
          recordType: 'exchange_rate',
          details: { year, tengePerUsd: body.tengePerUsd, previous: before?.tengePerUsd ?? null },
        });
      });
      const rate = await rateOf(db, year);
      return { year, tengePerUsd: rate?.tengePerUsd ?? body.tengePerUsd, source: body.source, setAt: setAt.toISOString() };
    },

    /** Idempotent on the client id: a repeated request answers with the allocation it made first. */
    async createAllocation(auth: AuthContext, audit: AuditContext, body: CreateAllocationBody): Promise<Allocation> {
      const existing = await allocationByClientId(db, body.clientId);
      if (existing) return view(existing, (await rateOf(db, existing.year))?.tengePerUsd ?? null);
      const issues = futureYearIssues(body.year, now());
      if (body.providerId) {
        const p = await providerFacts(db, body.providerId);
        if (!p) issues.push({ path: 'providerId', code: 'not_found' });
        else if (p.kind !== 'shelter') issues.push({ path: 'providerId', code: 'provider_not_shelter' });
        else if (p.regionCode !== body.regionCode) issues.push({ path: 'providerId', code: 'provider_other_region' });
      }
      if (issues.length) throw new DomainError('validation_failed', issues);
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const inserted = await insertAllocation(tx, {
          id,
          clientId: body.clientId,
          year: body.year,
          purpose: body.purpose,
          providerId: body.providerId ?? null,
          regionCode: body.regionCode,
          amountTenge: body.amountTenge,
          casesBasis: body.casesBasis ?? null,
          source: body.source,
          createdBy: auth.user.id,
        });
        // A concurrent twin won the client id: nothing of ours to audit.
        if (!inserted) return;
        await appendAudit(tx, audit, {
          operation: 'funding.allocation_created',
          recordType: 'funding_allocation',
          recordId: id,
          details: { year: body.year, purpose: body.purpose, regionCode: body.regionCode, amountTenge: body.amountTenge, shelter: body.providerId ?? null },
        });
      });
      const made = await allocationByClientId(db, body.clientId);
      if (!made) throw new DomainError('internal');
      return view(made, (await rateOf(db, made.year))?.tengePerUsd ?? null);
    },

    async overview(auth: AuthContext, year: number): Promise<FundingOverview> {
      const regions = statisticsRegions(auth.actor);
      const today = kazakhstanDate(now());
      const [rate, all, loads, sheltered] = await Promise.all([
        rateOf(db, year),
        listAllocations(db, year, null),
        regionLoads(db, year, today),
        personsSheltered(db, year, today),
      ]);
      const r = rate?.tengePerUsd ?? null;
      const usd = (t: number) => tengeToUsd(t, r);
      const shelterAllocations = all.filter((a) => a.purpose === 'shelter');
      const allocated = new Map<string, number>();
      for (const a of shelterAllocations) allocated.set(a.regionCode, (allocated.get(a.regionCode) ?? 0) + a.amountTenge);
      const loadOf = new Map(loads.map((l) => [l.region, l]));
      const keys = [...new Set([...loadOf.keys(), ...allocated.keys()])].sort();
      const units = keys.map((key) => {
        const l = loadOf.get(key);
        return { key, allocationTenge: allocated.get(key) ?? 0, cases: l?.cases ?? 0, victims: l?.victims ?? 0, bedDays: l?.bedDays ?? 0 };
      });
      const cmp = compareFunding(units, { personsSheltered: sheltered });
      const visible = all.filter((a) => inScope(regions, a.regionCode));
      const visibleShelter = visible.filter((a) => a.purpose === 'shelter');
      const sum = (xs: AllocationRecord[]) => xs.reduce((s, a) => s + a.amountTenge, 0);
      const shelterTenge = sum(visibleShelter);
      const victimWitnessTenge = sum(visible.filter((a) => a.purpose === 'victim_witness'));
      const fundedIn = (region: string | null) =>
        new Set(visibleShelter.filter((a) => a.providerId && (region === null || a.regionCode === region)).map((a) => a.providerId)).size;
      return {
        year,
        rate,
        regions: regions ?? [],
        allocations: visible.map((a) => view(a, r)),
        totals: { shelterTenge, shelterUsd: usd(shelterTenge), sheltersFunded: fundedIn(null), victimWitnessTenge, victimWitnessUsd: usd(victimWitnessTenge) },
        national: {
          totalTenge: cmp.totalTenge,
          tengePerCase: cmp.tengePerCase,
          tengePerVictim: cmp.tengePerVictim,
          tengePerBedDay: cmp.tengePerBedDay,
          averageStayDays: cmp.averageStayDays,
        },
        rows: cmp.rows
          .filter((row) => inScope(regions, row.key))
          .map((row) => {
            const l = loadOf.get(row.key);
            const formula = (t: number | null) => ({ tenge: t, usd: t === null ? null : usd(t) });
            return {
              region: row.key,
              allocation: { tenge: row.allocationTenge, usd: usd(row.allocationTenge) },
              sheltersFunded: fundedIn(row.key),
              cases: row.cases,
              victims: row.victims,
              bedDays: row.bedDays,
              victimsPerCase: row.victimsPerCase,
              perCase: formula(row.perCaseTenge),
              perVictim: formula(row.perVictimTenge),
              perBedDay: formula(row.perBedDayTenge),
              uncoveredVictims: row.uncoveredVictims,
              uncoveredBedDays: row.uncoveredBedDays,
              shortfalls: row.shortfalls,
              labourVictims: l?.labourVictims ?? 0,
              providersUrban: l?.providersUrban ?? 0,
              providersRural: l?.providersRural ?? 0,
              shelterBeds: l?.shelterBeds ?? 0,
            };
          }),
      };
    },
  };
}
