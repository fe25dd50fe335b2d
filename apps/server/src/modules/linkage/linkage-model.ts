/**
 * Which Fellegi–Sunter model scores pairs: the model (parameters and thresholds) the latest finished bulk run
 * estimated from this database's own records, or, before any run, a model estimated by EM
 * from synthetic records (core `syntheticLinkageModel`). Never hand-typed weights.
 */
import { desc, eq } from 'drizzle-orm';
import { syntheticLinkageModel, type LinkageModel } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { linkageRuns } from '../../db/schema.ts';

let synthetic: LinkageModel | null = null;
/** Built once per process (about a second of CPU), on first use. */
export function startingModel(): LinkageModel {
  synthetic ??= syntheticLinkageModel();
  return synthetic;
}

export interface LinkageModelStore {
  current(db: DbOrTx): Promise<LinkageModel>;
  /** Forget the cached model (a run has just finished in this process). */
  invalidate(): void;
}

/** Caches the stored model for a minute: other processes' runs are picked up soon enough. */
export function createLinkageModelStore(ttlMs = 60_000): LinkageModelStore {
  let cached: { model: LinkageModel; at: number } | null = null;
  return {
    async current(db) {
      if (cached && Date.now() - cached.at < ttlMs) return cached.model;
      const [row] = await db
        .select({ model: linkageRuns.model })
        .from(linkageRuns)
        .where(eq(linkageRuns.status, 'done'))
        .orderBy(desc(linkageRuns.finishedAt))
        .limit(1);
      const model = row?.model ?? startingModel();
      cached = { model, at: Date.now() };
      return model;
    },
    invalidate() {
      cached = null;
    },
  };
}

const stores = new WeakMap<object, LinkageModelStore>();
/** One model store per database handle, shared by every module of an app. */
export function modelStoreFor(db: object): LinkageModelStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = createLinkageModelStore()));
  return store;
}
