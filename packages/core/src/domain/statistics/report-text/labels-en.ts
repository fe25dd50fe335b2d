import type { ReportLabels } from './types.ts';

/** English category labels for the report's sentences (US spelling, as the TIP report writes). */
export const labelsEn: ReportLabels = {
  forms: {
    SexualExploitation: { one: 'a sex trafficking victim', other: 'sex trafficking victims' },
    ForcedLabour: { one: 'a forced labor victim', other: 'forced labor victims' },
    ChildLabour: { one: 'a victim of forced child labor', other: 'victims of forced child labor' },
    ForcedMarriage: { one: 'a victim of forced marriage', other: 'victims of forced marriage' },
    Servitude: { one: 'a victim of servitude', other: 'victims of servitude' },
    ForcedMilitaryByNonStateActors: { one: 'a victim of forced recruitment by armed groups', other: 'victims of forced recruitment by armed groups' },
    OrganRemoval: { one: 'a victim of trafficking for organ removal', other: 'victims of trafficking for organ removal' },
    ForcedBegging: { one: 'a victim of forced begging', other: 'victims of forced begging' },
    ForcedAdoption: { one: 'a victim of trafficking for illegal adoption', other: 'victims of trafficking for illegal adoption' },
    Surrogacy: { one: 'a victim of forced surrogacy', other: 'victims of forced surrogacy' },
    ForcedCriminality: { one: 'a victim of forced criminality', other: 'victims of forced criminality' },
    Other: { one: 'a victim of another form of exploitation', other: 'victims of other forms of exploitation' },
    Multiple: { one: 'a victim of more than one form of exploitation', other: 'victims of more than one form of exploitation' },
    Unknown: { one: 'a victim of an unrecorded form of exploitation', other: 'victims of an unrecorded form of exploitation' },
  },
  agencies: {
    police: 'police',
    labour_inspectorate: 'labor inspectors',
    consulate: 'consular officials',
    health: 'health workers',
    education: 'education workers',
    ngo: 'NGOs',
    shelter: 'shelters',
    migration_service: 'migration officials',
    hotline: 'hotlines',
    prosecutor: 'prosecutors',
    court: 'courts',
    legal_aid: 'legal aid providers',
    national_coordination: 'the national coordination body',
    administration: 'local administrations',
  },
  statuses: {
    met: 'met',
    partly_met: 'partly met',
    in_progress: 'in progress',
    not_started: 'not started',
    not_applicable: 'not applicable',
  },
};
