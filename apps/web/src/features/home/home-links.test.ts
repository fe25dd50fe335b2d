import { ROLE_GRANTS, type AgencyType, type Me, type Permission, type Role } from '@qorgau/core';
import { describe, expect, it } from 'vitest';
import { currentNavHref, NAV_ITEMS, navTestId, visibleNavItems } from '../../app/nav-items.ts';
import { homeLinks } from './home-links.ts';

/** A signed-in user of `role` with exactly the permissions core grants that role. */
function userOf(role: Role, agencyType: AgencyType): Me {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    username: role,
    displayName: role,
    role,
    agency: { id: '00000000-0000-4000-8000-000000000002', name: { kk: 'a', ru: 'a', en: 'a' }, type: agencyType },
    jurisdiction: { national: true, regions: [] },
    permissions: Object.keys(ROLE_GRANTS[role]) as Permission[],
    stage: 'full',
    twoFactorEnabled: true,
    csrfToken: 'x',
  } as unknown as Me;
}

const USERS: [Role, AgencyType][] = [
  ['screener', 'labour_inspectorate'],
  ['screener', 'hotline'],
  ['identification_officer', 'police'],
  ['case_worker', 'ngo'],
  ['shelter_manager', 'shelter'],
  ['investigator', 'police'],
  ['prosecutor', 'prosecutor'],
  ['court_clerk', 'court'],
  ['lawyer', 'legal_aid'],
  ['national_coordinator', 'national_coordination'],
  ['analyst', 'national_coordination'],
  ['administrator', 'administration'],
];

const pages = (me: Me) =>
  homeLinks(me)
    .filter((l) => !l.primary)
    .map((l) => l.href);

describe('home page links (issue #9)', () => {
  it.each(USERS)('a %s (%s) finds on the home page every page of her navigation, and no other', (role, agency) => {
    const me = userOf(role, agency);
    const nav = visibleNavItems(me)
      .map((i) => i.href)
      .filter((h) => h !== '/');
    expect(pages(me)).toEqual(nav);
    // Starting a record is offered only where the role may create it.
    const starts = homeLinks(me)
      .filter((l) => l.primary)
      .map((l) => l.href);
    expect(starts.includes('/screenings/new')).toBe(me.permissions.includes('case.create'));
    expect(starts.includes('/persons/new')).toBe(me.permissions.includes('person.create'));
  });

  it("links the administrator's and the analyst's pages, the prosecutor's and no one else's", () => {
    expect(pages(userOf('administrator', 'administration'))).toEqual([
      '/providers',
      '/capacity',
      '/admin/users',
      '/admin/agencies',
      '/admin/reference',
      '/audit',
      '/account',
    ]);
    expect(pages(userOf('analyst', 'national_coordination'))).toEqual(['/statistics', '/statistics/exchange', '/account']);
    expect(pages(userOf('prosecutor', 'prosecutor'))).toEqual(['/persons', '/cases', '/criminal-cases', '/providers', '/capacity', '/statistics', '/account']);
    // A victim of a criminal case need not have been identified socially (issue #11): the
    // prosecutor records her, but never opens a screening or an NRM case.
    expect(
      homeLinks(userOf('prosecutor', 'prosecutor'))
        .filter((l) => l.primary)
        .map((l) => l.href),
    ).toEqual(['/persons/new']);
    // The hotline queue is for hotline staff and identification officers, as in the navigation.
    expect(pages(userOf('screener', 'hotline'))).toContain('/self-reports');
    expect(pages(userOf('screener', 'labour_inspectorate'))).not.toContain('/self-reports');
    expect(pages(userOf('identification_officer', 'police'))).toEqual([
      '/self-reports',
      '/screenings',
      '/persons',
      '/linkage/reviews',
      '/cases',
      '/referrals',
      '/protection',
      '/providers',
      '/capacity',
      '/statistics',
      '/account',
    ]);
  });

  it('every page of the navigation but home has its own phrase on the home page', () => {
    for (const item of NAV_ITEMS.filter((i) => i.href !== '/')) expect(item.homeLabel, item.href).toMatch(/^home\.actions\./);
  });

  it('lights one navigation item: the deepest the address is under, home only at home', () => {
    const analyst = visibleNavItems(userOf('analyst', 'national_coordination'));
    expect(currentNavHref(analyst, '/statistics/exchange')).toBe('/statistics/exchange');
    expect(currentNavHref(analyst, '/statistics/exchange/')).toBe('/statistics/exchange');
    expect(currentNavHref(analyst, '/statistics/funding')).toBe('/statistics');
    expect(currentNavHref(analyst, '/statistics')).toBe('/statistics');
    expect(currentNavHref(analyst, '/')).toBe('/');
    // A page merely starting with an item's letters is not under it; a page of no item lights none.
    expect(currentNavHref(analyst, '/statisticsx')).toBe('');
    expect(currentNavHref(analyst, '/cases/1')).toBe('');
  });

  it('names each navigation item with a test id of its own, from its label', () => {
    expect(NAV_ITEMS.map(navTestId)).toContain('nav-self-reports');
    expect(NAV_ITEMS.map(navTestId)).toContain('nav-criminal-cases');
    expect(new Set(NAV_ITEMS.map(navTestId)).size).toBe(NAV_ITEMS.length);
    for (const id of NAV_ITEMS.map(navTestId)) expect(id).toMatch(/^nav-[a-z]+(-[a-z]+)*$/);
  });
});
