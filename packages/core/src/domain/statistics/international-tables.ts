import type { FormCategory } from './categories.ts';
import { citizenGroupOf } from './categories.ts';
import { type Cube, type CubeCell, type PublishedTable, TOTAL, tableOf } from './disclosure/publication.ts';
import { type ProtectedCell, type ProtectedTable, protectPublication } from './disclosure/suppression.ts';
import type { VictimCell } from './victim-figures.ts';

/**
 * The year's tables for international partners (issue #14 item 4): the shapes of UNODC's Global
 * Report on Trafficking in Persons (GLOTIP) data collection and the figures the US State
 * Department's TIP report asks governments for, summed from the statistics engine's victims cube
 * and justice figures, every count passed through the same disclosure control as the national
 * tables (DOMAIN.md §7: 1–10 shown "<11", secondary suppression so no total or difference gives
 * a small group back).
 */

/** UNODC GLOTIP's forms of exploitation; `unknown`: no form recorded (GLOTIP's "not specified"). */
export const GLOTIP_FORMS = ['sexual_exploitation', 'forced_labour', 'other_purposes', 'unknown'] as const;
export type GlotipForm = (typeof GLOTIP_FORMS)[number];

/**
 * Our forms (HTCDS vic_TypeOfExploitation plus ForcedCriminality, and the engine's Multiple and
 * Unknown) in GLOTIP's three. `satisfies Record<FormCategory, …>`: a new form does not compile
 * until it is placed here.
 * - Forced labour includes domestic servitude (GLOTIP: "forced labour, including domestic
 *   servitude") and the worst forms of child labour that trafficking is for.
 * - "Other purposes" are GLOTIP's own: forced marriage, removal of organs, begging, forced
 *   criminal activity, illegal adoption, exploitation in armed conflict, surrogacy, other forms,
 *   and mixed exploitation. A person exploited in several forms counts once in the engine
 *   (`Multiple`, the forms not kept apart), so she is counted as mixed exploitation, as GLOTIP
 *   counts a victim of two forms.
 */
export const GLOTIP_FORM_OF = {
  SexualExploitation: 'sexual_exploitation',
  ForcedLabour: 'forced_labour',
  Servitude: 'forced_labour',
  ChildLabour: 'forced_labour',
  ForcedMarriage: 'other_purposes',
  OrganRemoval: 'other_purposes',
  ForcedBegging: 'other_purposes',
  ForcedCriminality: 'other_purposes',
  ForcedAdoption: 'other_purposes',
  ForcedMilitaryByNonStateActors: 'other_purposes',
  Surrogacy: 'other_purposes',
  Other: 'other_purposes',
  Multiple: 'other_purposes',
  Unknown: 'unknown',
} as const satisfies Record<FormCategory, GlotipForm>;

/** GLOTIP's victim groups: women, girls, men and boys (female or male, adult or child). */
export function glotipGroupOf(sex: string | undefined, ageGroup: string | undefined): 'women' | 'girls' | 'men' | 'boys' | null {
  if (sex === 'female') return ageGroup === 'adult' ? 'women' : ageGroup === 'child' ? 'girls' : null;
  if (sex === 'male') return ageGroup === 'adult' ? 'men' : ageGroup === 'child' ? 'boys' : null;
  return null;
}

/** The justice figures the tables print, as the engine counts them (justice-figures: by the date of each fact). */
export interface InternationalJusticeCounts {
  /** Criminal cases registered in the year under a trafficking article (investigations). */
  investigations: number;
  /** Criminal cases sent to court in the year: the register counts prosecutions as cases, not persons. */
  prosecutions: number;
  /** Defendants convicted in the year, and the public officials among them. */
  convicted: number;
  officialsConvicted: number;
  /** Public officials among the suspects of cases registered in the year. */
  officialSuspects: number;
}

export const INTERNATIONAL_TABLE_IDS = [
  'glotip.victims.sex_age',
  'glotip.victims.form',
  'glotip.victims.citizenship',
  'glotip.prosecuted',
  'glotip.convicted',
  'tip.victims.total',
  'tip.victims.form_citizenship',
  'tip.victims.sex',
  'tip.victims.age',
  'tip.victims.referred',
  'tip.victims.participated',
  'tip.investigations',
  'tip.prosecutions',
  'tip.convictions',
  'tip.officials_suspected',
] as const;
export type InternationalTableId = (typeof INTERNATIONAL_TABLE_IDS)[number];

export interface ProtectedInternationalTable {
  id: InternationalTableId;
  section: 'glotip' | 'tip';
  /** What a count counts: identified victims (unique persons), criminal cases, or defendants. */
  unit: 'victims' | 'cases' | 'defendants';
  dimensions: readonly string[];
  /**
   * Not published: a table of its own publication is printed only when that publication and the
   * victims' main one both show the grand total exactly (see `auxiliary` below).
   */
  withheld: boolean;
  /** Each row's categories (TOTAL for a total) and its count as published. */
  rows: readonly ProtectedCell[];
}

const present = (cells: readonly CubeCell[], dimension: string) => [...new Set(cells.map((c) => c.coords[dimension] as string))];
/** A fixed list first (its zeros are published too), then any other category present, sorted. */
const categoriesOf = (cells: readonly CubeCell[], dimension: string, fixed: readonly string[]) => [
  ...fixed,
  ...present(cells, dimension)
    .filter((v) => !fixed.includes(v))
    .sort(),
];

function cubeOf(victims: readonly VictimCell[], coordsOf: (c: VictimCell) => Record<string, string>, fixed: Record<string, readonly string[]>): Cube {
  const sums = new Map<string, CubeCell>();
  for (const v of victims) {
    if (v.n <= 0) continue;
    const coords = coordsOf(v);
    const key = JSON.stringify(Object.keys(fixed).map((d) => coords[d]));
    sums.set(key, { coords, n: (sums.get(key)?.n ?? 0) + v.n });
  }
  const cells = [...sums.values()];
  return { categories: Object.fromEntries(Object.entries(fixed).map(([d, list]) => [d, categoriesOf(cells, d, list)])), cells };
}

/**
 * The victims' main cube: every breakdown GLOTIP and the TIP report print comes from it.
 * Citizenship is two dimensions (citizen or foreign; the country): the table crossing them is
 * audited whole, so the audit knows what any reader knows, that a citizen's country is Kazakhstan.
 */
export function internationalVictimCube(victims: readonly VictimCell[]): Cube {
  return cubeOf(
    victims,
    (v) => ({
      citizenGroup: citizenGroupOf(v.citizenship),
      citizenship: v.citizenship,
      form: GLOTIP_FORM_OF[v.form],
      sex: v.sex,
      ageGroup: v.ageGroup,
    }),
    { citizenGroup: ['citizen', 'foreign'], citizenship: [], form: GLOTIP_FORMS.slice(0, 3), sex: ['female', 'male'], ageGroup: ['child', 'adult'] },
  );
}

/**
 * The victims' main publication, protected together over one cube. Only the meaningful cells of
 * the citizenship table are printed: a subset of an audited publication reveals no more than it.
 */
function mainPublication(victims: readonly VictimCell[]) {
  const cube = internationalVictimCube(victims);
  const tables: PublishedTable[] = [
    tableOf(cube, [], { id: 'total' }),
    tableOf(cube, ['sex', 'ageGroup'], { id: 'sex×ageGroup', withTotals: true }),
    tableOf(cube, ['form', 'citizenGroup'], { id: 'form×citizenGroup', withTotals: true }),
    tableOf(cube, ['citizenGroup', 'citizenship'], { id: 'citizenGroup×citizenship', withTotals: true }),
  ];
  return byId(protectPublication(cube, tables));
}

/**
 * Victims' attributes printed in tables of their own (referral, participation), each its own
 * small publication: in the main cube they would multiply its audit past what a request can
 * afford. Such a publication shares only the grand total with the main one, and is printed only
 * when both show it exactly: then nothing one shows narrows what the other hides (any two
 * breakdowns of one known total can be combined freely), and no difference of the two can be
 * taken on a hidden total.
 */
function auxiliaryPublication(victims: readonly VictimCell[], coordsOf: (c: VictimCell) => Record<string, string>, fixed: Record<string, readonly string[]>) {
  const cube = cubeOf(victims, coordsOf, fixed);
  return protectPublication(cube, [tableOf(cube, Object.keys(fixed), { id: 'table', withTotals: true })])[0] as ProtectedTable;
}

/** A count of its own population (cases, defendants): 1–10 shown "<11"; parts of it, if any, protected with it. */
function countPublication(parts: Record<string, number>): ProtectedTable {
  const cube: Cube = {
    categories: { part: Object.keys(parts) },
    cells: Object.entries(parts)
      .filter(([, n]) => n > 0)
      .map(([part, n]) => ({ coords: { part }, n })),
  };
  return protectPublication(cube, [tableOf(cube, ['part'], { id: 'count', withTotals: true })])[0] as ProtectedTable;
}

const byId = (tables: readonly ProtectedTable[]) => new Map(tables.map((t) => [t.id, t]));
const isTotal = (cell: ProtectedCell, dims: readonly string[]) => dims.every((d) => cell.coords[d] === TOTAL);
const shownExactly = (cell: ProtectedCell | undefined) => cell !== undefined && 'value' in cell.shown;

/**
 * The year's GLOTIP and TIP tables from the victims cube and the justice counts, in the order they
 * are printed. Three kinds of publication, each audited on its own: the victims' main one, the
 * auxiliary victims' tables (printed only beside an exactly shown grand total), and the justice
 * counts (populations of cases and defendants, no victim in them).
 */
export function internationalTables(victims: readonly VictimCell[], justice: InternationalJusticeCounts): ProtectedInternationalTable[] {
  const main = mainPublication(victims);
  const cellsOf = (id: string) => main.get(id)?.cells ?? [];
  const grandTotal = cellsOf('total')[0];
  const sexAge = cellsOf('sex×ageGroup');
  const citizenship = cellsOf('citizenGroup×citizenship').filter(
    (c) =>
      (c.coords.citizenGroup === 'citizen' && c.coords.citizenship === TOTAL) ||
      (c.coords.citizenGroup === 'foreign' && c.coords.citizenship !== 'KZ') ||
      (c.coords.citizenGroup === TOTAL && c.coords.citizenship === TOTAL),
  );

  const referral = auxiliaryPublication(victims, (v) => ({ referred: v.referredBy ? 'yes' : 'no', referredBy: v.referredBy ?? 'none' }), {
    referred: ['yes', 'no'],
    referredBy: [],
  });
  const participation = auxiliaryPublication(victims, (v) => ({ participated: v.participated ? 'yes' : 'no' }), { participated: ['yes', 'no'] });
  const auxiliary = (table: ProtectedTable, keep: (c: ProtectedCell) => boolean) => {
    const withheld = !shownExactly(grandTotal) || !shownExactly(table.cells.find((c) => isTotal(c, table.dimensions)));
    return { withheld, rows: withheld ? [] : table.cells.filter(keep) };
  };

  const prosecutions = countPublication({ cases: justice.prosecutions }).cells.filter((c) => c.coords.part === TOTAL);
  const convictions = countPublication({ official: justice.officialsConvicted, other: Math.max(0, justice.convicted - justice.officialsConvicted) });
  const count = (n: number) => countPublication({ all: n }).cells.filter((c) => c.coords.part === TOTAL);
  const table = (id: InternationalTableId, unit: ProtectedInternationalTable['unit'], dimensions: string[], rows: readonly ProtectedCell[]) => ({
    id,
    section: id.startsWith('glotip.') ? ('glotip' as const) : ('tip' as const),
    unit,
    dimensions,
    withheld: false,
    rows,
  });
  const byForm = cellsOf('form×citizenGroup');
  const formTotals = byForm.filter((c) => c.coords.citizenGroup === TOTAL);
  const bySex = sexAge.filter((c) => c.coords.ageGroup === TOTAL);
  const byAge = sexAge.filter((c) => c.coords.sex === TOTAL);
  const convicted = convictions.cells.filter((c) => c.coords.part === TOTAL);
  const convictedWithOfficials = convictions.cells.filter((c) => c.coords.part !== 'other');
  // Referred in all and by each type of agency, and not referred (never "not referred" by an agency).
  const referralRows = (c: ProtectedCell) =>
    c.coords.referred === 'yes' ? c.coords.referredBy !== 'none' : c.coords.referred === 'no' && c.coords.referredBy === TOTAL;

  return [
    table('glotip.victims.sex_age', 'victims', ['sex', 'ageGroup'], sexAge),
    table('glotip.victims.form', 'victims', ['form'], formTotals),
    table('glotip.victims.citizenship', 'victims', ['citizenGroup', 'citizenship'], citizenship),
    table('glotip.prosecuted', 'cases', [], prosecutions),
    table('glotip.convicted', 'defendants', [], convicted),
    table('tip.victims.total', 'victims', [], cellsOf('total')),
    table('tip.victims.form_citizenship', 'victims', ['form', 'citizenGroup'], byForm),
    table('tip.victims.sex', 'victims', ['sex'], bySex),
    table('tip.victims.age', 'victims', ['ageGroup'], byAge),
    { ...table('tip.victims.referred', 'victims', ['referred', 'referredBy'], []), ...auxiliary(referral, referralRows) },
    { ...table('tip.victims.participated', 'victims', ['participated'], []), ...auxiliary(participation, (c) => c.coords.participated !== TOTAL) },
    table('tip.investigations', 'cases', [], count(justice.investigations)),
    table('tip.prosecutions', 'cases', [], prosecutions),
    table('tip.convictions', 'defendants', ['part'], convictedWithOfficials),
    table('tip.officials_suspected', 'defendants', [], count(justice.officialSuspects)),
  ];
}
