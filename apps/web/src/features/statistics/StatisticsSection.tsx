import { lazy, type ReactNode } from 'react';

/**
 * The national statistics pages behind one route of the app (/statistics and its tabs): the
 * first screen every user loads carries one lazy import for them all, the pages their own.
 */
const PAGES = {
  '': lazy(() => import('./StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage }))),
  funding: lazy(() => import('../funding/FundingPage.tsx').then((m) => ({ default: m.FundingPage }))),
  recommendations: lazy(() => import('../recommendations/RecommendationsPage.tsx').then((m) => ({ default: m.RecommendationsPage }))),
  'official-figures': lazy(() => import('../official-figures/OfficialFiguresPage.tsx').then((m) => ({ default: m.OfficialFiguresPage }))),
} as const;

export function StatisticsSection({ page, notFound }: { page: string | undefined; notFound: () => ReactNode }) {
  const Page = PAGES[(page ?? '') as keyof typeof PAGES];
  return Page ? <Page /> : notFound();
}
