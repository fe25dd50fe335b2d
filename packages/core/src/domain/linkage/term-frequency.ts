/**
 * Term-frequency adjustment of name agreement (as Splink does, after Winkler): agreeing on a
 * name a tenth of the population shares is weak evidence, agreeing on a rare one is strong.
 * For an exact name agreement the model's u (the chance that two different people agree) is
 * replaced by the share of records carrying that name, so the weight becomes log2(m / share).
 *
 * Shares are counted on name tokens (a name part's skeleton tokens, in any script), one count
 * per record. In memory they come from the records being linked; in the database from the
 * register's keyed name index, so no name is kept in clear (see the server's linkage model).
 */
import type { NamePart, NormalisedRecord } from './linkage-record.ts';

/** The share of records whose name contains a token (0 < share ≤ 1). */
export interface NameFrequencies {
  share(token: string): number;
}

/** Counts each record's name tokens once (given, family and patronymic skeletons). */
export function nameFrequenciesOf(records: readonly NormalisedRecord[]): NameFrequencies {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const r of records) {
    seen.clear();
    for (const part of [r.given, r.family, r.patronymic]) {
      if (part === null) continue;
      for (const t of part.skeleton.split(' ')) seen.add(t);
    }
    for (const t of seen) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, records.length);
  return { share: (token) => Math.max(1, counts.get(token) ?? 1) / n };
}

/** The share of a name part: that of its most common token (a double name is as common as its commoner half). */
export function partShare(part: NamePart | null, frequencies: NameFrequencies): number {
  if (part === null) return 1;
  let share = 0;
  for (const t of part.skeleton.split(' ')) share = Math.max(share, frequencies.share(t));
  return share;
}

/**
 * Bits to add to an exact name agreement whose parts have these shares: log2(u / share), with the
 * commoner of the two sides (exact agreement may be on stems, so the values can differ slightly).
 */
export function termFrequencyBits(uExact: number, shareA: number, shareB: number): number {
  const share = Math.max(shareA, shareB);
  return share > 0 && uExact > 0 ? Math.log2(uExact / share) : 0;
}

/**
 * Name frequencies as a database keeps them: shares by keyed hash of the token (the register's
 * name index), never a name in clear. Tokens rarer than `rareShare` are not listed and read as it.
 */
export interface KeyedNameFrequencies {
  /** Records counted. */
  records: number;
  /** The share given to an unlisted token (at most the share of the rarest listed one). */
  rareShare: number;
  /** Keyed hash of a token → share of records whose name contains it. */
  shares: Record<string, number>;
}

/** Reads keyed frequencies through `keyOf` (the same keyed hash the register's name index uses). */
export function keyedNameFrequencies(stored: KeyedNameFrequencies, keyOf: (token: string) => string): NameFrequencies {
  // Each token's keyed hash once: intake reads the same few names for every candidate it scores.
  // The server makes one reader per loaded model (re-read every minute), so tokens held here
  // live no longer than the names the lookups themselves decrypt.
  const known = new Map<string, number>();
  return {
    share(token) {
      let share = known.get(token);
      if (share === undefined) {
        share = stored.shares[keyOf(token)] ?? stored.rareShare;
        if (known.size < 50_000) known.set(token, share);
      }
      return share;
    },
  };
}
