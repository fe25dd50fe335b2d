import { HTCDS_PICKLISTS, type HtcdsPicklistField } from '../../reference/htcds-picklists.ts';

/**
 * The columns of an HTCDS 2.0 case file (the official Excel templates, and CSV with the same
 * names), what each holds and where it goes in Qorgau. Columns HTCDS lacks carry `qrg_`
 * (DOMAIN.md §4). Person and case columns become the record; every other HTCDS column is kept,
 * encrypted, with the case (`extra`) so an export gives back what an import took in.
 */
export type HtcdsColumnKind =
  | { type: 'text'; max: number }
  | { type: 'date' }
  | { type: 'country' }
  | { type: 'picklist'; list: HtcdsPicklistField | 'exploitation' }
  | { type: 'multi'; list: HtcdsPicklistField | 'exploitation' }
  | { type: 'boolean' };

export interface HtcdsColumn {
  code: string;
  kind: HtcdsColumnKind;
  /** Where the value goes: the person, the case, or the case's kept HTCDS fields. */
  target: 'person' | 'case' | 'extra';
  required?: boolean;
}

const text = (max = 500): HtcdsColumnKind => ({ type: 'text', max });
const col = (code: string, kind: HtcdsColumnKind, target: HtcdsColumn['target'], required = false): HtcdsColumn => ({ code, kind, target, required });

/** In the order of the official template (its code row), then the columns Qorgau adds. */
export const HTCDS_COLUMNS: readonly HtcdsColumn[] = [
  col('cas_CaseOwner', text(200), 'extra'),
  col('prs_Salutation', text(50), 'extra'),
  col('prs_FirstName', text(100), 'person', true),
  col('prs_SecondName', text(100), 'person', true),
  col('con_Consent', { type: 'boolean' }, 'extra'),
  col('prs_Birthdate', { type: 'date' }, 'person'),
  col('prs_Gender', { type: 'picklist', list: 'prs_Gender' }, 'person'),
  col('prs_Citizenship', { type: 'country' }, 'person', true),
  col('prs_Title', text(100), 'extra'),
  col('prs_Email', text(200), 'extra'),
  col('prs_HomePhone', text(50), 'extra'),
  col('prs_MobilePhone', text(50), 'person'),
  col('prs_MailingCity', text(200), 'extra'),
  col('prs_MailingCountry', { type: 'country' }, 'extra'),
  col('prs_MailingState', text(200), 'extra'),
  col('prs_MailingStreet', text(500), 'person'),
  col('prs_MailingPostalCode', text(20), 'extra'),
  col('vic_TraffickingStatus', { type: 'picklist', list: 'vic_TraffickingStatus' }, 'case', true),
  col('vic_TraffickingStatusDecisionMakingOrg', { type: 'picklist', list: 'vic_TraffickingStatusDecisionMakingOrg' }, 'case'),
  col('vic_MethodOfRecruitment', { type: 'multi', list: 'vic_MethodOfRecruitment' }, 'extra'),
  col('vic_LocationOfRecruitment', text(), 'extra'),
  col('vic_MethodsOfControl', { type: 'multi', list: 'vic_MethodsOfControl' }, 'extra'),
  col('vic_TypeOfExploitation', { type: 'multi', list: 'exploitation' }, 'case'),
  col('vic_ForcedLabourIndustry', { type: 'picklist', list: 'vic_ForcedLabourIndustry' }, 'extra'),
  col('vic_TypeOfSexExploitation', { type: 'multi', list: 'vic_TypeOfSexExploitation' }, 'extra'),
  col('vic_LocationOfExploitation', text(), 'extra'),
  col('cas_Status', { type: 'picklist', list: 'cas_Status' }, 'extra'),
  col('cas_ReferringOrganisation', text(200), 'extra'),
  col('cas_IncomingReferralDate', { type: 'date' }, 'case'),
  col('cas_ReferringPrimaryCaseWorker', text(200), 'extra'),
  col('cas_ReasonForIncomingReferral', { type: 'picklist', list: 'cas_ReasonForIncomingReferral' }, 'extra'),
  col('cas_IncomingReferralDetails', text(2000), 'extra'),
  col('cas_ReferredOrganisation', text(200), 'extra'),
  col('cas_ReferredPrimaryCaseWorker', text(200), 'extra'),
  col('cas_ReasonForOutgoingReferral', { type: 'picklist', list: 'cas_ReasonForOutgoingReferral' }, 'extra'),
  col('cas_OutgoingReferralDate', { type: 'date' }, 'extra'),
  col('cas_OutgoingReferralDetails', text(2000), 'extra'),
  col('cas_ReasonForCaseClosure', text(2000), 'extra'),
  // HTCDS has these fields but the template does not.
  col('prs_MiddleName', text(100), 'person'),
  col('prs_IdentityNumber', text(32), 'person'),
  // What HTCDS lacks (DOMAIN.md §4): the region of the record and the day its status was decided.
  col('qrg_IdentityDocumentType', text(20), 'person'),
  col('qrg_RegionIso3166_2', text(10), 'case'),
  col('qrg_TraffickingStatusDate', { type: 'date' }, 'case'),
];

export const HTCDS_COLUMN_CODES = HTCDS_COLUMNS.map((c) => c.code);

/**
 * Names other HTCDS files use for a column: the official template's typo
 * (`vic_TraffickinStatusDecisionMakingOrg`), the XLSForm's underscored names (`prs_First_Name`,
 * `vic_Methods_of_Control`) and the v0.2 XForm's `prs_Nationality`. Anything else that only
 * differs in case, spaces or underscores is matched by `columnKey`.
 */
const ALIASES: Record<string, string> = {
  vic_TraffickinStatusDecisionMakingOrg: 'vic_TraffickingStatusDecisionMakingOrg',
  prs_Nationality: 'prs_Citizenship',
};

/** A header cell folded for matching: lower case, no spaces, underscores or hyphens. */
export const columnKey = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

const BY_KEY = new Map<string, string>([
  ...HTCDS_COLUMN_CODES.map((c) => [columnKey(c), c] as const),
  ...Object.entries(ALIASES).map(([alias, code]) => [columnKey(alias), code] as const),
]);

/** The HTCDS code a header cell names, or null. */
export const htcdsCodeOf = (header: string): string | null => BY_KEY.get(columnKey(header)) ?? null;

/**
 * The official template's label row gives one column no code (`Reason for Outgoing Referral`,
 * between `cas_ReferredPrimaryCaseWorker` and `cas_OutgoingReferralDate`): a header row read
 * with its label row names it from the label.
 */
export const LABEL_ONLY_COLUMNS: Record<string, string> = { [columnKey('Reason for Outgoing Referral')]: 'cas_ReasonForOutgoingReferral' };

export const picklistValues = (field: HtcdsPicklistField) => HTCDS_PICKLISTS[field].map(([name]) => name.trim());
