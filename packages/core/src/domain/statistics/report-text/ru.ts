import { labelsRu } from './labels-ru.ts';
import { formatInteger, joinList, pluralCategory, tengeFigure } from './numbers.ts';
import { type RuGender, ruCounted, ruNounForm, ruNumber, ruWith } from './ru-grammar.ts';
import {
  ANONYMOUS,
  BED_DAY,
  CASE,
  CHILD,
  CITIZEN,
  CLAIM,
  COURT_CASE,
  DOLLAR,
  FACE,
  FEMALE,
  FOREIGNER,
  IDENTIFIED_VICTIM,
  MALE,
  OFFICIAL,
  PERSON,
  RECOMMENDATION,
  SELF_REPORT,
  SHELTER,
  TRAFFICKER,
  VICTIM,
  VICTIM_TIP,
} from './ru-nouns.ts';
import type { CitizenSplit, Comparison, Money, ReportLanguage, Shown } from './types.ts';

/**
 * Russian. Sentences are built so that a count agrees with its noun in case and gender; where a
 * verb would have to agree with a numeral, the sentence puts the count after a dash or uses a
 * verb whose form fits every count ("поступило", neuter singular with neuter nouns).
 */

const one = (n: Shown) => pluralCategory('ru', n) === 'one';
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "по сравнению с 20 в 2021 году"; the numeral agrees with the noun compared. */
const compared = (previous: Comparison | null, gender: RuGender): string =>
  previous ? ` по сравнению ${ruWith(previous.value)} ${ruNumber(previous.value, 'ins', gender)} в ${previous.year} году` : '';

export function moneyRu(m: Money, rucase: 'nom' | 'ins' = 'nom'): string {
  const { figure, scale } = tengeFigure('ru', m.tenge);
  // "млн", "млрд" and "тенге" do not change with case.
  const tenge = `${figure}${scale === 'million' ? ' млн' : scale === 'billion' ? ' млрд' : ''} тенге`;
  if (m.usd === null) return tenge;
  return `${tenge} (${formatInteger('ru', m.usd)} ${ruNounForm(m.usd, DOLLAR, rucase === 'ins' ? 'nom' : rucase)})`;
}

function split(s: CitizenSplit, rucase: 'nom' | 'gen'): string {
  if (s.kind === 'allCitizens') return 'все — граждане Казахстана';
  if (s.kind === 'allForeign') return 'все — иностранные граждане';
  const parts: string[] = [];
  if (s.citizen !== null) parts.push(ruCounted(s.citizen, CITIZEN, rucase));
  if (s.foreign !== null) parts.push(ruCounted(s.foreign, FOREIGNER, rucase));
  return joinList('ru', parts);
}

const byAgency = (items: { agencyType: keyof typeof labelsRu.agencies; n: Shown }[]) =>
  joinList(
    'ru',
    items.map((i) => `${labelsRu.agencies[i.agencyType]} (${ruNumber(i.n, 'nom', 'f')})`),
  );

export const ru: ReportLanguage = {
  ...labelsRu,
  title: (year, edition) => `Казахстан: ежегодный доклад о торговле людьми за ${year} год${edition === 'public' ? ' (публичная редакция)' : ''}`,
  headings: { prosecution: 'Уголовное преследование', protection: 'Защита', prevention: 'Предупреждение' },

  investigations: (year, n, previous) =>
    n === 0
      ? `В ${year} году правительство не расследовало ни одного уголовного дела о торговле людьми${compared(previous, 'n')}.`
      : `В ${year} году правительство расследовало ${ruCounted(n, CASE, 'acc')}${compared(previous, 'n')}.`,
  prosecutions: (n, previous) =>
    n === 0
      ? `Правительство не направило в суд ни одного уголовного дела${compared(previous, 'n')}.`
      : `Правительство направило в суд ${ruCounted(n, COURT_CASE, 'acc')}${compared(previous, 'n')}.`,
  convictions: (n, previous) =>
    n === 0
      ? `Суды не осудили ни одного торговца людьми${compared(previous, 'm')}.`
      : `Суды осудили ${ruCounted(n, TRAFFICKER, 'acc')}${compared(previous, 'm')}.`,
  sentencesImposed: ({ custodial, suspended, fine }) => {
    const parts: string[] = [];
    if (custodial !== null) parts.push(`лишение свободы — ${ruNumber(custodial, 'nom')}`);
    if (suspended !== null) parts.push(`условное осуждение — ${ruNumber(suspended, 'nom')}`);
    if (fine !== null) parts.push(`штраф — ${ruNumber(fine, 'nom')}`);
    return `Наказания, назначенные осуждённым: ${joinList('ru', parts)}.`;
  },
  noComplicity: () =>
    'Правительство не сообщило о расследованиях, уголовном преследовании или осуждении государственных служащих, причастных к торговле людьми.',
  complicity: (suspects, convicted) => {
    if (suspects === null || suspects === 0) return `Суды осудили ${ruCounted(convicted ?? 0, OFFICIAL, 'acc')} за причастность к торговле людьми.`;
    const head = `Правительство расследовало дела ${ruCounted(suspects, OFFICIAL, 'gen')}, ${one(suspects) ? 'подозреваемого' : 'подозреваемых'} в причастности к торговле людьми`;
    if (convicted === null) return `${head}.`;
    if (convicted === 0) return `${head}; ${one(suspects) ? 'оно не осуждено' : 'ни одно из них не осуждено'}.`;
    return `${head}; ${one(convicted) ? 'осуждено' : 'осуждены'} ${ruNumber(convicted, 'nom', 'n')} из них.`;
  },

  identified: (n, previous) =>
    n === 0
      ? `Правительство не выявило ни одной жертвы торговли людьми${compared(previous, 'f')}.`
      : `Правительство выявило ${ruCounted(n, VICTIM_TIP, 'acc')}${compared(previous, 'f')}.`,
  byForm: (total, items) => {
    // "21 — жертвы …": after the dash the label names the group, so it is plural for any count but
    // a lone victim ("одна — жертва …"); this is not a plural rule for the numeral, which has none here.
    const item = (i: (typeof items)[number]) =>
      `${ruNumber(i.n, 'nom', 'f')} — ${i.n === 1 ? labelsRu.forms[i.form].one : labelsRu.forms[i.form].other}${i.split ? ` (${split(i.split, 'nom')})` : ''}`;
    if (total === 1 && items[0]) {
      const only = items[0];
      return `Выявленная жертва — ${labelsRu.forms[only.form].one}${only.split ? ` (${split(only.split, 'nom')})` : ''}.`;
    }
    const [whole] = items;
    if (whole && items.length === 1 && total !== null && whole.n === total)
      return `Все выявленные жертвы — ${labelsRu.forms[whole.form].other}${whole.split ? ` (${split(whole.split, 'nom')})` : ''}.`;
    const head = total === null ? 'Среди выявленных жертв' : `Из ${ruNumber(total, 'gen', 'f')} выявленных жертв`;
    return `${head} ${joinList('ru', items.map(item))}.`;
  },
  sexAndAge: (female, male, children) => {
    const sex: string[] = [];
    if (female !== null) sex.push(ruCounted(female, FEMALE, 'nom'));
    if (male !== null) sex.push(ruCounted(male, MALE, 'nom'));
    const kids = children === null ? '' : ruCounted(children, CHILD, 'nom');
    const list = sex.length > 0 ? `${joinList('ru', sex)}${kids ? `, в том числе ${kids}` : ''}` : kids;
    return `Среди выявленных жертв — ${list}.`;
  },
  identifiedBy: (items) => `Жертвы выявлены ${byAgency(items)}.`,
  notCounted: (anonymous, selfReports) => {
    const parts: string[] = [];
    if (anonymous !== null) parts.push(`${ruCounted(anonymous, ANONYMOUS, 'nom')} об отказе взрослых от идентификации`);
    if (selfReports !== null) parts.push(`${ruCounted(selfReports, SELF_REPORT, 'nom')} граждан о себе`);
    return `Кроме того, поступило ${joinList('ru', parts)}; они не учитываются как жертвы.`;
  },
  referralNotReported: () => 'Правительство не сообщило, сколько жертв оно направило на получение помощи.',
  referred: (n) =>
    n === 0 ? 'Правительство не направило на получение помощи ни одной жертвы.' : `Правительство направило на получение помощи ${ruCounted(n, VICTIM, 'acc')}.`,
  referredBy: (items) => `Жертвы направлены на получение помощи ${byAgency(items)}.`,
  sheltered: (persons, bedDays) => {
    const days = bedDays === null ? '' : ruCounted(bedDays, BED_DAY, 'acc');
    if (persons === null) return `Приюты предоставили ${days}.`;
    return `Приюты приняли ${ruCounted(persons, PERSON, 'acc')}${bedDays === null ? '' : ` и предоставили ${days}`}.`;
  },
  shelterFunding: (year, money, shelters, previous) => {
    const before = previous ? ` по сравнению ${ruWith(tengeFigure('ru', previous.tenge).value)} ${moneyRu(previous, 'ins')} в ${previous.year} году` : '';
    const purpose = shelters > 0 ? ruCounted(shelters, SHELTER, 'gen') : 'приютов для жертв торговли людьми';
    return `Правительство выделило ${moneyRu(money)} в ${year} году${before} на финансирование ${purpose}.`;
  },
  proceedings: (participation, victimWitness) => {
    const during = 'в расследованиях в отчётный период';
    let took: string | null = null;
    if (participation?.kind === 'all') {
      const n = participation.n;
      if (n === 1) took = `Единственная выявленная жертва участвовала ${during}`;
      else if (one(n)) took = `Все выявленные жертвы (${ruNumber(n, 'nom', 'f')}) участвовали ${during}`;
      else took = `Все ${ruCounted(n, IDENTIFIED_VICTIM, 'nom')} участвовали ${during}`;
    } else if (participation?.kind === 'some') {
      const of = participation.of === null ? 'выявленных жертв' : `${ruNumber(participation.of, 'gen', 'f')} выявленных жертв`;
      took = `${capitalize(during)} ${one(participation.n) ? 'участвовала' : 'участвовали'} ${ruNumber(participation.n, 'nom', 'f')} из ${of}`;
    } else if (participation?.kind === 'none') took = `Ни одна из выявленных жертв не участвовала ${during}`;
    if (!victimWitness) return `${took}.`;
    const p = victimWitness.persons;
    const single = p?.kind === 'parts' && ((p.citizen === 1 && p.foreign === null) || (p.citizen === null && p.foreign === 1));
    const persons = p ? `${split(p, 'gen')}, ${single ? 'участвовавшего' : 'участвовавших'}` : 'жертв, участвовавших';
    const provided = `правительство выделило ${moneyRu(victimWitness.money)} на услуги для ${persons} в уголовном процессе, в рамках программы защиты участников уголовного процесса`;
    return took === null ? `${capitalize(provided)}.` : `${took}; ${provided}.`;
  },
  compensationInformed: (informed, claims) => {
    const claimed =
      claims === null ? null : claims === 0 ? 'гражданские иски не подавались' : `${one(claims) ? 'подан' : 'подано'} ${ruCounted(claims, CLAIM, 'nom')}`;
    if (informed === null) return `${capitalize(claimed ?? '')}.`;
    const told =
      informed === 0
        ? 'Правительство не проинформировало ни одну жертву о праве на возмещение ущерба'
        : `Правительство проинформировало ${ruCounted(informed, VICTIM, 'acc')} о праве на возмещение ущерба`;
    return claimed === null ? `${told}.` : `${told}; ${claimed}.`;
  },
  compensationAwarded: (awarded, paid) => {
    if (!awarded) return `Жертвам выплачено ${moneyRu(paid as Money)} в качестве компенсации.`;
    return `Суды присудили жертвам ${moneyRu(awarded)} в качестве компенсации${paid ? `, из которых выплачено ${moneyRu(paid)}` : ''}.`;
  },
  legalAid: (n) => `Правительство предоставило бесплатную юридическую помощь ${ruCounted(n, FACE, 'dat')}.`,

  recommendations: (year, total, byStatus) =>
    `Правительство отслеживало выполнение ${ruCounted(total, RECOMMENDATION, 'gen')} на ${year} год: ${joinList(
      'ru',
      byStatus.map((s) => `${labelsRu.statuses[s.status]} — ${ruNumber(s.n, 'nom', 'f')}`),
    )}.`,

  officialFiguresNote: (year) => `Данные за ${year} год — официальные данные правительства, представленные до ввода реестра; Qorgau их не подсчитывал.`,
  publicEditionNote: () => 'Публичная редакция: числа от 1 до 10 показаны как «менее 11», а части, по которым их можно вычислить, опущены.',
};
