/** Placeholder until its helper lands (issue #11). */
export function RedressPanel(_props: { personId: string }) {
  return null;
}
