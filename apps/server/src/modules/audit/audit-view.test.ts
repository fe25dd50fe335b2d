import type { Actor } from '@qorgau/core';
import { describe, expect, it } from 'vitest';
import type { RefRow } from './audit-refs.repository.ts';
import { factsOf, linkableFor, refsWanted } from './audit-view.ts';

const ref = (type: string, id: string) => ({ type, id, reference: `ref-${id}`, names: null, linkable: false });
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('audit details as labelled facts', () => {
  it('a case action: its type, outcome and deciding organisation as codes; the target agency resolved', () => {
    const facts = factsOf(
      'case.action_appended',
      { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', decidedBy: 'Police', toAgencyId: A },
      ref,
      new Map(),
    );
    expect(facts).toEqual([
      { key: 'type', kind: 'codes', group: 'caseAction', codes: ['identification_decided'] },
      { key: 'outcome', kind: 'codes', group: 'traffickingStatus', codes: ['ActualVictimOfTrafficking'] },
      { key: 'decidedBy', kind: 'codes', group: 'decisionOrg', codes: ['Police'] },
      { key: 'toAgencyId', kind: 'record', record: ref('agency', A) },
    ]);
  });

  it('lists of ids are counted, never listed; unknown keys and values that are not codes are left out', () => {
    const facts = factsOf('person.search', { shown: [A, B], total: 7, matching: true, secret: 'x', reason: 'not a code!' }, ref, new Map());
    expect(facts).toEqual([
      { key: 'shown', kind: 'count', value: 2 },
      { key: 'total', kind: 'number', value: 7 },
      { key: 'matching', kind: 'flag', value: true },
    ]);
    expect(JSON.stringify(facts)).not.toContain(A);
  });

  it('a refusal shows the route pattern; a decision means a linkage decision outside a case', () => {
    expect(factsOf('access.denied', { method: 'GET', route: '/api/v1/cases/:id', status: 404 }, ref, new Map())).toEqual([
      { key: 'request', kind: 'text', value: 'GET /api/v1/cases/:id' },
      { key: 'status', kind: 'number', value: 404 },
    ]);
    expect(factsOf('person.link_decided', { other: B, decision: 'same' }, ref, new Map())).toContainEqual({
      key: 'decision',
      kind: 'codes',
      group: 'linkage.decision',
      codes: ['same'],
    });
  });

  it('collects every id a page names, by kind, for one lookup', () => {
    const wanted = refsWanted([
      {
        id: '1',
        at: '',
        operation: 'audit.read',
        outcome: 'success',
        actorId: A,
        actorUsername: null,
        actorRole: null,
        agencyId: null,
        recordType: null,
        recordId: null,
        ip: null,
        details: { filter: { actorId: B, recordId: A } },
      },
    ]);
    expect(wanted.get('user')).toEqual(new Set([A, B]));
    expect(wanted.get('case')).toEqual(new Set([A]));
  });
});

describe('a record is linked only where the reader may open it', () => {
  const row = (type: RefRow['type'], patch: Partial<RefRow> = {}): RefRow => ({
    type,
    id: A,
    reference: 'QRG-2026-000001',
    names: null,
    createdBy: B,
    ownerAgencyId: B,
    regionCode: 'KZ-75',
    creatorAccessEnded: false,
    assignedUserIds: [],
    ...patch,
  });
  const reader = (role: Actor['role'], national = true): Actor => ({
    userId: A,
    role,
    agencyId: A,
    jurisdiction: national ? { national: true, regions: [] } : { national: false, regions: ['KZ-71'] },
  });
  it('the coordinator opens cases and persons anywhere, not accounts; the administrator the reverse', () => {
    expect(linkableFor(reader('national_coordinator'), row('case'))).toBe(true);
    expect(linkableFor(reader('national_coordinator'), row('person'))).toBe(true);
    expect(linkableFor(reader('national_coordinator'), row('user'))).toBe(false);
    expect(linkableFor(reader('administrator'), row('case'))).toBe(false);
    expect(linkableFor(reader('administrator'), row('user'))).toBe(true);
    expect(linkableFor(reader('administrator'), row('agency'))).toBe(true);
  });
  it('record-level scope applies: an officer outside the region gets no link; self-reports are never linked here', () => {
    expect(linkableFor(reader('identification_officer', false), row('case'))).toBe(false);
    expect(linkableFor(reader('identification_officer', false), row('case', { regionCode: 'KZ-71' }))).toBe(true);
    expect(linkableFor(reader('national_coordinator'), row('self_report'))).toBe(false);
  });
});
