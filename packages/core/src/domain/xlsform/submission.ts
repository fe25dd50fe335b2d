import { CreateScreeningBody } from '../../contracts/screening.contract.ts';
import { parseCitizenship } from '../linkage/citizenship.ts';
import { indicatorIdOfField } from './screening-form.ts';

/**
 * A filled screening form as a client submits it (the instance's leaves by name, as read from
 * the XML), turned into the body the web app sends, so the server records it exactly as if it
 * had been entered there. Leaves are read by name wherever they sit, so an instance of an older
 * version of the form (a group renamed, a question moved) still reads.
 */
export type InstanceValues = ReadonlyMap<string, string>;

export interface SubmissionIssue {
  field: string;
  code: string;
}

export type SubmittedScreening =
  | { ok: true; body: Omit<CreateScreeningBody, 'clientId'>; unknownIndicators: string[] }
  | { ok: false; issues: SubmissionIssue[] };

const words = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean);

/** The indicator ids marked present: yes/no questions answered yes, and the choices of the lists' multi-selects. */
function observedOf(values: InstanceValues): string[] {
  const ids: string[] = [];
  for (const [name, value] of values) {
    if (name.startsWith('i_') && value === 'yes') ids.push(indicatorIdOfField(name) as string);
    if (name.startsWith('observed_')) for (const choice of words(value)) ids.push(indicatorIdOfField(choice) ?? choice);
  }
  return [...new Set(ids)];
}

/** Where a contract path lands in the form, for the client's error message. */
const FIELD_OF: Record<string, string> = {
  encounterDate: 'encounter_date',
  regionCode: 'region',
  interpreterUsed: 'interpreter',
  ageYears: 'age_years',
  exploitationTypes: 'exploitation',
  'person.firstName': 'first_name',
  'person.secondName': 'second_name',
  'person.middleName': 'middle_name',
  'person.birthdate': 'birthdate',
  'person.mobilePhone': 'mobile_phone',
};

/**
 * `knownIndicators`: the ids of the lists in force. An indicator an older form asked that the
 * lists no longer hold is set aside (and reported), not a reason to lose the field team's work.
 */
export function screeningFromSubmission(values: InstanceValues, knownIndicators: ReadonlySet<string>): SubmittedScreening {
  const v = (name: string) => {
    const s = values.get(name)?.trim();
    return s ? s : undefined;
  };
  const observed = observedOf(values);
  const consent = v('consent');
  const citizenship = v('citizenship') === 'other' ? (parseCitizenship(v('citizenship_other')) ?? v('citizenship_other')) : v('citizenship');
  const age = v('age_years');
  const body = {
    encounterDate: v('encounter_date'),
    regionCode: v('region'),
    setting: v('setting'),
    language: v('language'),
    interpreterUsed: v('interpreter') === 'yes',
    observed: observed.filter((id) => knownIndicators.has(id)),
    ageYears: age === undefined ? null : Number(age),
    gender: v('gender'),
    citizenship,
    exploitationTypes: words(v('exploitation')),
    consent,
    ...(consent === 'identified'
      ? {
          person: {
            firstName: v('first_name'),
            secondName: v('second_name'),
            ...(v('middle_name') && { middleName: v('middle_name') }),
            ...(v('birthdate') && { birthdate: v('birthdate') }),
            ...(v('mobile_phone') && { mobilePhone: v('mobile_phone')?.replace(/[\s()-]/g, '') }),
          },
        }
      : {}),
    ...(v('narrative') && { narrative: v('narrative') }),
  };
  const checked = CreateScreeningBody.safeParse({ ...body, clientId: '00000000-0000-4000-8000-000000000000' });
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => {
      const path = i.path.join('.');
      const params = (i as { params?: { code?: string } }).params;
      return {
        field: FIELD_OF[path] ?? FIELD_OF[path.split('.').slice(0, 2).join('.')] ?? path.split('.')[0] ?? 'instance',
        code: i.code === 'custom' ? (params?.code ?? 'custom') : i.code,
      };
    });
    return { ok: false, issues };
  }
  const { clientId: _clientId, ...screening } = checked.data;
  return { ok: true, body: screening, unknownIndicators: observed.filter((id) => !knownIndicators.has(id)) };
}
