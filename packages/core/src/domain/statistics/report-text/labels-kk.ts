import type { OneOther, ReportLabels } from './types.ts';

const victims = (of: string, ofMany = of): OneOther => ({ one: `${of} құрбаны`, other: `${ofMany} құрбандары` });

/** Kazakh category labels, in the nominative ("… құрбандары — 21", "полиция (15)"). */
export const labelsKk: ReportLabels = {
  forms: {
    SexualExploitation: victims('жыныстық қанау мақсатындағы адам саудасының'),
    ForcedLabour: victims('мәжбүрлі еңбек'),
    ChildLabour: victims('мәжбүрлі бала еңбегінің'),
    ForcedMarriage: victims('мәжбүрлі некенің'),
    Servitude: victims('кіріптарлықтың'),
    ForcedMilitaryByNonStateActors: victims('қарулы топтарға мәжбүрлеп тартудың'),
    OrganRemoval: victims('ағзаларын алу мақсатындағы адам саудасының'),
    ForcedBegging: victims('мәжбүрлі қайыршылықтың'),
    ForcedAdoption: victims('заңсыз бала асырап алу мақсатындағы адам саудасының'),
    Surrogacy: victims('мәжбүрлі суррогат аналықтың'),
    ForcedCriminality: victims('қылмысқа мәжбүрлеудің'),
    Other: victims('қанаудың өзге нысанының', 'қанаудың өзге нысандарының'),
    Multiple: victims('қанаудың бірнеше нысанының'),
    Unknown: { one: 'қанау нысаны көрсетілмеген құрбан', other: 'қанау нысаны көрсетілмеген құрбандар' },
  },
  agencies: {
    police: 'полиция',
    labour_inspectorate: 'еңбек инспекциясы',
    consulate: 'консулдық мекемелер',
    health: 'денсаулық сақтау ұйымдары',
    education: 'білім беру ұйымдары',
    ngo: 'ҮЕҰ',
    shelter: 'баспаналар',
    migration_service: 'көші-қон қызметі',
    hotline: 'сенім телефондары',
    prosecutor: 'прокуратура',
    court: 'соттар',
    legal_aid: 'заң көмегін көрсететін ұйымдар',
    national_coordination: 'ұлттық үйлестіру органы',
    administration: 'жергілікті атқарушы органдар',
  },
  statuses: {
    met: 'орындалды',
    partly_met: 'ішінара орындалды',
    in_progress: 'орындалуда',
    not_started: 'басталмады',
    not_applicable: 'қолданылмайды',
  },
};
