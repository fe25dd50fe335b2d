import type { Actor, AnnualReportFacts, OfficialFigureKey, FigureSource, JusticeFigures, YearStatistics } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { statisticsJustice } from './statistics-justice.ts';
import { officialFigure } from '../official-figures/official-figures.repository.ts';
import { firstCriminalYear, recommendationStatuses, shelterFunding, tengePerUsd } from './report-facts.repository.ts';
import { createStatisticsService } from './statistics.service.ts';

/**
 * The annual report's facts (issue #13 item 2), gathered from the statistics engine, the
 * funding tables and the official figures of years before the register. Exact counts: the
 * government's submission. The public edition is derived from these by suppression
 * (publicFacts), never gathered separately, so the two editions cannot disagree.
 *
 * A fact is null when its data is absent (no funding recorded, no criminal case registered
 * yet): the report then leaves its sentence out rather than writing a zero.
 */
export async function gatherReportFacts(deps: AppDeps, actor: Actor, year: number): Promise<AnnualReportFacts> {
  const statistics = createStatisticsService(deps);
  const db = deps.db;
  const criminalFromQuery = firstCriminalYear(db);
  const [y, rate, previousRate, funding, previousFunding, criminalFrom, previousJustice, recommendations] = await Promise.all([
    statistics.year(actor, { year }),
    tengePerUsd(db, year),
    tengePerUsd(db, year - 1),
    shelterFunding(db, year),
    previousShelterFunding(deps, year - 1),
    criminalFromQuery,
    criminalFromQuery.then((from) => previousProsecution(deps, actor, year - 1, from)),
    recommendationStatuses(db, year),
  ]);
  const hasCriminalData = criminalFrom !== null && criminalFrom <= year;
  return {
    year,
    edition: 'official',
    identification: identificationOf(y),
    care: careOf(y),
    funding: funding && {
      shelters: { ...funding, tengePerUsd: rate },
      previous: previousFunding && { ...previousFunding, year: year - 1, tengePerUsd: previousRate },
    },
    proceedings: {
      participated: hasCriminalData ? y.victims.participated : null,
      victimWitness: victimWitnessOf(y.justice, rate),
    },
    prosecution: hasCriminalData ? prosecutionOf(y.justice, previousJustice && { year: year - 1, ...previousJustice }) : null,
    redress: redressOf(y.justice, rate),
    prevention: recommendations.length ? { recommendations } : null,
  };
}

function identificationOf(y: YearStatistics): AnnualReportFacts['identification'] {
  const v = y.victims;
  const byCategory = (list: { category: string; n: number }[], category: string) => list.find((c) => c.category === category)?.n ?? 0;
  return {
    victims: v.total,
    previous: y.previous && { year: y.previous.year, value: y.previous.victims, source: y.previous.source },
    byForm: v.formByCitizenGroup
      .map((f) => ({ form: f.form, total: f.citizen + f.foreign, citizen: f.citizen, foreign: f.foreign }))
      .sort((a, b) => b.total - a.total),
    children: byCategory(v.byAgeGroup, 'child'),
    female: byCategory(v.bySex, 'female'),
    male: byCategory(v.bySex, 'male'),
    byAgencyType: v.byAgencyType.map((a) => ({ agencyType: a.category, n: a.n })),
    anonymousNotifications: y.notifications.anonymousScreenings,
    selfReports: y.notifications.selfReports,
  };
}

/** "The government did not report how many victims it referred to care" when no referral is recorded at all. */
function careOf(y: YearStatistics): AnnualReportFacts['care'] {
  const anyReferral = y.care.referrals > 0 || y.victims.referred > 0;
  return {
    referred: anyReferral ? y.victims.referred : null,
    byReferrerType: y.victims.byReferredBy.filter((r) => r.category !== 'none').map((r) => ({ agencyType: r.category, n: r.n })),
    personsSheltered: y.care.personsSheltered > 0 ? y.care.personsSheltered : null,
    bedDays: y.care.bedDays > 0 ? y.care.bedDays : null,
  };
}

function victimWitnessOf(j: JusticeFigures, rate: number | null): NonNullable<AnnualReportFacts['proceedings']>['victimWitness'] {
  const p = j.protectionProgramme;
  if (p.persons === 0) return null;
  return { tenge: p.costTenge, tengePerUsd: rate, citizens: p.citizens, foreign: p.foreign };
}

type PreviousProsecution = { investigations: number | null; prosecutions: number | null; convictions: number | null; source: FigureSource } | null;

function prosecutionOf(j: JusticeFigures, previous: (PreviousProsecution & { year: number }) | null): AnnualReportFacts['prosecution'] {
  const convicted = j.outcomes.convicted;
  return {
    investigations: j.investigations.trafficking,
    prosecutions: j.prosecutions.cases,
    convictions: convicted,
    previous,
    sentences: convicted > 0 ? { custodial: j.outcomes.custodial, suspended: j.outcomes.suspended, fine: j.outcomes.fine } : null,
    // Zero is data here: the TIP report says when no complicit official was investigated or convicted.
    complicitOfficials: j.complicitOfficials,
  };
}

function redressOf(j: JusticeFigures, rate: number | null): AnnualReportFacts['redress'] {
  const c = j.compensation;
  const amount = (tenge: number) => (tenge > 0 ? { tenge, tengePerUsd: rate } : null);
  if (c.informed + c.claims + c.awardedTenge + c.paidTenge + j.legalAid.persons === 0) return null;
  return {
    informed: c.informed,
    claims: c.claims,
    awarded: amount(c.awardedTenge),
    paid: amount(c.paidTenge),
    legalAidPersons: j.legalAid.persons,
  };
}

/** An official figure's total for a year, or null. */
const officialTotal = async (deps: AppDeps, year: number, figure: OfficialFigureKey) => (await officialFigure(deps.db, year, figure))?.value ?? null;

/** The year before's shelter funding: from the allocations recorded, else the official figure entered for it. */
async function previousShelterFunding(deps: AppDeps, year: number) {
  const recorded = await shelterFunding(deps.db, year);
  if (recorded) return { ...recorded, source: 'register' as const };
  const tenge = await officialTotal(deps, year, 'shelter_funding_tenge');
  if (tenge === null) return null;
  return { tenge, count: (await officialTotal(deps, year, 'shelters_funded')) ?? 0, source: 'official' as const };
}

/** The year before's prosecution figures: the criminal-case register's where it covers the year, else official ones. */
async function previousProsecution(deps: AppDeps, actor: Actor, year: number, criminalFrom: number | null): Promise<PreviousProsecution> {
  if (criminalFrom !== null && year >= criminalFrom) {
    const j = await statisticsJustice(deps.db, actor, year);
    return { investigations: j.investigations.trafficking, prosecutions: j.prosecutions.cases, convictions: j.outcomes.convicted, source: 'register' };
  }
  const [investigations, prosecutions, convictions] = await Promise.all([
    officialTotal(deps, year, 'investigations'),
    officialTotal(deps, year, 'prosecutions'),
    officialTotal(deps, year, 'convictions'),
  ]);
  if (investigations === null && prosecutions === null && convictions === null) return null;
  return { investigations, prosecutions, convictions, source: 'official' };
}
