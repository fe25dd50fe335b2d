import type { Actor, JusticeFigures } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { justiceFigures, STATISTICS_READER } from '../justice/justice-figures.ts';
import { keptOrCounted, readerKey } from './statistics-cache.ts';

/** A year's justice figures within the reader's `statistics.read` scope, kept while the register is unchanged. */
export const statisticsJustice = (q: DbOrTx, actor: Actor, year: number): Promise<JusticeFigures> =>
  keptOrCounted(q, `justice|${readerKey(actor)}|${year}`, () => justiceFigures(q, actor, year, STATISTICS_READER));
