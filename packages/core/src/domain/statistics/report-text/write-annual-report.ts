import { AGENCY_TYPES, type AgencyType } from '../../../access/roles.ts';
import { FORM_CATEGORIES, type FormCategory } from '../categories.ts';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../recommendations.ts';
import type { AnnualReportFacts, FigureSource, ReportCount, TengeAmount } from '../report-facts.ts';
import { en } from './en.ts';
import { kk } from './kk.ts';
import { tengeToUsd } from './numbers.ts';
import { ru } from './ru.ts';
import type {
  AgencyItem,
  AnnualReportText,
  CitizenSplit,
  Comparison,
  FormItem,
  Money,
  Participation,
  ReportLang,
  ReportLanguage,
  ReportSectionText,
  Shown,
  VictimWitness,
} from './types.ts';

/**
 * The annual report's prosecution, protection and prevention sections, written from the facts
 * as the TIP report writes them (issue #13 item 2). The text lives in core, in TypeScript, not in
 * the i18n JSON: numbers under ten in words, Russian case and gender agreement and Kazakh
 * suffixes on numerals need code, and the three languages must say the same thing.
 *
 * Which sentences exist is decided here, once for all languages:
 * - A fact that is absent (`null`, or a block that is `null`) leaves its sentence out; nothing is
 *   written with zeros for it. The one exception is `care.referred`: the register knows referral
 *   is part of every case, so its absence is itself the finding, and the TIP report says it in
 *   those words ("The government did not report how many victims it referred to care.").
 * - A zero that is data is said, in the words the TIP report uses for it ("did not identify any",
 *   "did not convict any", "did not report any investigations … of government employees
 *   complicit"), except inside breakdowns, where zero parts are left out: the total and the parts
 *   shown already say it.
 * - A `hidden` count (public edition) leaves out its sentence part, and a whole parenthesised
 *   split when any part of it is hidden, since what is left would read as the complete split.
 *   A sentence whose total is known stays. "fewer than 11" (`lt11`) is written as such.
 * - Sections always appear, in TIP order; a section with no facts has no paragraphs.
 */
export function writeAnnualReport(facts: AnnualReportFacts, lang: ReportLang): AnnualReportText {
  const L = LANGUAGES[lang];
  const officialYears = new Set<number>();
  const compare = (previous: { year: number; value: ReportCount | null; source: FigureSource } | null): Comparison | null => {
    const value = previous ? shown(previous.value) : null;
    if (!previous || value === null) return null;
    if (previous.source === 'official') officialYears.add(previous.year);
    return { year: previous.year, value };
  };
  const money = (amount: TengeAmount): Money => ({ tenge: amount.tenge, usd: tengeToUsd(amount.tenge, amount.tengePerUsd) });

  const prosecution = prosecutionParagraphs(facts, L, compare);
  const protection = protectionParagraphs(facts, L, compare, money, officialYears);
  const prevention = preventionParagraphs(facts, L);

  const notes = [...officialYears].sort((a, b) => a - b).map((year) => L.officialFiguresNote(year));
  if (facts.edition === 'public') notes.push(L.publicEditionNote());
  const section = (key: ReportSectionText['key'], paragraphs: string[][]): ReportSectionText => ({
    key,
    heading: L.headings[key],
    paragraphs: paragraphs.filter((p) => p.length > 0).map((p) => p.join(' ')),
  });
  return {
    title: L.title(facts.year, facts.edition),
    sections: [section('prosecution', prosecution), section('protection', protection), section('prevention', prevention)],
    notes,
  };
}

/** Recommendations are told from the furthest along: met first, not applicable last. */
const STATUS_RANK: Record<RecommendationStatus, number> = { met: 0, partly_met: 1, in_progress: 2, not_started: 3, not_applicable: 4 };

const LANGUAGES: Record<ReportLang, ReportLanguage> = { en, ru, kk };

type Compare = (previous: { year: number; value: ReportCount | null; source: FigureSource } | null) => Comparison | null;

/** A count a sentence may show; `hidden` and absent are `null`. */
function shown(count: ReportCount | null | undefined): Shown | null {
  return count === undefined || count === null || count === 'hidden' ? null : count;
}

/** A breakdown part: shown and not zero. */
function part(count: ReportCount | null | undefined): Shown | null {
  const s = shown(count);
  return s === 0 ? null : s;
}

const isForm = (form: string): form is FormCategory => (FORM_CATEGORIES as readonly string[]).includes(form);
const isAgency = (type: string): type is AgencyType => (AGENCY_TYPES as readonly string[]).includes(type);
const isStatus = (status: string): status is RecommendationStatus => (RECOMMENDATION_STATUSES as readonly string[]).includes(status);

function agencyItems(rows: { agencyType: string; n: ReportCount }[]): AgencyItem[] {
  return rows.flatMap((row) => {
    const n = part(row.n);
    return n !== null && isAgency(row.agencyType) ? [{ agencyType: row.agencyType, n }] : [];
  });
}

/** Citizens and foreign nationals of a count `n` (exact when known). */
function citizenSplit(citizen: ReportCount, foreign: ReportCount, n: number | null): CitizenSplit | null {
  if (citizen === 'hidden' || foreign === 'hidden') return null;
  if (citizen === 0 && foreign === 0) return null;
  if (n !== null && n > 1 && foreign === 0 && citizen === n) return { kind: 'allCitizens' };
  if (n !== null && n > 1 && citizen === 0 && foreign === n) return { kind: 'allForeign' };
  return { kind: 'parts', citizen: part(citizen), foreign: part(foreign) };
}

function prosecutionParagraphs(facts: AnnualReportFacts, L: ReportLanguage, compare: Compare): string[][] {
  const p = facts.prosecution;
  if (!p) return [];
  const previous = (key: 'investigations' | 'prosecutions' | 'convictions') =>
    compare(p.previous ? { year: p.previous.year, value: p.previous[key], source: p.previous.source } : null);
  const law: string[] = [];
  const investigations = shown(p.investigations);
  if (investigations !== null) law.push(L.investigations(facts.year, investigations, previous('investigations')));
  const prosecutions = shown(p.prosecutions);
  if (prosecutions !== null) law.push(L.prosecutions(prosecutions, previous('prosecutions')));
  const convictions = shown(p.convictions);
  if (convictions !== null) law.push(L.convictions(convictions, previous('convictions')));
  if (p.sentences && convictions !== 0) {
    const parts = { custodial: part(p.sentences.custodial), suspended: part(p.sentences.suspended), fine: part(p.sentences.fine) };
    if (parts.custodial !== null || parts.suspended !== null || parts.fine !== null) law.push(L.sentencesImposed(parts));
  }
  const complicity: string[] = [];
  if (p.complicitOfficials) {
    const suspects = shown(p.complicitOfficials.suspects);
    const convicted = shown(p.complicitOfficials.convicted);
    const none = (n: Shown | null) => n === 0 || n === null;
    if (suspects === null && convicted === null) {
      // nothing shown: no sentence
    } else if (none(suspects) && none(convicted)) complicity.push(L.noComplicity());
    else complicity.push(L.complicity(suspects, convicted));
  }
  return [law, complicity];
}

function protectionParagraphs(
  facts: AnnualReportFacts,
  L: ReportLanguage,
  compare: Compare,
  money: (amount: TengeAmount) => Money,
  officialYears: Set<number>,
): string[][] {
  const identification: string[] = [];
  const id = facts.identification;
  const victims = id ? shown(id.victims) : null;
  if (id) {
    if (victims !== null) identification.push(L.identified(victims, compare(id.previous)));
    if (victims !== 0) {
      const exact = typeof victims === 'number' ? victims : null;
      const items: FormItem[] = id.byForm.flatMap((row) => {
        const n = part(row.total);
        if (n === null || !isForm(row.form)) return [];
        return [{ form: row.form, n, split: citizenSplit(row.citizen, row.foreign, typeof n === 'number' ? n : null) }];
      });
      if (items.length > 0) identification.push(L.byForm(exact, items));
      const female = part(id.female);
      const male = part(id.male);
      const children = part(id.children);
      if (female !== null || male !== null || children !== null) identification.push(L.sexAndAge(female, male, children));
      const agencies = agencyItems(id.byAgencyType);
      if (agencies.length > 0) identification.push(L.identifiedBy(agencies));
    }
    const anonymous = part(id.anonymousNotifications);
    const selfReports = part(id.selfReports);
    if (anonymous !== null || selfReports !== null) identification.push(L.notCounted(anonymous, selfReports));
  }

  const care: string[] = [];
  if (facts.care) {
    const c = facts.care;
    if (c.referred === null) care.push(L.referralNotReported());
    else {
      const referred = shown(c.referred);
      if (referred !== null) care.push(L.referred(referred));
      const referrers = agencyItems(c.byReferrerType);
      if (referred !== 0 && referrers.length > 0) care.push(L.referredBy(referrers));
    }
    const persons = part(c.personsSheltered);
    const bedDays = c.bedDays !== null && c.bedDays > 0 ? c.bedDays : null;
    if (persons !== null || bedDays !== null) care.push(L.sheltered(persons, bedDays));
  }
  // An allocation of zero tenge is not a sentence the TIP report writes; it is left out.
  if (facts.funding && facts.funding.shelters.tenge > 0) {
    const f = facts.funding;
    const previous = f.previous && f.previous.tenge > 0 ? { ...money(f.previous), year: f.previous.year } : null;
    if (previous && f.previous?.source === 'official') officialYears.add(previous.year);
    care.push(L.shelterFunding(facts.year, money(f.shelters), f.shelters.count, previous));
  }

  const justice: string[] = [];
  if (facts.proceedings) {
    const participated = shown(facts.proceedings.participated);
    let participation: Participation | null = null;
    if (participated === 0) participation = { kind: 'none' };
    else if (participated !== null) {
      const exact = typeof victims === 'number' ? victims : null;
      participation = exact !== null && participated === exact ? { kind: 'all', n: exact } : { kind: 'some', n: participated, of: exact };
    }
    const vw = facts.proceedings.victimWitness;
    const victimWitness: VictimWitness | null = vw && vw.tenge > 0 ? { money: money(vw), persons: citizenSplit(vw.citizens, vw.foreign, null) } : null;
    if (participation || victimWitness) justice.push(L.proceedings(participation, victimWitness));
  }
  if (facts.redress) {
    const r = facts.redress;
    const informed = shown(r.informed);
    const claims = shown(r.claims);
    if (informed !== null || claims !== null) justice.push(L.compensationInformed(informed, claims));
    const awarded = r.awarded && r.awarded.tenge > 0 ? money(r.awarded) : null;
    const paid = r.paid && r.paid.tenge > 0 ? money(r.paid) : null;
    if (awarded || paid) justice.push(L.compensationAwarded(awarded, paid));
    const legalAid = part(r.legalAidPersons);
    if (legalAid !== null) justice.push(L.legalAid(legalAid));
  }
  return [identification, care, justice];
}

function preventionParagraphs(facts: AnnualReportFacts, L: ReportLanguage): string[][] {
  const recommendations = (facts.prevention?.recommendations ?? []).filter((r) => isStatus(r.status));
  if (recommendations.length === 0) return [];
  const byStatus = RECOMMENDATION_STATUSES.map((status) => ({ status, n: recommendations.filter((r) => r.status === status).length }))
    .filter((s) => s.n > 0)
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status]);
  return [[L.recommendations(facts.year, recommendations.length, byStatus)]];
}
