import type { Permission } from '@qorgau/core';

export interface NavItem {
  href: string;
  /** i18n key of the label. */
  label: 'nav.home' | 'nav.screenings' | 'nav.persons' | 'nav.cases' | 'nav.users' | 'nav.agencies' | 'nav.audit' | 'nav.account';
  testId: string;
  permission?: Permission;
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'nav.home', testId: 'nav-home' },
  { href: '/screenings', label: 'nav.screenings', testId: 'nav-screenings', permission: 'case.create' },
  { href: '/persons', label: 'nav.persons', testId: 'nav-persons', permission: 'person.read' },
  { href: '/cases', label: 'nav.cases', testId: 'nav-cases', permission: 'case.read' },
  { href: '/admin/users', label: 'nav.users', testId: 'nav-users', permission: 'user.manage' },
  { href: '/admin/agencies', label: 'nav.agencies', testId: 'nav-agencies', permission: 'agency.manage' },
  { href: '/audit', label: 'nav.audit', testId: 'nav-audit', permission: 'audit.read' },
  { href: '/account', label: 'nav.account', testId: 'nav-account' },
];
