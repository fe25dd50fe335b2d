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
    | 'nav.users'
    | 'nav.agencies'
    | 'nav.reference'
    | 'nav.audit'
    | 'nav.account';
  testId: string;
  permission?: Permission;
  /** A further condition on the user (the hotline queue is only for hotline staff). */
  when?: (me: Me) => boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'nav.home', testId: 'nav-home' },
  { href: '/self-reports', label: 'nav.selfReports', testId: 'nav-self-reports', permission: 'self_report.read', when: worksHotline },
  { href: '/screenings', label: 'nav.screenings', testId: 'nav-screenings', permission: 'case.create' },
  { href: '/persons', label: 'nav.persons', testId: 'nav-persons', permission: 'person.read' },
  { href: '/linkage/reviews', label: 'nav.linkage', testId: 'nav-linkage', permission: 'linkage.review' },
  { href: '/cases', label: 'nav.cases', testId: 'nav-cases', permission: 'case.read' },
  { href: '/admin/users', label: 'nav.users', testId: 'nav-users', permission: 'user.manage' },
  { href: '/admin/agencies', label: 'nav.agencies', testId: 'nav-agencies', permission: 'agency.manage' },
  { href: '/admin/reference', label: 'nav.reference', testId: 'nav-reference', permission: 'reference.manage' },
  { href: '/audit', label: 'nav.audit', testId: 'nav-audit', permission: 'audit.read' },
  { href: '/account', label: 'nav.account', testId: 'nav-account' },
];
