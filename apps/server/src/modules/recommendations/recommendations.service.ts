import {
  DomainError,
  type FieldIssue,
  kazakhstanYear,
  RECOMMENDATION_SOURCES,
  type Recommendation,
  type RecommendationIndicator,
  type RecommendationList,
  type RecommendationSource,
  type RecommendationStatus,
  type SetRecommendationStatusBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { type AuditContext, appendAudit } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { statisticsRegions } from '../funding/funding.service.ts';
import {
  agencyExists,
  ensureRecommendations,
  indicatorValues,
  insertStatus,
  listRecommendationRows,
  recommendationExists,
  setOwner,
  statusesUpTo,
} from './recommendations.repository.ts';
import { RECOMMENDATION_SEEDS } from './recommendations.seed.ts';

const responsibleOf = new Map(RECOMMENDATION_SEEDS.map((s) => [s.code, s.responsible]));

export function createRecommendationsService({ db, now }: AppDeps) {
  let ensured: Promise<void> | null = null;
  /** The shipped list is added once per process, before the first read or write (idempotent across processes). */
  const ready = () => {
    ensured ??= ensureRecommendations(db).catch((e) => {
      ensured = null;
      throw e;
    });
    return ensured;
  };

  return {
    async list(auth: AuthContext, year: number): Promise<RecommendationList> {
      await ready();
      const regions = statisticsRegions(auth.actor);
      const [rows, statuses, values, previous] = await Promise.all([
        listRecommendationRows(db),
        statusesUpTo(db, year),
        indicatorValues(db, year, regions),
        indicatorValues(db, year - 1, regions),
      ]);
      const items = rows.map((r): Recommendation => {
        const indicator = r.indicator as RecommendationIndicator | null;
        const history = statuses
          .filter((s) => s.recommendationId === r.id)
          .map((s) => ({ year: Number(s.year), status: s.status as RecommendationStatus, note: s.note, setAt: s.setAt.toISOString() }));
        return {
          id: r.id,
          code: r.code,
          source: r.source as RecommendationSource,
          text: { kk: r.textKk, ru: r.textRu, en: r.textEn },
          responsible: responsibleOf.get(r.code) ?? null,
          ownerAgency: r.ownerId ? { id: r.ownerId, name: { kk: r.ownerKk ?? '', ru: r.ownerRu ?? '', en: r.ownerEn ?? '' } } : null,
          indicator,
          value: indicator ? values[indicator] : null,
          previousValue: indicator ? previous[indicator] : null,
          status: history.find((h) => h.year === year) ?? null,
          history,
        };
      });
      // The TIP report's recommendations first, in its order, then the action plan's items.
      const rank = (i: Recommendation) => RECOMMENDATION_SOURCES.indexOf(i.source);
      items.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
      return { year, regions: regions ?? [], items };
    },

    async setStatus(auth: AuthContext, audit: AuditContext, id: string, body: SetRecommendationStatusBody): Promise<void> {
      await ready();
      if (!(await recommendationExists(db, id))) throw new DomainError('not_found');
      const issues: FieldIssue[] = [];
      if (body.year > kazakhstanYear(now())) issues.push({ path: 'year', code: 'year_in_future' });
      if (body.ownerAgencyId && !(await agencyExists(db, body.ownerAgencyId))) issues.push({ path: 'ownerAgencyId', code: 'not_found' });
      if (issues.length) throw new DomainError('validation_failed', issues);
      await db.transaction(async (tx) => {
        await insertStatus(tx, { recommendationId: id, year: body.year, status: body.status, note: body.note || null, setBy: auth.user.id, setAt: now() });
        if (body.ownerAgencyId !== undefined) await setOwner(tx, id, body.ownerAgencyId);
        await appendAudit(tx, audit, {
          operation: 'recommendation.status_set',
          recordType: 'recommendation',
          recordId: id,
          details: { year: body.year, status: body.status, ...(body.ownerAgencyId !== undefined ? { ownerAgencyId: body.ownerAgencyId } : {}) },
        });
      });
    },
  };
}
