import { describe, expect, it } from 'vitest';
import type { AnnualReportFacts, ReportCount } from '../report-facts.ts';
import { seedFacts } from './seed-facts.fixture.ts';
import { allSentences, protection, sectionSentences } from './test-helpers.fixture.ts';
import { writeAnnualReport } from './write-annual-report.ts';

/** Copied from ../shared/seeds/tip-2023-kazakhstan-protection.txt (TIP 2023, Kazakhstan, protection). */
const SEED_IDENTIFIED = 'The government identified 24 trafficking victims, compared with 20 in 2021.';
const SEED_BY_FORM =
  'Of the 24 victims identified, 21 were sex trafficking victims (20 Kazakhstani citizens and one foreign national) and three were forced labor victims (two Kazakhstani citizens and one foreign national).';
const SEED_FUNDING =
  'The government allocated 101 million tenge ($218,360) in 2022, compared with 107 million tenge ($231,330) in 2021, to fund 10 trafficking shelters.';
const SEED_REFERRAL = 'The government did not report how many victims it referred to care.';
/** The seed's sentence goes on with "– the remainder of the victims received assistance at shelters", which no fact carries. */
const SEED_PROCEEDINGS =
  'All 24 identified victims participated in investigations during the reporting period; and the government provided 1.2 million tenge ($2,590) for victim services for four Kazakhstani citizens and one foreign citizen that participated in criminal proceedings under the Protection of Participants of Criminal Proceedings program';

const id = (f: AnnualReportFacts) => f.identification as NonNullable<AnnualReportFacts['identification']>;

describe('writeAnnualReport (en): the seed', () => {
  it('writes the TIP 2023 protection sentences exactly from facts matching them', () => {
    const sentences = protection(seedFacts(), 'en');
    expect(sentences).toContain(SEED_IDENTIFIED);
    expect(sentences).toContain(SEED_BY_FORM);
    expect(sentences).toContain(SEED_FUNDING);
    expect(sentences).toContain(SEED_REFERRAL);
    expect(sentences).toContain(`${SEED_PROCEEDINGS}.`);
  });

  it('has the three sections in TIP order, a title, and a note for the official figures of 2021', () => {
    const report = writeAnnualReport(seedFacts(), 'en');
    expect(report.sections.map((s) => [s.key, s.heading])).toEqual([
      ['prosecution', 'Prosecution'],
      ['protection', 'Protection'],
      ['prevention', 'Prevention'],
    ]);
    expect(report.title).toBe('Kazakhstan: annual report on trafficking in persons, 2022');
    // No prosecution or prevention facts: no sentences, never sentences with zeros.
    expect(report.sections[0]?.paragraphs).toEqual([]);
    expect(report.sections[2]?.paragraphs).toEqual([]);
    expect(report.notes).toEqual(["Figures for 2021 are the government's official figures from before the register was in use; Qorgau did not count them."]);
  });

  it('notes no official figures when the previous year comes from the register', () => {
    const f = seedFacts();
    id(f).previous = { year: 2021, value: 20, source: 'register' };
    if (f.funding?.previous) f.funding.previous.source = 'register';
    expect(writeAnnualReport(f, 'en').notes).toEqual([]);
  });
});

describe('writeAnnualReport (en): other data, other sentences', () => {
  it('writes the numbers it is given, not the seed’s (one number changed shows in the text)', () => {
    const f = seedFacts();
    id(f).victims = 37;
    id(f).previous = { year: 2020, value: 19, source: 'register' };
    f.funding = { shelters: { tenge: 250_500_000, tengePerUsd: 500, count: 12 }, previous: null };
    const s = protection(f, 'en');
    expect(s).toContain('The government identified 37 trafficking victims, compared with 19 in 2020.');
    expect(s[1]).toMatch(/^Of the 37 victims identified, /);
    expect(s).toContain('The government allocated 250.5 million tenge ($501,000) in 2022 to fund 12 trafficking shelters.');
  });

  it('says "did not identify any" for zero victims and leaves the breakdowns out', () => {
    const f = seedFacts();
    id(f).victims = 0;
    id(f).byForm = [];
    f.proceedings = null;
    const s = protection(f, 'en');
    expect(s[0]).toBe('The government did not identify any trafficking victims, compared with 20 in 2021.');
    expect(s.some((x) => x.startsWith('Of the'))).toBe(false);
  });

  it('writes one victim in the singular, with a form the seed does not mention, and no comparison without a previous year', () => {
    const f = seedFacts();
    id(f).victims = 1;
    id(f).previous = null;
    id(f).byForm = [{ form: 'ForcedBegging', total: 1, citizen: 0, foreign: 1 }];
    f.proceedings = { participated: 1, victimWitness: null };
    const s = protection(f, 'en');
    expect(s[0]).toBe('The government identified one trafficking victim.');
    expect(s[1]).toBe('The one victim identified was a victim of forced begging (one foreign national).');
    expect(s).toContain('The one identified victim participated in investigations during the reporting period.');
    expect(s.join(' ')).not.toContain('compared with 20');
  });

  it('lists several forms with the TIP serial comma, "all" for a split that is all one group, numbers from ten in digits', () => {
    const f = seedFacts();
    id(f).victims = 1234;
    id(f).previous = { year: 2021, value: 0, source: 'register' };
    id(f).byForm = [
      { form: 'ForcedBegging', total: 1200, citizen: 1200, foreign: 0 },
      { form: 'Multiple', total: 25, citizen: 15, foreign: 10 },
      { form: 'Unknown', total: 9, citizen: 0, foreign: 9 },
    ];
    const s = protection(f, 'en');
    expect(s[0]).toBe('The government identified 1,234 trafficking victims, compared with zero in 2021.');
    expect(s[1]).toBe(
      'Of the 1,234 victims identified, 1,200 were victims of forced begging (all Kazakhstani citizens), 25 were victims of more than one form of exploitation (15 Kazakhstani citizens and 10 foreign nationals), and nine were victims of an unrecorded form of exploitation (all foreign nationals).',
    );
  });

  it('says "all" when every victim identified was of one form', () => {
    const f = seedFacts();
    id(f).byForm = [{ form: 'ForcedLabour', total: 24, citizen: 20, foreign: 4 }];
    expect(protection(f, 'en')[1]).toBe('All 24 victims identified were forced labor victims (20 Kazakhstani citizens and four foreign nationals).');
    expect(protection(f, 'ru')[1]).toBe('Все выявленные жертвы — жертвы принудительного труда (20 граждан Казахстана и четыре иностранных гражданина).');
    expect(protection(f, 'kk')[1]).toBe('Анықталған құрбандардың барлығы — мәжбүрлі еңбек құрбандары (20 Қазақстан азаматы және төрт шетел азаматы).');
  });

  it('leaves the funding sentence out when funding is absent, and writes no dollars without a rate', () => {
    const f = seedFacts();
    f.funding = null;
    expect(protection(f, 'en').some((x) => x.includes('allocated'))).toBe(false);
    f.funding = { shelters: { tenge: 950_000, tengePerUsd: null, count: 1 }, previous: null };
    expect(protection(f, 'en')).toContain('The government allocated 950,000 tenge in 2022 to fund one trafficking shelter.');
  });

  it('public edition: "fewer than 11", hidden parts left out while the sentence stays, and a note', () => {
    const f = seedFacts();
    f.edition = 'public';
    id(f).victims = 'lt11';
    id(f).byForm = [
      { form: 'SexualExploitation', total: 'lt11', citizen: 'lt11', foreign: 'hidden' },
      { form: 'ForcedLabour', total: 'hidden', citizen: 'hidden', foreign: 'hidden' },
    ];
    f.proceedings = { participated: 'lt11', victimWitness: { tenge: 1_200_000, tengePerUsd: 462.54, citizens: 'lt11', foreign: 'hidden' } };
    const report = writeAnnualReport(f, 'en');
    const s = sectionSentences(report, 'protection');
    expect(s[0]).toBe('The government identified fewer than 11 trafficking victims, compared with 20 in 2021.');
    expect(s[1]).toBe('Of the victims identified, fewer than 11 were sex trafficking victims.');
    expect(s).toContain(
      'Of the victims identified, fewer than 11 participated in investigations during the reporting period; and the government provided 1.2 million tenge ($2,590) for victim services for victims that participated in criminal proceedings under the Protection of Participants of Criminal Proceedings program.',
    );
    expect(report.title).toContain('(public edition)');
    expect(report.notes.at(-1)).toMatch(/^Public edition: /);
  });

  it('a hidden total leaves out its sentence, not the others', () => {
    const f = seedFacts();
    id(f).victims = 'hidden';
    const s = protection(f, 'en');
    expect(s.some((x) => x.startsWith('The government identified'))).toBe(false);
    expect(s[0]).toMatch(/^Of the victims identified, 21 were sex trafficking victims/);
  });

  it('referrals: a reported number, zero, and the agencies that referred', () => {
    const f = seedFacts();
    f.care = { referred: 0, byReferrerType: [], personsSheltered: null, bedDays: null };
    expect(protection(f, 'en')).toContain('The government did not refer any victims to care.');
    f.care = {
      referred: 16,
      byReferrerType: [
        { agencyType: 'police', n: 10 },
        { agencyType: 'ngo', n: 6 },
        { agencyType: 'hotline', n: 0 },
      ],
      personsSheltered: 1,
      bedDays: 40,
    };
    const s = protection(f, 'en');
    expect(s).toContain('The government referred 16 victims to care.');
    expect(s).toContain('Victims were referred to care by police (10) and NGOs (six).');
    expect(s).toContain('Shelters accommodated one person for a total of 40 bed-days.');
  });

  it('prosecution: comparisons, zeros in TIP words, sentences imposed, no complicity', () => {
    const f = seedFacts();
    f.prosecution = {
      investigations: 0,
      prosecutions: 1,
      convictions: 12,
      previous: { year: 2021, investigations: 3, prosecutions: null, convictions: 'lt11', source: 'register' },
      sentences: { custodial: 11, suspended: 0, fine: 1 },
      complicitOfficials: { suspects: 0, convicted: 0 },
    };
    const s = sectionSentences(writeAnnualReport(f, 'en'), 'prosecution');
    expect(s).toEqual([
      'In 2022, the government did not investigate any trafficking cases, compared with three in 2021.',
      'The government prosecuted one case.',
      'Courts convicted 12 traffickers, compared with fewer than 11 in 2021.',
      'Of the traffickers convicted, 11 received prison sentences and one was fined.',
      'The government did not report any investigations, prosecutions, or convictions of government employees complicit in trafficking crimes.',
    ]);
  });

  it('complicity: officials investigated and convicted, and no sentence with zeros for counts not shown', () => {
    const f = seedFacts();
    const prosecution = (complicitOfficials: { suspects: ReportCount; convicted: ReportCount }) => {
      f.prosecution = { investigations: 'hidden', prosecutions: 'hidden', convictions: 'hidden', previous: null, sentences: null, complicitOfficials };
      return sectionSentences(writeAnnualReport(f, 'en'), 'prosecution');
    };
    expect(prosecution({ suspects: 3, convicted: 1 })).toEqual([
      'The government investigated three government officials suspected of complicity in trafficking crimes; courts convicted one of them.',
    ]);
    expect(prosecution({ suspects: 'hidden', convicted: 0 })).toEqual([
      'The government did not report any investigations, prosecutions, or convictions of government employees complicit in trafficking crimes.',
    ]);
    expect(prosecution({ suspects: 'hidden', convicted: 'hidden' })).toEqual([]);
  });

  it('prevention: recommendations counted by status, furthest along first', () => {
    const f = seedFacts();
    f.prevention = {
      recommendations: [
        { code: 'r1', status: 'not_started' },
        { code: 'r2', status: 'met' },
        { code: 'r3', status: 'in_progress' },
        { code: 'r4', status: 'in_progress' },
      ],
    };
    expect(sectionSentences(writeAnnualReport(f, 'en'), 'prevention')).toEqual([
      'The government tracked four recommendations for 2022: one met, two in progress, and one not started.',
    ]);
  });

  it('never writes a placeholder, a zero-filled absent fact, or a sentence starting with a digit', () => {
    for (const lang of ['en', 'ru', 'kk'] as const) {
      for (const s of allSentences(writeAnnualReport(seedFacts(), lang))) {
        expect(s).not.toMatch(/undefined|null|NaN|\$\{/);
        expect(s).toMatch(/^\p{Lu}/u);
      }
    }
  });
});
