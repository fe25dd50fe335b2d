/** Placeholder until its helper lands (issue #11). */
export function DefendantsSection(_props: { criminalCaseId: string }) {
  return null;
}
