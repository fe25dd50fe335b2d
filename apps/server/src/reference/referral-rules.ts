import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReferralRules, type ReferralRulesDocument } from '@qorgau/core';
import { DEFAULT_REFERENCE_DIR, ReferenceDataError } from './screening-reference.ts';

/** Its rows in reference_documents (an administrator's uploaded version). */
export const REFERRAL_RULES_KIND = 'referral_rules';

/**
 * The placement rules of referrals (reference/care/referral-rules.json, issue #10): who a
 * provider may take, as data with effective dates. An invalid file stops the start-up.
 */
export function loadReferralRules(dir: string = DEFAULT_REFERENCE_DIR): ReferralRulesDocument {
  const file = join(dir, 'care', 'referral-rules.json');
  const parsed = parseReferralRules(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new ReferenceDataError(`${file}: ${parsed.issues.map((i) => `${i.path} ${i.code}`).join('; ')}`);
  return parsed.value;
}
