import type { FieldIssue } from '../../errors.ts';

export const PASSWORD_MIN_LENGTH = 12;

/** A short list of the passwords seen most in breaches, in the languages our users type. */
const COMMON = new Set([
  'password1234',
  'qwerty123456',
  '123456789012',
  '1234567890qwe',
  'qwertyuiop12',
  'iloveyou1234',
  'kazakhstan2024',
  'kazakhstan123',
  'astana123456',
  'almaty123456',
  'qazaqstan2024',
  'parol1234567',
  'administrator',
  'password123!',
  'welcome12345',
  'qorgau123456',
]);

/**
 * NIST SP 800-63B-style policy: long enough, some variety, not a known-common password, not
 * built on the username. Returns field issues for `newPassword`, empty when acceptable.
 * @param password - the proposed password
 * @param username - the account's username, which the password must not contain
 */
export function checkPasswordPolicy(password: string, username: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const path = 'newPassword';
  if (password.length < PASSWORD_MIN_LENGTH) {
    issues.push({ path, code: 'password_too_short', params: { minimum: PASSWORD_MIN_LENGTH } });
  }
  const classes = [/[a-zа-яёәғқңөұүһі]/u, /[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]/u, /\d/, /[^\p{L}\d]/u].filter((r) => r.test(password)).length;
  if (classes < 3) issues.push({ path, code: 'password_needs_variety' });
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || (username.length >= 3 && lower.includes(username.toLowerCase()))) {
    issues.push({ path, code: 'password_too_common' });
  }
  return issues;
}
