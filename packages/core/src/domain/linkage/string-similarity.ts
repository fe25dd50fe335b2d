/**
 * String similarity for record linkage: Jaro and Jaro–Winkler over UTF-16 code units.
 * Inputs are expected to be name skeletons (plain a–z from `nameSearchTokens`), so code
 * units and characters coincide.
 */

let scratchA = new Uint8Array(64);
let scratchB = new Uint8Array(64);

/**
 * Jaro similarity in [0, 1]: with m matching characters (equal, and no further apart than
 * ⌊max(|a|,|b|)/2⌋ − 1) and t half the number of matched characters out of order,
 * (m/|a| + m/|b| + (m − t)/m) / 3; 0 when m = 0, 1 when both strings are empty.
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  // Scratch flags, reused across calls (linkage compares millions of short names).
  if (scratchA.length < la) scratchA = new Uint8Array(Math.max(la, 2 * scratchA.length));
  if (scratchB.length < lb) scratchB = new Uint8Array(Math.max(lb, 2 * scratchB.length));
  const matchedA = scratchA;
  const matchedB = scratchB;
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let outOfOrder = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) outOfOrder++;
    k++;
  }
  const t = outOfOrder / 2;
  return (m / la + m / lb + (m - t) / m) / 3;
}

/** Winkler's prefix scale and the longest prefix it rewards. */
export const WINKLER_PREFIX_SCALE = 0.1;
export const WINKLER_MAX_PREFIX = 4;

/**
 * Jaro–Winkler similarity in [0, 1]: Jaro plus ℓ·p·(1 − Jaro), where ℓ is the length of the
 * common prefix (at most 4) and p = 0.1. Symmetric; 1 exactly for equal strings.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j === 1 || j === 0) return j;
  const limit = Math.min(WINKLER_MAX_PREFIX, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const score = j + prefix * WINKLER_PREFIX_SCALE * (1 - j);
  return Math.min(1, score);
}
