import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';

/**
 * The national statistics pages, one tab each: the dashboard, funding, the recommendations
 * tracker and the official figures of years before the register. One navigation item leads
 * here; the tabs live with the pages (their own chunk), not in the first screen every user loads.
 */
const TABS = [
  { href: '/statistics', label: 'nav.statistics', testId: 'tab-statistics' },
  { href: '/statistics/funding', label: 'nav.funding', testId: 'nav-funding' },
  { href: '/statistics/recommendations', label: 'nav.recommendations', testId: 'nav-recommendations' },
  { href: '/statistics/official-figures', label: 'nav.officialFigures', testId: 'nav-official-figures' },
] as const;

export function StatisticsTabs() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <Group component="nav" gap="xs" wrap="wrap" className="statistics-tabs" aria-label={t('nav.statistics')}>
      {TABS.map((tab) => {
        const current = location === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            data-testid={tab.testId}
            aria-current={current ? 'page' : undefined}
            className={current ? 'statistics-tab statistics-tab-current' : 'statistics-tab'}
          >
            {t(tab.label)}
          </Link>
        );
      })}
    </Group>
  );
}
