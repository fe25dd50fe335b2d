import { kkNumber, kkNumberIn } from './kk-grammar.ts';
import { labelsKk } from './labels-kk.ts';
import { formatInteger, joinList, pick, tengeFigure } from './numbers.ts';
import type { AgencyItem, CitizenSplit, Comparison, Money, ReportLanguage } from './types.ts';

/**
 * Kazakh. Nouns after numerals stay singular ("24 құрбан"); case endings go on the noun where
 * the sentence allows ("10 баспананы", "107 млн теңгемен"), on the numeral only in "compared
 * with N" ("20-мен") and "11-ден аз", where kk-grammar.ts finds the ending.
 */

const compared = (previous: Comparison | null): string => (previous ? ` ${previous.year} жылғы ${kkNumberIn(previous.value, 'ins')} салыстырғанда` : '');

export function moneyKk(m: Money, kkcase: 'nom' | 'ins' = 'nom'): string {
  const { figure, scale } = tengeFigure('kk', m.tenge);
  const tenge = `${figure}${scale === 'million' ? ' млн' : scale === 'billion' ? ' млрд' : ''} ${kkcase === 'ins' ? 'теңгемен' : 'теңге'}`;
  return m.usd === null ? tenge : `${tenge} (${formatInteger('kk', m.usd)} АҚШ доллары)`;
}

function split(s: CitizenSplit): string {
  if (s.kind === 'allCitizens') return 'барлығы — Қазақстан азаматтары';
  if (s.kind === 'allForeign') return 'барлығы — шетел азаматтары';
  const parts: string[] = [];
  if (s.citizen !== null) parts.push(`${kkNumber(s.citizen)} Қазақстан азаматы`);
  if (s.foreign !== null) parts.push(`${kkNumber(s.foreign)} шетел азаматы`);
  return joinList('kk', parts);
}

const byAgency = (items: AgencyItem[]) =>
  joinList(
    'kk',
    items.map((i) => `${labelsKk.agencies[i.agencyType]} (${kkNumber(i.n)})`),
  );
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const kk: ReportLanguage = {
  ...labelsKk,
  title: (year, edition) => `Қазақстан: адам саудасы туралы ${year} жылғы жыл сайынғы баяндама${edition === 'public' ? ' (жария басылым)' : ''}`,
  headings: { prosecution: 'Қылмыстық қудалау', protection: 'Қорғау', prevention: 'Алдын алу' },

  investigations: (year, n, previous) => {
    const when = `Үкімет ${year} жылы${previous ? `,${compared(previous)},` : ''}`;
    return n === 0 ? `${when} адам саудасы туралы бірде-бір қылмыстық істі тергемеді.` : `${when} адам саудасы туралы ${kkNumber(n)} қылмыстық істі тергеді.`;
  },
  prosecutions: (n, previous) =>
    n === 0
      ? `Үкімет${compared(previous)} бірде-бір қылмыстық істі сотқа жолдамады.`
      : `Үкімет${compared(previous)} ${kkNumber(n)} қылмыстық істі сотқа жолдады.`,
  convictions: (n, previous) =>
    n === 0
      ? `Соттар${compared(previous)} адам саудасымен айналысқан бірде-бір адамды соттамады.`
      : `Соттар${compared(previous)} адам саудасымен айналысқан ${kkNumber(n)} адамды соттады.`,
  sentencesImposed: ({ custodial, suspended, fine }) => {
    const parts: string[] = [];
    if (custodial !== null) parts.push(`бас бостандығынан айыру — ${kkNumber(custodial)}`);
    if (suspended !== null) parts.push(`шартты түрде соттау — ${kkNumber(suspended)}`);
    if (fine !== null) parts.push(`айыппұл — ${kkNumber(fine)}`);
    return `Сотталғандарға тағайындалған жазалар: ${joinList('kk', parts)}.`;
  },
  noComplicity: () => 'Үкімет адам саудасына қатысы бар мемлекеттік қызметшілерді тергеу, қудалау немесе соттау туралы хабарламады.',
  complicity: (suspects, convicted) => {
    if (suspects === null || suspects === 0) return `Соттар адам саудасына қатысы үшін ${kkNumber(convicted ?? 0)} лауазымды адамды соттады.`;
    const head = `Үкімет адам саудасына қатысы бар деп күдіктелген ${kkNumber(suspects)} лауазымды адамға қатысты тергеу жүргізді`;
    if (convicted === null) return `${head}.`;
    return convicted === 0
      ? `${head}, бірақ ${suspects === 1 ? 'ол' : 'олардың ешқайсысы'} сотталмады.`
      : `${head}; олардың ішінен ${kkNumber(convicted)} адам сотталды.`;
  },

  identified: (n, previous) =>
    n === 0
      ? `Үкімет${compared(previous)} адам саудасының бірде-бір құрбанын анықтамады.`
      : `Үкімет${compared(previous)} адам саудасының ${kkNumber(n)} құрбанын анықтады.`,
  byForm: (total, items) => {
    const item = (i: (typeof items)[number]) => `${pick('kk', i.n, labelsKk.forms[i.form])} — ${kkNumber(i.n)}${i.split ? ` (${split(i.split)})` : ''}`;
    if (total === 1 && items[0]) {
      const only = items[0];
      return `Анықталған құрбан — ${labelsKk.forms[only.form].one}${only.split ? ` (${split(only.split)})` : ''}.`;
    }
    const [whole] = items;
    if (whole && items.length === 1 && total !== null && whole.n === total)
      return `Анықталған құрбандардың барлығы — ${labelsKk.forms[whole.form].other}${whole.split ? ` (${split(whole.split)})` : ''}.`;
    const head = total === null ? 'Анықталған құрбандардың ішінде' : `Анықталған ${kkNumber(total)} құрбанның ішінде`;
    return `${head} ${joinList('kk', items.map(item))}.`;
  },
  sexAndAge: (female, male, children) => {
    const sex: string[] = [];
    if (female !== null) sex.push(`${kkNumber(female)} әйел немесе қыз`);
    if (male !== null) sex.push(`${kkNumber(male)} ер адам немесе ұл`);
    const kids = children === null ? '' : `${kkNumber(children)} бала`;
    const list = sex.length > 0 ? `${joinList('kk', sex)}${kids ? `, оның ішінде ${kids}` : ''}` : kids;
    return `Анықталған құрбандардың арасында ${list} бар.`;
  },
  identifiedBy: (items) => `Құрбандарды анықтаған органдар: ${byAgency(items)}.`,
  notCounted: (anonymous, selfReports) => {
    const parts: string[] = [];
    if (anonymous !== null) parts.push(`сәйкестендіруден бас тартқан ересектер туралы ${kkNumber(anonymous)} жасырын хабарлама`);
    if (selfReports !== null) parts.push(`азаматтардан өздері туралы ${kkNumber(selfReports)} өтініш`);
    return `Бұдан басқа, ${joinList('kk', parts)} түсті; олар құрбан ретінде есептелмейді.`;
  },
  referralNotReported: () => 'Үкімет көмекке қанша құрбан жолданғаны туралы хабарламады.',
  referred: (n) => (n === 0 ? 'Үкімет көмекке бірде-бір құрбанды жолдамады.' : `Үкімет ${kkNumber(n)} құрбанды көмекке жолдады.`),
  referredBy: (items) => `Құрбандарды көмекке жолдаған органдар: ${byAgency(items)}.`,
  sheltered: (persons, bedDays) => {
    if (persons === null) return `Баспаналар барлығы ${kkNumber(bedDays ?? 0)} төсек-күн ұсынды.`;
    if (bedDays === null) return `Баспаналар ${kkNumber(persons)} адамды қабылдады.`;
    return `Баспаналар ${kkNumber(persons)} адамды қабылдап, барлығы ${kkNumber(bedDays)} төсек-күн ұсынды.`;
  },
  shelterFunding: (year, money, shelters, previous) => {
    const before = previous ? `, ${previous.year} жылғы ${moneyKk(previous, 'ins')} салыстырғанда,` : '';
    const purpose =
      shelters > 0 ? `адам саудасы құрбандарына арналған ${kkNumber(shelters)} баспананы қаржыландыруға` : 'адам саудасы құрбандарына арналған баспаналарға';
    return `Үкімет ${year} жылы${before} ${purpose} ${moneyKk(money)} бөлді.`;
  },
  proceedings: (participation, victimWitness) => {
    const during = 'есепті кезеңде тергеуге';
    let took: string | null = null;
    if (participation?.kind === 'all')
      took =
        participation.n === 1 ? `Анықталған жалғыз құрбан ${during} қатысты` : `Анықталған ${kkNumber(participation.n)} құрбанның барлығы ${during} қатысты`;
    else if (participation?.kind === 'some') {
      const of = participation.of === null ? 'анықталған құрбандардың' : `анықталған ${kkNumber(participation.of)} құрбанның`;
      took = `${capitalize(during)} ${of} ішінен ${kkNumber(participation.n)} құрбан қатысты`;
    } else if (participation?.kind === 'none') took = `Анықталған құрбандардың ешқайсысы ${during} қатыспады`;
    if (!victimWitness) return `${took}.`;
    const persons = victimWitness.persons ? `адамдарға (${split(victimWitness.persons)})` : 'құрбандарға';
    const provided = `үкімет Қылмыстық процеске қатысушыларды қорғау бағдарламасы аясында қылмыстық процеске қатысқан ${persons} көрсетілетін қызметтерге ${moneyKk(victimWitness.money)} бөлді`;
    return took === null ? `${capitalize(provided)}.` : `${took}; ${provided}.`;
  },
  compensationInformed: (informed, claims) => {
    const claimed = claims === null ? null : claims === 0 ? 'құрбандар азаматтық талап қоймады' : `құрбандар ${kkNumber(claims)} азаматтық талап қойды`;
    if (informed === null) return `${capitalize(claimed ?? '')}.`;
    const told =
      informed === 0
        ? 'Үкімет бірде-бір құрбанға залалды өтеуді талап ету құқығы туралы хабарламады'
        : `Үкімет ${kkNumber(informed)} құрбанға залалды өтеуді талап ету құқығы туралы хабарлады`;
    return claimed === null ? `${told}.` : `${told}; ${claimed}.`;
  },
  compensationAwarded: (awarded, paid) => {
    if (!awarded) return `Құрбандарға өтемақы ретінде ${moneyKk(paid as Money)} төленді.`;
    return `Соттар құрбандарға өтемақы ретінде ${moneyKk(awarded)} өндіріп берді${paid ? `, оның ішінде ${moneyKk(paid)} төленді` : ''}.`;
  },
  legalAid: (n) => `Үкімет ${kkNumber(n)} адамға тегін заң көмегін көрсетті.`,

  recommendations: (year, total, byStatus) =>
    `Үкімет ${year} жылға арналған ${kkNumber(total)} ұсынысты бақылады: ${joinList(
      'kk',
      byStatus.map((s) => `${labelsKk.statuses[s.status]} — ${kkNumber(s.n)}`),
    )}.`,

  officialFiguresNote: (year) => `Тізілім енгізілгенге дейінгі ${year} жылғы деректер — үкіметтің ресми деректері; оларды Qorgau есептемеген.`,
  publicEditionNote: () =>
    'Жария басылым: 1-ден 10-ға дейінгі сандар «11-ден аз» деп көрсетілген, ал оларды анықтауға мүмкіндік беретін бөліктер алынып тасталған.',
};
