import {
  protectPublication,
  tableOf,
  TOTAL,
  victimCube,
  type AnnualReportFacts,
  type ProtectedTable,
  type PublishedValue,
  type ReportCount,
  type VictimCell,
} from '@qorgau/core';

/**
 * The public edition of the annual report (issue #13 item 6, DOMAIN.md §7): the official facts
 * with every count of persons passed through small-cell suppression. The victims' breakdowns
 * the report writes (by form and citizenship, sex, age, identifying agency, referring agency)
 * are ONE publication over the year's victims cube, protected together, so no total and no
 * difference of two of them gives back a hidden cell. Counts that are not breakdowns of
 * victims (programme participants, notifications, justice counts) are protected one by one
 * (1–10 → "fewer than 11"): each is a single published number whose parts the report never
 * prints.
 */
export function publicFacts(facts: AnnualReportFacts, cells: readonly VictimCell[]): AnnualReportFacts {
  const shown = protectVictims(cells);
  const small = (n: ReportCount | null): ReportCount | null => (typeof n === 'number' && n > 0 && n < 11 ? 'lt11' : n);
  const small1 = (n: ReportCount): ReportCount => small(n) as ReportCount;
  const id = facts.identification;
  return {
    ...facts,
    edition: 'public',
    identification: id && {
      ...id,
      victims: shown.get('total', {}),
      byForm: id.byForm.map((f) => ({
        form: f.form,
        total: shown.get('form×citizenGroup', { form: f.form, citizenGroup: TOTAL }),
        citizen: shown.get('form×citizenGroup', { form: f.form, citizenGroup: 'citizen' }),
        foreign: shown.get('form×citizenGroup', { form: f.form, citizenGroup: 'foreign' }),
      })),
      children: shown.get('ageGroup', { ageGroup: 'child' }),
      female: shown.get('sex', { sex: 'female' }),
      male: shown.get('sex', { sex: 'male' }),
      byAgencyType: id.byAgencyType.map((a) => ({ agencyType: a.agencyType, n: shown.get('agencyType', { agencyType: a.agencyType }) })),
      previous: id.previous && { ...id.previous, value: small1(id.previous.value) },
      anonymousNotifications: small(id.anonymousNotifications),
      selfReports: small(id.selfReports),
    },
    care: facts.care && {
      ...facts.care,
      referred: facts.care.referred === null ? null : shown.get('referredBy', { referredBy: TOTAL }, { referredBy: 'none' }),
      byReferrerType: facts.care.byReferrerType.map((r) => ({ agencyType: r.agencyType, n: shown.get('referredBy', { referredBy: r.agencyType }) })),
      personsSheltered: small(facts.care.personsSheltered),
    },
    proceedings: facts.proceedings && {
      participated: small(facts.proceedings.participated),
      victimWitness: facts.proceedings.victimWitness && {
        ...facts.proceedings.victimWitness,
        citizens: small1(facts.proceedings.victimWitness.citizens),
        foreign: small1(facts.proceedings.victimWitness.foreign),
      },
    },
    prosecution: facts.prosecution && {
      ...facts.prosecution,
      investigations: small1(facts.prosecution.investigations),
      prosecutions: small1(facts.prosecution.prosecutions),
      convictions: small1(facts.prosecution.convictions),
      previous: facts.prosecution.previous && {
        ...facts.prosecution.previous,
        investigations: small(facts.prosecution.previous.investigations),
        prosecutions: small(facts.prosecution.previous.prosecutions),
        convictions: small(facts.prosecution.previous.convictions),
      },
      sentences: facts.prosecution.sentences && {
        custodial: small1(facts.prosecution.sentences.custodial),
        suspended: small1(facts.prosecution.sentences.suspended),
        fine: small1(facts.prosecution.sentences.fine),
      },
      complicitOfficials: facts.prosecution.complicitOfficials && {
        suspects: small1(facts.prosecution.complicitOfficials.suspects),
        convicted: small1(facts.prosecution.complicitOfficials.convicted),
      },
    },
    redress: facts.redress && {
      ...facts.redress,
      informed: small(facts.redress.informed),
      claims: small(facts.redress.claims),
      legalAidPersons: small(facts.redress.legalAidPersons),
    },
  };
}

const asCount = (v: PublishedValue | undefined): ReportCount => {
  if (!v) return 'hidden';
  if ('value' in v) return v.value;
  return v.suppressed === 'small' ? 'lt11' : 'hidden';
};

/**
 * The victims' tables protected together. The referred-by table is its own publication over
 * its own cube (the report prints it apart from the other breakdowns, and a cube of every
 * dimension at once would be too large to audit).
 */
function protectVictims(cells: readonly VictimCell[]) {
  const main = victimCube(cells, ['form', 'citizenGroup', 'sex', 'ageGroup', 'agencyType']);
  const tables = [
    tableOf(main, [], { id: 'total' }),
    tableOf(main, ['form', 'citizenGroup'], { id: 'form×citizenGroup', withTotals: true }),
    tableOf(main, ['sex'], { id: 'sex' }),
    tableOf(main, ['ageGroup'], { id: 'ageGroup' }),
    tableOf(main, ['agencyType'], { id: 'agencyType' }),
  ];
  const referral = victimCube(cells, ['referredBy']);
  const protectedTables = [
    ...protectPublication(main, tables),
    ...protectPublication(referral, [tableOf(referral, ['referredBy'], { id: 'referredBy', withTotals: true })]),
  ];
  const byId = new Map<string, ProtectedTable>(protectedTables.map((t) => [t.id, t]));
  const matches = (coords: Readonly<Record<string, string>>, want: Record<string, string>) => Object.entries(want).every(([d, v]) => coords[d] === v);
  return {
    /** A cell of a protected table; `minus`: the total less one category (referred = all but "none"), hidden unless both are shown. */
    get(table: string, want: Record<string, string>, minus?: Record<string, string>): ReportCount {
      const cellsOf = byId.get(table)?.cells ?? [];
      const value = asCount(cellsOf.find((c) => matches(c.coords, want))?.shown);
      if (!minus) return value;
      const less = asCount(cellsOf.find((c) => matches(c.coords, minus))?.shown);
      if (typeof value !== 'number' || typeof less !== 'number') return 'hidden';
      const n = value - less;
      return n > 0 && n < 11 ? 'lt11' : n;
    },
  };
}
