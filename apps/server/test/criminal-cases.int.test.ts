import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, criminalCaseEvents } from '../src/db/schema.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('criminal cases', (kind) => {
  let t: TestApp;
  let prosecutor: Session;
  let investigator: Session;
  let otherRegionInvestigator: Session;
  let otherAgencyInvestigator: Session;
  let clerk: Session;
  let coordinator: Session;
  let lawyer: Session;
  let farInvestigatorId: string;
  const clock = new Date('2026-11-25T06:00:00Z');
  let erdrSeq = 0;
  const erdr = () => `2026750${String(++erdrSeq).padStart(8, '0')}`;

  const body = (over: Record<string, unknown> = {}) => ({
    clientId: randomUUID(),
    erdrNumber: erdr(),
    articles: ['128'],
    exploitationTypes: ['ForcedLabour'],
    regionCode: 'KZ-75',
    registeredOn: '2026-11-01',
    summary: 'Two women recruited in Shymkent for work in a cafe',
    ...over,
  });
  const register = (s: Session, over: Record<string, unknown> = {}) => s.inject({ method: 'POST', url: '/api/v1/criminal-cases', payload: body(over) });
  const stage = (s: Session, id: string, payload: Record<string, unknown>) =>
    s.inject({ method: 'POST', url: `/api/v1/criminal-cases/${id}/stage`, payload: { clientId: randomUUID(), ...payload } });
  const read = (s: Session, id: string) => s.inject({ method: 'GET', url: `/api/v1/criminal-cases/${id}` });
  const listIds = async (s: Session, query = '') =>
    ((await s.inject({ method: 'GET', url: `/api/v1/criminal-cases?pageSize=100${query}` })).json().items as { id: string }[]).map((i) => i.id);
  const field = (res: { json(): { error: { fields: unknown[] } } }) => res.json().error.fields[0];

  beforeAll(async () => {
    t = await createTestApp(kind);
    // Each call a second later (the same day in Kazakhstan): the history is ordered by time.
    let tick = 0;
    t.deps.now = () => new Date(clock.getTime() + ++tick * 1000);
    const office = await t.createAgency({ type: 'prosecutor', regionCode: 'KZ-75' });
    const police = await t.createAgency({ type: 'police', regionCode: 'KZ-75' });
    const farPolice = await t.createAgency({ type: 'police', regionCode: 'KZ-71' });
    prosecutor = await t.as('prosecutor', { agencyId: office, regions: ['KZ-75'] });
    investigator = await t.as('investigator', { agencyId: police, regions: ['KZ-75'] });
    otherAgencyInvestigator = await t.as('investigator', { agencyId: await t.createAgency({ type: 'police', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
    otherRegionInvestigator = await t.as('investigator', { agencyId: farPolice, regions: ['KZ-71'] });
    farInvestigatorId = otherRegionInvestigator.user.id;
    clerk = await t.as('court_clerk', { agencyId: await t.createAgency({ type: 'court', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    lawyer = await t.as('lawyer', { agencyId: await t.createAgency({ type: 'legal_aid', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
  });
  afterAll(() => t.close());

  it('a prosecutor registers an Art. 128 case in KZ-75: stage, deadline, owner, articles; listed, read, audited', async () => {
    const res = await register(prosecutor);
    expect(res.statusCode).toBe(200);
    const cc = res.json();
    expect(cc).toMatchObject({
      stage: 'registered',
      stageOn: '2026-11-01',
      registeredOn: '2026-11-01',
      deadlineOn: '2027-01-01',
      regionCode: 'KZ-75',
      articlesVersion: '2014.1',
      exploitationTypes: ['ForcedLabour'],
      summary: 'Two women recruited in Shymkent for work in a cafe',
      ownerAgency: { id: prosecutor.user.agencyId },
      prosecutor: { id: prosecutor.user.id },
      investigator: null,
      counts: { defendants: 0, victims: 0 },
    });
    expect(cc.articles[0]).toMatchObject({ code: '128', trafficking: true, title: { en: 'Trafficking in persons' } });
    expect(cc.allowedActions).toEqual(expect.arrayContaining(['change_stage', 'assign', 'extend_deadline']));
    expect(cc.allowedStages).toEqual(['investigation', 'suspended', 'terminated']);
    expect(cc.history.map((h: { type: string }) => h.type)).toEqual(['registered']);
    expect(await listIds(prosecutor)).toContain(cc.id);
    expect(await listIds(prosecutor, `&q=${cc.erdrNumber.slice(0, 10)}`)).toContain(cc.id);
    expect(await listIds(prosecutor, '&stage=investigation')).not.toContain(cc.id);
    expect((await read(prosecutor, cc.id)).statusCode).toBe(200);
    const audits = await t.deps.db
      .select({ op: auditLog.operation, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, cc.id)));
    expect(audits.map((a) => a.op)).toEqual(expect.arrayContaining(['criminal_case.registered', 'criminal_case.read']));
    expect(audits.find((a) => a.op === 'criminal_case.read')?.details).toMatchObject({ part: 'case' });
    // The summary is encrypted at rest.
    const raw = await t.deps.db.execute(`SELECT summary_enc FROM criminal_cases WHERE id = '${cc.id}'`);
    expect(JSON.stringify(raw)).not.toContain('Shymkent');
  });

  it('walks every stage with the role that owns it; wrong roles, wrong moves and dates out of order are refused', async () => {
    const cc = (await register(prosecutor)).json();
    const id = cc.id as string;
    // The prosecutor assigns an investigator of another unit in the region; not one of another region.
    const far = await prosecutor.inject({
      method: 'POST',
      url: `/api/v1/criminal-cases/${id}/assign`,
      payload: { clientId: randomUUID(), investigatorId: farInvestigatorId },
    });
    expect(far.statusCode).toBe(400);
    expect(field(far)).toMatchObject({ path: 'investigatorId', code: 'assignee_invalid' });
    const assignees = (await prosecutor.inject({ method: 'GET', url: `/api/v1/criminal-cases/${id}/assignees` })).json().items.map((a: { id: string }) => a.id);
    expect(assignees).toContain(investigator.user.id);
    expect(assignees).not.toContain(farInvestigatorId);
    const assigned = await prosecutor.inject({
      method: 'POST',
      url: `/api/v1/criminal-cases/${id}/assign`,
      payload: { clientId: randomUUID(), investigatorId: investigator.user.id },
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().investigator).toMatchObject({ id: investigator.user.id });
    // The investigator may not assign nor extend the deadline: the prosecutor's.
    expect(
      (
        await investigator.inject({
          method: 'POST',
          url: `/api/v1/criminal-cases/${id}/assign`,
          payload: { clientId: randomUUID(), investigatorId: investigator.user.id },
        })
      ).statusCode,
    ).toBe(403);
    const notLater = await prosecutor.inject({
      method: 'POST',
      url: `/api/v1/criminal-cases/${id}/deadline`,
      payload: { clientId: randomUUID(), until: '2026-12-01', note: 'x' },
    });
    expect(notLater.statusCode).toBe(400);
    expect(field(notLater)).toMatchObject({ path: 'until', code: 'deadline_not_later' });
    const extended = await prosecutor.inject({
      method: 'POST',
      url: `/api/v1/criminal-cases/${id}/deadline`,
      payload: { clientId: randomUUID(), until: '2027-03-01', note: 'Victims abroad' },
    });
    expect(extended.json().deadlineOn).toBe('2027-03-01');
    expect(extended.json().history.at(-1)).toMatchObject({ type: 'extend_deadline', note: 'Victims abroad', actorRole: 'prosecutor' });

    expect((await stage(investigator, id, { to: 'investigation', on: '2026-11-05' })).json().stage).toBe('investigation');
    const noReason = await stage(investigator, id, { to: 'suspended', on: '2026-11-06' });
    expect(noReason.statusCode).toBe(400);
    expect(field(noReason)).toMatchObject({ path: 'reason', code: 'reason_required' });
    const badReason = await stage(investigator, id, { to: 'suspended', on: '2026-11-06', reason: 'amnesty' });
    expect(field(badReason)).toMatchObject({ path: 'reason', code: 'invalid_reason' });
    const suspended = (await stage(investigator, id, { to: 'suspended', on: '2026-11-06', reason: 'suspect_absconded' })).json();
    expect(suspended).toMatchObject({ stage: 'suspended', stageReason: 'suspect_absconded' });
    expect((await stage(prosecutor, id, { to: 'investigation', on: '2026-11-07' })).statusCode).toBe(200);
    // Sending to court is the prosecutor's alone.
    expect((await stage(investigator, id, { to: 'sent_to_court', on: '2026-11-10' })).statusCode).toBe(403);
    const future = await stage(prosecutor, id, { to: 'sent_to_court', on: '2026-11-26' });
    expect(field(future)).toMatchObject({ path: 'on', code: 'date_in_future' });
    expect((await stage(prosecutor, id, { to: 'sent_to_court', on: '2026-11-10' })).json().stage).toBe('sent_to_court');
    // What the court decides is the clerk's.
    expect((await stage(prosecutor, id, { to: 'first_instance_verdict', on: '2026-11-15' })).statusCode).toBe(403);
    const impossible = await stage(clerk, id, { to: 'final', on: '2026-11-15' });
    expect(impossible.statusCode).toBe(409);
    expect(impossible.json().error.code).toBe('invalid_transition');
    const early = await stage(clerk, id, { to: 'first_instance_verdict', on: '2026-10-30' });
    expect(early.statusCode).toBe(400);
    expect(field(early)).toMatchObject({ path: 'on', code: 'date_before_previous_stage' });
    const verdict = (await stage(clerk, id, { to: 'first_instance_verdict', on: '2026-11-15', note: 'Four years' })).json();
    expect(verdict.stage).toBe('first_instance_verdict');
    expect((await stage(clerk, id, { to: 'appeal', on: '2026-11-20' })).json().stage).toBe('appeal');
    const final = (await stage(clerk, id, { to: 'final', on: '2026-11-24' })).json();
    expect(final).toMatchObject({ stage: 'final', endedOn: '2026-11-24', allowedStages: [] });
    expect(final.allowedActions).not.toContain('change_stage');
    expect(final.history.map((h: { type: string }) => h.type)).toEqual([
      'registered',
      'assign',
      'extend_deadline',
      'change_stage',
      'change_stage',
      'change_stage',
      'change_stage',
      'change_stage',
      'change_stage',
      'change_stage',
    ]);
    expect((await stage(clerk, id, { to: 'appeal', on: '2026-11-25' })).statusCode).toBe(409);
  });

  it('scope: another region 404 and not listed; another unit of the region reads but may not act; coordinator reads; lawyer 404', async () => {
    const cc = (await register(prosecutor)).json();
    const far = await read(otherRegionInvestigator, cc.id);
    expect(far.statusCode).toBe(404);
    expect(await listIds(otherRegionInvestigator)).not.toContain(cc.id);
    expect((await stage(otherRegionInvestigator, cc.id, { to: 'investigation', on: '2026-11-05' })).statusCode).toBe(404);
    const sameRegion = await read(otherAgencyInvestigator, cc.id);
    expect(sameRegion.statusCode).toBe(200);
    expect(sameRegion.json().allowedActions).toEqual([]);
    expect((await stage(otherAgencyInvestigator, cc.id, { to: 'investigation', on: '2026-11-05' })).statusCode).toBe(403);
    const seen = await read(coordinator, cc.id);
    expect(seen.statusCode).toBe(200);
    // The coordinator reads codes and dates, not the free text.
    expect(seen.json()).toMatchObject({ summary: null, allowedActions: [] });
    expect(await listIds(coordinator)).toContain(cc.id);
    expect((await read(lawyer, cc.id)).statusCode).toBe(404);
    expect(await listIds(lawyer)).not.toContain(cc.id);
  });

  it('refuses: a court clerk registering, a duplicate ERDR, an unknown article, a date in the future or before 2015, outside jurisdiction', async () => {
    expect((await register(clerk)).statusCode).toBe(403);
    const first = (await register(prosecutor)).json();
    const dup = await register(prosecutor, { erdrNumber: first.erdrNumber });
    expect(dup.statusCode).toBe(409);
    expect(field(dup)).toMatchObject({ path: 'erdrNumber', code: 'duplicate_erdr' });
    const unknown = await register(prosecutor, { articles: ['128', '999'] });
    expect(unknown.statusCode).toBe(400);
    expect(field(unknown)).toMatchObject({ path: 'articles.1', code: 'unknown_article' });
    const future = await register(prosecutor, { registeredOn: '2026-11-26' });
    expect(field(future)).toMatchObject({ path: 'registeredOn', code: 'date_in_future' });
    const old = await register(prosecutor, { registeredOn: '2014-12-31' });
    expect(old.statusCode).toBe(400);
    expect(field(old)).toMatchObject({ path: 'registeredOn', code: 'date_out_of_range' });
    const outside = await register(investigator, { regionCode: 'KZ-71' });
    expect(field(outside)).toMatchObject({ path: 'regionCode', code: 'outside_jurisdiction' });
    const badErdr = await register(prosecutor, { erdrNumber: '12345' });
    expect(badErdr.statusCode).toBe(400);
    // An investigator registering is named the case's investigator.
    expect((await register(investigator)).json().investigator).toMatchObject({ id: investigator.user.id });
  });

  it('is idempotent: a replayed registration or stage change writes one record and one event', async () => {
    const payload = body();
    const a = await prosecutor.inject({ method: 'POST', url: '/api/v1/criminal-cases', payload });
    const b = await prosecutor.inject({ method: 'POST', url: '/api/v1/criminal-cases', payload });
    expect(b.statusCode).toBe(200);
    expect(b.json().id).toBe(a.json().id);
    const id = a.json().id as string;
    const move = { clientId: randomUUID(), to: 'investigation', on: '2026-11-02' };
    expect((await prosecutor.inject({ method: 'POST', url: `/api/v1/criminal-cases/${id}/stage`, payload: move })).statusCode).toBe(200);
    expect((await prosecutor.inject({ method: 'POST', url: `/api/v1/criminal-cases/${id}/stage`, payload: move })).statusCode).toBe(200);
    const events = await t.deps.db.select({ type: criminalCaseEvents.type }).from(criminalCaseEvents).where(eq(criminalCaseEvents.criminalCaseId, id));
    expect(events.map((e) => e.type).sort()).toEqual(['change_stage', 'registered']);
  });

  it('a case past its pre-trial deadline shows overdue in the list and on the page until the prosecutor extends it; lists are audited', async () => {
    const cc = (await register(prosecutor, { registeredOn: '2026-09-01' })).json();
    expect(cc).toMatchObject({ deadlineOn: '2026-11-01', overdue: true });
    const listed = (await prosecutor.inject({ method: 'GET', url: `/api/v1/criminal-cases?q=${cc.erdrNumber}` })).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: cc.id, overdue: true })]);
    const extended = await prosecutor.inject({
      method: 'POST',
      url: `/api/v1/criminal-cases/${cc.id}/deadline`,
      payload: { clientId: randomUUID(), until: '2026-12-31', note: 'Expert examination pending' },
    });
    expect(extended.json()).toMatchObject({ deadlineOn: '2026-12-31', overdue: false });
    const lists = await t.deps.db.select({ details: auditLog.details }).from(auditLog).where(eq(auditLog.operation, 'criminal_case.list'));
    expect(lists.some((l) => (l.details as { shown?: string[] }).shown?.includes(cc.id))).toBe(true);
  });

  it('serves the articles reference for the form', async () => {
    const res = await investigator.inject({ method: 'GET', url: '/api/v1/reference/criminal-articles' });
    expect(res.statusCode).toBe(200);
    const codes = res.json().sets[0].articles.map((a: { code: string }) => a.code);
    expect(codes).toEqual(expect.arrayContaining(['128', '135']));
  });
});
