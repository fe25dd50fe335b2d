import type { OneOther, ReportLabels } from './types.ts';

const victims = (of: string, ofMany = of): OneOther => ({ one: `жертва ${of}`, other: `жертвы ${ofMany}` });

/** Russian category labels: forms in the nominative ("N — жертвы …"), agencies in the instrumental ("выявлены полицией"). */
export const labelsRu: ReportLabels = {
  forms: {
    SexualExploitation: victims('торговли людьми в целях сексуальной эксплуатации'),
    ForcedLabour: victims('принудительного труда'),
    ChildLabour: victims('принудительного детского труда'),
    ForcedMarriage: victims('принудительного брака'),
    Servitude: victims('подневольного состояния'),
    ForcedMilitaryByNonStateActors: victims('принудительной вербовки вооружёнными группами'),
    OrganRemoval: victims('торговли людьми в целях изъятия органов'),
    ForcedBegging: victims('принуждения к попрошайничеству'),
    ForcedAdoption: victims('торговли людьми в целях незаконного усыновления'),
    Surrogacy: victims('принудительного суррогатного материнства'),
    ForcedCriminality: victims('принуждения к преступной деятельности'),
    Other: victims('иной формы эксплуатации', 'иных форм эксплуатации'),
    Multiple: victims('нескольких форм эксплуатации'),
    Unknown: victims('эксплуатации неуказанной формы'),
  },
  agencies: {
    police: 'полицией',
    labour_inspectorate: 'трудовыми инспекторами',
    consulate: 'консульскими работниками',
    health: 'медицинскими работниками',
    education: 'работниками образования',
    ngo: 'НПО',
    shelter: 'приютами',
    migration_service: 'миграционной службой',
    hotline: 'горячими линиями',
    prosecutor: 'прокурорами',
    court: 'судами',
    legal_aid: 'организациями юридической помощи',
    national_coordination: 'национальным координационным органом',
    administration: 'местными исполнительными органами',
  },
  statuses: {
    met: 'выполнены',
    partly_met: 'выполнены частично',
    in_progress: 'в работе',
    not_started: 'не начаты',
    not_applicable: 'неприменимы',
  },
};
