import { labelsEn } from './labels-en.ts';
import { formatInteger, joinList, pick, tengeFigure } from './numbers.ts';
import type { CitizenSplit, Comparison, Money, OneOther, ReportLanguage, Shown } from './types.ts';

/** English, as the TIP report writes: numbers under ten in words, "compared with N in YYYY". */

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** A count as written: a word under ten, grouped digits from ten, "fewer than 11". */
export function numberEn(n: Shown): string {
  if (n === 'lt11') return 'fewer than 11';
  return n >= 0 && n < 10 && Number.isInteger(n) ? (WORDS[n] as string) : formatInteger('en', n);
}

const counted = (n: Shown, noun: OneOther): string => `${numberEn(n)} ${pick('en', n, noun)}`;
const compared = (previous: Comparison | null): string => (previous ? `, compared with ${numberEn(previous.value)} in ${previous.year}` : '');

export function moneyEn(m: Money): string {
  const { figure, scale } = tengeFigure('en', m.tenge);
  const tenge = `${figure}${scale ? ` ${scale}` : ''} tenge`;
  return m.usd === null ? tenge : `${tenge} ($${formatInteger('en', m.usd)})`;
}

const VICTIM = { one: 'victim', other: 'victims' };
const PERSON = { one: 'person', other: 'people' };

function split(s: CitizenSplit, foreign: OneOther): string {
  if (s.kind === 'allCitizens') return 'all Kazakhstani citizens';
  if (s.kind === 'allForeign') return `all ${foreign.other}`;
  const parts: string[] = [];
  if (s.citizen !== null) parts.push(counted(s.citizen, { one: 'Kazakhstani citizen', other: 'Kazakhstani citizens' }));
  if (s.foreign !== null) parts.push(counted(s.foreign, foreign));
  return joinList('en', parts);
}

const were = (n: Shown, one: string, other: string) => `${numberEn(n)} ${pick('en', n, { one, other })}`;

export const en: ReportLanguage = {
  ...labelsEn,
  title: (year, edition) => `Kazakhstan: annual report on trafficking in persons, ${year}${edition === 'public' ? ' (public edition)' : ''}`,
  headings: { prosecution: 'Prosecution', protection: 'Protection', prevention: 'Prevention' },

  investigations: (year, n, previous) =>
    n === 0
      ? `In ${year}, the government did not investigate any trafficking cases${compared(previous)}.`
      : `In ${year}, the government investigated ${counted(n, { one: 'trafficking case', other: 'trafficking cases' })}${compared(previous)}.`,
  prosecutions: (n, previous) =>
    n === 0
      ? `The government did not prosecute any cases${compared(previous)}.`
      : `The government prosecuted ${counted(n, { one: 'case', other: 'cases' })}${compared(previous)}.`,
  convictions: (n, previous) =>
    n === 0
      ? `Courts did not convict any traffickers${compared(previous)}.`
      : `Courts convicted ${counted(n, { one: 'trafficker', other: 'traffickers' })}${compared(previous)}.`,
  sentencesImposed: ({ custodial, suspended, fine }) => {
    const parts: string[] = [];
    if (custodial !== null) parts.push(were(custodial, 'received a prison sentence', 'received prison sentences'));
    if (suspended !== null) parts.push(were(suspended, 'received a suspended sentence', 'received suspended sentences'));
    if (fine !== null) parts.push(were(fine, 'was fined', 'were fined'));
    return `Of the traffickers convicted, ${joinList('en', parts)}.`;
  },
  noComplicity: () => 'The government did not report any investigations, prosecutions, or convictions of government employees complicit in trafficking crimes.',
  complicity: (suspects, convicted) => {
    const officials = { one: 'government official', other: 'government officials' };
    if (suspects === null || suspects === 0) return `Courts convicted ${counted(convicted ?? 0, officials)} for complicity in trafficking crimes.`;
    const head = `The government investigated ${counted(suspects, officials)} suspected of complicity in trafficking crimes`;
    if (convicted === null) return `${head}.`;
    return convicted === 0
      ? `${head}; courts did not convict ${suspects === 1 ? 'the official' : 'any of them'}.`
      : `${head}; courts convicted ${numberEn(convicted)} of them.`;
  },

  identified: (n, previous) =>
    n === 0
      ? `The government did not identify any trafficking victims${compared(previous)}.`
      : `The government identified ${counted(n, { one: 'trafficking victim', other: 'trafficking victims' })}${compared(previous)}.`,
  byForm: (total, items) => {
    const foreign = { one: 'foreign national', other: 'foreign nationals' };
    const item = (i: (typeof items)[number]) =>
      `${were(i.n, 'was', 'were')} ${pick('en', i.n, labelsEn.forms[i.form])}${i.split ? ` (${split(i.split, foreign)})` : ''}`;
    if (total === 1 && items[0]) {
      const only = items[0];
      return `The one victim identified was ${labelsEn.forms[only.form].one}${only.split ? ` (${split(only.split, foreign)})` : ''}.`;
    }
    const [only] = items;
    if (only && items.length === 1 && total !== null && only.n === total)
      return `All ${numberEn(total)} victims identified were ${labelsEn.forms[only.form].other}${only.split ? ` (${split(only.split, foreign)})` : ''}.`;
    return `Of the ${total === null ? '' : `${numberEn(total)} `}victims identified, ${joinList('en', items.map(item))}.`;
  },
  sexAndAge: (female, male, children) => {
    const sex: string[] = [];
    if (female !== null) sex.push(were(female, 'was a woman or girl', 'were women or girls'));
    if (male !== null) sex.push(were(male, 'was a man or boy', 'were men or boys'));
    const clauses = sex.length > 0 ? [joinList('en', sex)] : [];
    if (children !== null) clauses.push(were(children, 'was a child', 'were children'));
    return `Of the victims identified, ${clauses.join('; ')}.`;
  },
  identifiedBy: (items) =>
    `Victims were identified by ${joinList(
      'en',
      items.map((i) => `${labelsEn.agencies[i.agencyType]} (${numberEn(i.n)})`),
    )}.`,
  notCounted: (anonymous, selfReports) => {
    const parts: string[] = [];
    if (anonymous !== null)
      parts.push(`${counted(anonymous, { one: 'anonymous notification', other: 'anonymous notifications' })} about adults who declined to be identified`);
    if (selfReports !== null) parts.push(`${counted(selfReports, { one: 'self-report', other: 'self-reports' })} from the public`);
    return `In addition, the government received ${joinList('en', parts)}; these are not counted as victims.`;
  },
  referralNotReported: () => 'The government did not report how many victims it referred to care.',
  referred: (n) => (n === 0 ? 'The government did not refer any victims to care.' : `The government referred ${counted(n, VICTIM)} to care.`),
  referredBy: (items) =>
    `Victims were referred to care by ${joinList(
      'en',
      items.map((i) => `${labelsEn.agencies[i.agencyType]} (${numberEn(i.n)})`),
    )}.`,
  sheltered: (persons, bedDays) => {
    const days = bedDays === null ? '' : counted(bedDays, { one: 'bed-day', other: 'bed-days' });
    if (persons === null) return `Shelters provided ${days}.`;
    return `Shelters accommodated ${counted(persons, PERSON)}${bedDays === null ? '' : ` for a total of ${days}`}.`;
  },
  shelterFunding: (year, money, shelters, previous) => {
    const before = previous ? `, compared with ${moneyEn(previous)} in ${previous.year},` : '';
    const purpose = shelters > 0 ? ` to fund ${counted(shelters, { one: 'trafficking shelter', other: 'trafficking shelters' })}` : ' for trafficking shelters';
    return `The government allocated ${moneyEn(money)} in ${year}${before}${purpose}.`;
  },
  proceedings: (participation, victimWitness) => {
    const during = 'participated in investigations during the reporting period';
    let took: string | null = null;
    if (participation?.kind === 'all')
      took = participation.n === 1 ? `The one identified victim ${during}` : `All ${numberEn(participation.n)} identified victims ${during}`;
    else if (participation?.kind === 'some')
      took = `Of the ${participation.of === null ? 'victims identified' : `${numberEn(participation.of)} identified victims`}, ${numberEn(participation.n)} ${during}`;
    else if (participation?.kind === 'none') took = `None of the identified victims ${during}`;
    if (!victimWitness) return `${took}.`;
    const persons = victimWitness.persons ? split(victimWitness.persons, { one: 'foreign citizen', other: 'foreign citizens' }) : 'victims';
    const provided = `provided ${moneyEn(victimWitness.money)} for victim services for ${persons} that participated in criminal proceedings under the Protection of Participants of Criminal Proceedings program`;
    return took === null ? `The government ${provided}.` : `${took}; and the government ${provided}.`;
  },
  compensationInformed: (informed, claims) => {
    const claimed =
      claims === null ? null : claims === 0 ? 'no compensation claims' : counted(claims, { one: 'compensation claim', other: 'compensation claims' });
    if (informed === null) return `Victims filed ${claimed}.`;
    const told =
      informed === 0
        ? 'The government did not inform any victims of their right to seek compensation'
        : `The government informed ${counted(informed, VICTIM)} of their right to seek compensation`;
    return claimed === null ? `${told}.` : `${told}, and victims filed ${claimed}.`;
  },
  compensationAwarded: (awarded, paid) => {
    if (!awarded) return `Victims received ${moneyEn(paid as Money)} in compensation payments.`;
    return `Courts awarded ${moneyEn(awarded)} in compensation to victims${paid ? `, of which ${moneyEn(paid)} was paid` : ''}.`;
  },
  legalAid: (n) => `The government provided free legal aid to ${counted(n, PERSON)}.`,

  recommendations: (year, total, byStatus) =>
    `The government tracked ${counted(total, { one: 'recommendation', other: 'recommendations' })} for ${year}: ${joinList(
      'en',
      byStatus.map((s) => `${numberEn(s.n)} ${labelsEn.statuses[s.status]}`),
    )}.`,

  officialFiguresNote: (year) => `Figures for ${year} are the government's official figures from before the register was in use; Qorgau did not count them.`,
  publicEditionNote: () => 'Public edition: counts from 1 to 10 read "fewer than 11", and parts that would reveal such a count are left out.',
};
