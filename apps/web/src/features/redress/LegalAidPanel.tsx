/** Placeholder until its helper lands (issue #11). */
export function LegalAidPanel(_props: { personId: string }) {
  return null;
}
