/** Placeholder until its helper lands (issue #11). */
export function PersonProceedingsPanel(_props: { personId: string }) {
  return null;
}
