import { expect, it } from 'vitest';
import htcds from '../../../../reference/htcds/htcds-2.0-field-names.json';
import { CASE_HTCDS_FIELDS, PERSON_HTCDS_FIELDS } from './htcds-fields.ts';

it('every exported field is an HTCDS 2.0 field, or explicitly one of ours (qrg_)', () => {
  const known = new Set(htcds.fieldNames);
  for (const name of [...Object.values(PERSON_HTCDS_FIELDS), ...Object.values(CASE_HTCDS_FIELDS)]) {
    expect(known.has(name) || name.startsWith('qrg_'), name).toBe(true);
  }
  expect(known.has('prs_FirstName')).toBe(true);
});
