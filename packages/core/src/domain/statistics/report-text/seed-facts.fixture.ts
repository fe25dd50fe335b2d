import type { AnnualReportFacts } from '../report-facts.ts';

/**
 * Facts matching the TIP 2023 Kazakhstan protection section (../shared/seeds/tip-2023-kazakhstan-protection.txt),
 * for the report-text tests. A fresh copy each call, so a test can change one number.
 */
export function seedFacts(): AnnualReportFacts {
  return {
    year: 2022,
    edition: 'official',
    identification: {
      victims: 24,
      previous: { year: 2021, value: 20, source: 'official' },
      byForm: [
        { form: 'SexualExploitation', total: 21, citizen: 20, foreign: 1 },
        { form: 'ForcedLabour', total: 3, citizen: 2, foreign: 1 },
      ],
      children: null,
      female: null,
      male: null,
      byAgencyType: [],
      anonymousNotifications: null,
      selfReports: null,
    },
    care: { referred: null, byReferrerType: [], personsSheltered: null, bedDays: null },
    funding: {
      shelters: { tenge: 101_000_000, tengePerUsd: 462.54, count: 10 },
      previous: { tenge: 107_000_000, tengePerUsd: 462.54, year: 2021, count: 10, source: 'official' },
    },
    proceedings: {
      participated: 24,
      victimWitness: { tenge: 1_200_000, tengePerUsd: 462.54, citizens: 4, foreign: 1 },
    },
    prosecution: null,
    redress: null,
    prevention: null,
  };
}
