import type { Me, Permission } from '@qorgau/core';
import { worksHotline } from '../features/self-reports/api.ts';

export interface NavItem {
  href: string;
  /** i18n key of the label. */
  label:
    | 'nav.home'
    | 'nav.selfReports'
    | 'nav.screenings'
    | 'nav.persons'
    | 'nav.linkage'
    | 'nav.cases'
    | 'nav.referrals'
    | 'nav.protection'
    | 'nav.criminalCases'
    | 'nav.clients'
    | 'nav.providers'
    | 'nav.capacity'
    | 'nav.statistics'
    | 'nav.exchange'
    | 'nav.users'
    | 'nav.agencies'
    | 'nav.reference'
    | 'nav.audit'
    | 'nav.account';
  /** i18n key of the home page's link to this page (a phrase of what the user does there). */
  homeLabel?: HomeLabel;
  /** Test id of that link on the home page. */
  homeTestId?: string;
  permission?: Permission;
  /** A further condition on the user (the hotline queue is only for hotline staff). */
  when?: (me: Me) => boolean;
}

export type HomeLabel =
  | 'home.actions.selfReports'
  | 'home.actions.screenings'
  | 'home.actions.findPerson'
  | 'home.actions.reviewLinks'
  | 'home.actions.cases'
  | 'home.actions.referrals'
  | 'home.actions.protection'
  | 'home.actions.criminalCases'
  | 'home.actions.clients'
  | 'home.actions.providers'
  | 'home.actions.capacity'
  | 'home.actions.statistics'
  | 'home.actions.exchange'
  | 'home.actions.users'
  | 'home.actions.agencies'
  | 'home.actions.reference'
  | 'home.actions.audit'
  | 'home.actions.account';

export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'nav.home' },
  {
    href: '/self-reports',
    label: 'nav.selfReports',
    homeLabel: 'home.actions.selfReports',
    permission: 'self_report.read',
    when: worksHotline,
  },
  { href: '/screenings', label: 'nav.screenings', homeLabel: 'home.actions.screenings', permission: 'case.create' },
  { href: '/persons', label: 'nav.persons', homeLabel: 'home.actions.findPerson', permission: 'person.read' },
  {
    href: '/linkage/reviews',
    label: 'nav.linkage',
    homeLabel: 'home.actions.reviewLinks',
    homeTestId: 'review-links',
    permission: 'linkage.review',
  },
  { href: '/cases', label: 'nav.cases', homeLabel: 'home.actions.cases', permission: 'case.read' },
  { href: '/referrals', label: 'nav.referrals', homeLabel: 'home.actions.referrals', permission: 'referral.read' },
  { href: '/protection', label: 'nav.protection', homeLabel: 'home.actions.protection', permission: 'protection.read' },
  {
    href: '/criminal-cases',
    label: 'nav.criminalCases',
    homeLabel: 'home.actions.criminalCases',
    permission: 'criminal_case.read',
  },
  // A lawyer's clients: the persons of her open legal-aid assignments (issue #11).
  {
    href: '/clients',
    label: 'nav.clients',
    homeLabel: 'home.actions.clients',
    permission: 'redress.read',
    when: (me) => me.role === 'lawyer',
  },
  { href: '/providers', label: 'nav.providers', homeLabel: 'home.actions.providers', permission: 'provider.read' },
  { href: '/capacity', label: 'nav.capacity', homeLabel: 'home.actions.capacity', permission: 'provider.read' },
  {
    href: '/statistics',
    label: 'nav.statistics',
    homeLabel: 'home.actions.statistics',
    permission: 'statistics.read',
  },
  // HTCDS files in and out (issue #14): whoever may import; the page offers export to those who may export.
  { href: '/statistics/exchange', label: 'nav.exchange', homeLabel: 'home.actions.exchange', permission: 'htcds.import' },
  { href: '/admin/users', label: 'nav.users', homeLabel: 'home.actions.users', permission: 'user.manage' },
  { href: '/admin/agencies', label: 'nav.agencies', homeLabel: 'home.actions.agencies', permission: 'agency.manage' },
  { href: '/admin/reference', label: 'nav.reference', homeLabel: 'home.actions.reference', permission: 'reference.manage' },
  { href: '/audit', label: 'nav.audit', homeLabel: 'home.actions.audit', permission: 'audit.read' },
  { href: '/account', label: 'nav.account', homeLabel: 'home.actions.account' },
];

/** The pages in this user's navigation: the ones her permissions (and the item's condition) give her. */
export function visibleNavItems(me: Me): NavItem[] {
  return NAV_ITEMS.filter((item) => (!item.permission || me.permissions.includes(item.permission)) && (!item.when || item.when(me)));
}

/** The one item the address is under: the deepest if several are (/statistics/exchange is Data exchange, not Statistics as well). */
export const currentNavHref = (items: NavItem[], location: string): string =>
  items.reduce((deepest, { href }) => (`${location}/`.startsWith(`${href}/`) && href.length > deepest.length ? href : deepest), '');

/** An item's test id, from its label: nav.selfReports is nav-self-reports. */
export const navTestId = (item: NavItem): string => item.label.replace('.', '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
