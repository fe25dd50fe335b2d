import type { Permission } from '@qorgau/core';
import { lazy, type ReactNode } from 'react';
import { useCan } from '../auth/current-user.tsx';

/**
 * The national statistics pages behind one route of the app (/statistics and its tabs), the
 * data-exchange page (issue #14) among them: the first screen every user loads carries one lazy
 * import for them all, the pages their own.
 */
const PAGES = {
  '': lazy(() => import('./StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage }))),
  funding: lazy(() => import('../funding/FundingPage.tsx').then((m) => ({ default: m.FundingPage }))),
  recommendations: lazy(() => import('../recommendations/RecommendationsPage.tsx').then((m) => ({ default: m.RecommendationsPage }))),
  'official-figures': lazy(() => import('../official-figures/OfficialFiguresPage.tsx').then((m) => ({ default: m.OfficialFiguresPage }))),
  exchange: lazy(() => import('../exchange/ExchangePage.tsx').then((m) => ({ default: m.ExchangePage }))),
} as const;

/** What a page needs beyond the section's `statistics.read`: taking in HTCDS files needs `htcds.import`. */
const NEEDS: Partial<Record<keyof typeof PAGES, Permission>> = { exchange: 'htcds.import' };

export function StatisticsSection({ page, notFound }: { page: string | undefined; notFound: () => ReactNode }) {
  const can = useCan();
  const key = (page ?? '') as keyof typeof PAGES;
  const Page = PAGES[key] as (typeof PAGES)[keyof typeof PAGES] | undefined;
  const needs = NEEDS[key];
  return Page && (!needs || can(needs)) ? <Page /> : notFound();
}
