/** Placeholder until its helper lands (issue #11). */
export function VictimsSection(_props: { criminalCaseId: string }) {
  return null;
}
