import type { Me, Permission } from '@qorgau/core';
import { navTestId, visibleNavItems, type HomeLabel, type NavItem } from '../../app/nav-items.ts';

export interface HomeLink {
  href: string;
  label: HomeLabel | NavItem['label'] | 'home.actions.screen' | 'home.actions.recordPerson';
  /** A first step of the role's work (a filled button); the others are its pages. */
  primary: boolean;
  testId: string;
}

/** What the role starts from the home page: new records, only where the role may create them. */
const START: { href: string; label: 'home.actions.screen' | 'home.actions.recordPerson'; permission: Permission; testId: string }[] = [
  { href: '/screenings/new', label: 'home.actions.screen', permission: 'case.create', testId: 'new-screening' },
  { href: '/persons/new', label: 'home.actions.recordPerson', permission: 'person.create', testId: 'home-new-person' },
];

/**
 * The home page's links (issue #9): what the user may start, then every page of her navigation
 * except home itself. Derived from NAV_ITEMS and the user's permissions, as the navigation is,
 * so the two never drift apart.
 */
export function homeLinks(me: Me): HomeLink[] {
  const start = START.filter((s) => me.permissions.includes(s.permission)).map((s) => ({ href: s.href, label: s.label, primary: true, testId: s.testId }));
  const pages = visibleNavItems(me)
    .filter((item) => item.href !== '/')
    .map((item) => ({
      href: item.href,
      label: item.homeLabel ?? item.label,
      primary: false,
      testId: item.homeTestId ?? `home-${navTestId(item)}`,
    }));
  return [...start, ...pages];
}
