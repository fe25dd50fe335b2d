import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXPLOITATION_TYPES, FOLLOW_UP_KINDS } from '@qorgau/core';
import { currentTotp } from '../src/auth/totp.ts';
import { rowsOf } from '../src/db/client.ts';
import { actionTextContext } from '../src/modules/cases/cases.view.ts';
import { createScreeningFormService } from '../src/modules/openrosa/screening-form.service.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/seed-demo.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/** A Monday morning in Kazakhstan (11:30, UTC+5): the seed and every read share this clock. */
const NOW = new Date('2026-12-07T06:30:00Z');
const SEED = { persons: 40, seed: 2026 };

type Page<T> = { items: T[]; total: number };
type CaseItem = { reference: string; deadline: 'ok' | 'due_soon' | 'overdue' | null; identificationDue: string | null };

describeEachDb('the demo seed puts every workflow in motion', (kind) => {
  let t: TestApp;
  let credentials: DemoCredentials;
  const sessions = new Map<string, (url: string) => Promise<unknown>>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    t.deps.now = () => NOW;
    ({ credentials } = await seedDemo(t.deps, SEED));
  }, 240_000);
  afterAll(() => t?.close());

  it('identified persons have entitlements; foreigners identified six months ago lapse within 30 days and wait in the queue', async () => {
    const rows = rowsOf<{ kind: string; state: string; ends_on: string | null; paid_by: string | null }>(
      await t.deps.db.execute(sql`SELECT kind, state, ends_on, paid_by FROM entitlements`),
    );
    const reflection = rows.filter((r) => r.kind === 'reflection_period');
    expect(rows.filter((r) => r.kind === 'legal').length).toBeGreaterThanOrEqual(5);
    expect(reflection.filter((r) => r.state === 'lapsing').length).toBeGreaterThanOrEqual(2);
    expect(reflection.some((r) => r.state === 'active' && r.ends_on === null)).toBe(true);
    expect(rows.some((r) => r.kind === 'medical' && r.paid_by === 'ngo')).toBe(true);
    const work = (await (await as('identification'))('/work')) as { queues: { id: string; counts: Record<string, number> }[] };
    const lapsing = work.queues.find((q) => q.id === 'entitlements_lapsing');
    expect((lapsing?.counts.due_soon ?? 0) + (lapsing?.counts.waiting ?? 0)).toBeGreaterThanOrEqual(2);
  });

  it('national statistics have years in motion: victims identified in each of the last five years, growing, and the official 2021 figure before them', async () => {
    const year = 2026;
    const trend = (await (
      await as('coordinator')
    )(`/statistics/trend?from=2021&to=${year}`)) as {
      points: { year: number; victims: number | null; source: string | null }[];
    };
    const point = (y: number) => trend.points.find((p) => p.year === y);
    expect(point(2021)).toEqual({ year: 2021, victims: 20, source: 'official' });
    const register = trend.points.filter((p) => p.source === 'register' && (p.victims ?? 0) > 0);
    expect(register.map((p) => p.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    // More victims in the last two years than in the first two (the seed's growth).
    const sum = (ys: number[]) => ys.reduce((s, y) => s + (point(y)?.victims ?? 0), 0);
    expect(sum([2025, 2026])).toBeGreaterThan(sum([2022, 2023]));
    // A past year's victims come from several regions, both forms and not only Kazakhstani citizens.
    const y2023 = (await (await as('coordinator'))('/statistics/year?year=2023')) as { victims: { total: number } };
    expect(y2023.victims.total).toBe(point(2023)?.victims);
    const cells = rowsOf<{ region_code: string; citizenship: string; forms: string[] }>(
      await t.deps.db.execute(sql`
        SELECT c.region_code, p.citizenship, c.exploitation_types AS forms FROM case_actions a JOIN cases c ON c.id = a.case_id JOIN persons p ON p.id = c.person_id
        WHERE a.type = 'identification_decided' AND a.details->>'outcome' = 'ActualVictimOfTrafficking' AND a.at < '2024-01-01'`),
    );
    expect(new Set(cells.map((c) => c.region_code)).size).toBeGreaterThanOrEqual(3);
    expect(cells.some((c) => c.citizenship !== 'KZ')).toBe(true);
    expect(new Set(cells.flatMap((c) => c.forms)).size).toBeGreaterThanOrEqual(2);
    // The figures no record holds: the TIP 2023 rate for 2021 and 2022, the 2022 shelter allocation in whole tenge.
    const rates = rowsOf<{ year: number; rate: string }>(
      await t.deps.db.execute(sql`SELECT year, tenge_per_usd::text AS rate FROM exchange_rates ORDER BY year`),
    );
    expect(rates.filter((r) => r.year <= 2022).map((r) => Number(r.rate))).toEqual([462.54, 462.54]);
    expect(rates.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    const funding = rowsOf<{ total: string; shelters: number }>(
      await t.deps.db.execute(
        sql`SELECT sum(amount_tenge)::text AS total, count(DISTINCT provider_id)::int AS shelters FROM funding_allocations WHERE year = 2022 AND purpose = 'shelter'`,
      ),
    );
    expect(Number(funding[0]?.total)).toBe(101_000_000);
    expect(funding[0]?.shelters).toBeGreaterThanOrEqual(5);
  });

  /** GET as a demo account, signed in through the API with its password and second factor (once per account). */
  async function as(username: string): Promise<(url: string) => Promise<unknown>> {
    const known = sessions.get(username);
    if (known) return known;
    const account = credentials.accounts.find((a) => a.username === username);
    if (!account) throw new Error(`no demo account ${username}`);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username, password: credentials.password, code: currentTotp(account.totpSecret, username) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'qorgau_session');
    const get = async (url: string) => {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: `qorgau_session=${cookie?.value}` } });
      expect(r.statusCode, `${username} GET ${url}: ${r.body}`).toBe(200);
      return r.json() as unknown;
    };
    sessions.set(username, get);
    return get;
  }

  it('the identification officer of police Almaty has cases waiting, overdue, due soon and within the deadline', async () => {
    const get = await as('identification');
    const queue = (await get('/cases?queue=identification&pageSize=100')) as Page<CaseItem>;
    const deadlines = new Set(queue.items.map((c) => c.deadline));
    expect(queue.total).toBeGreaterThanOrEqual(3);
    expect(deadlines).toEqual(new Set(['overdue', 'due_soon', 'ok']));
    // Her possible duplicates: records of one person written in different scripts.
    const pairs = (await get('/linkage/proposals?pageSize=100')) as Page<{ a: { displayName: string }; b: { displayName: string } }>;
    expect(pairs.total).toBeGreaterThan(0);
    const latin = (s: string) => /[A-Za-z]/.test(s);
    expect(pairs.items.some((p) => latin(p.a.displayName) !== latin(p.b.displayName))).toBe(true);
  });

  it('the case of the oldest deadline reads as written sentences, by named staff, over days', async () => {
    const get = await as('identification');
    const [first] = ((await get('/cases?queue=identification&pageSize=1')) as Page<{ id: string }>).items;
    const kase = (await get(`/cases/${first?.id}`)) as { actions: { type: string; at: string; actorName: string; text: string | null }[] };
    const opened = kase.actions[0];
    expect(opened?.type).toBe('opened');
    // Cyrillic sentences ending in a full stop, not a form code.
    expect(opened?.text).toMatch(/^[^A-Za-z]*[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІіЁё].*\.$/s);
    const times = kase.actions.map((a) => Date.parse(a.at));
    expect(times.at(-1) as number).toBeGreaterThan((times[0] as number) + 60 * 60_000);
    for (const a of kase.actions) expect(a.actorName).toMatch(/^[А-ЯЁӘҒҚҢӨҰҮІ][а-яёәғқңөұүіһ]+ [А-ЯЁӘҒҚҢӨҰҮІ]/);
  });

  it('justice in motion: the prosecutor, the investigator and the clerk find criminal cases waiting; the linked foreign victim keeps her reflection period', async () => {
    type Work = { queues: { id: string; counts: Record<'overdue' | 'due_soon' | 'waiting', number>; items: { href: string; label: string }[] }[] };
    const queueOf = async (username: string, id: string) => ((await (await as(username))('/work')) as Work).queues.find((q) => q.id === id);
    const deadlines = await queueOf('prosecutor', 'criminal_case_deadlines');
    expect(deadlines?.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(deadlines?.counts.due_soon).toBeGreaterThanOrEqual(1);
    expect(deadlines?.items[0]?.label).toMatch(/^\d{15}$/);
    expect((await queueOf('prosecutor', 'measures_awaiting'))?.items.length).toBeGreaterThanOrEqual(1);
    expect((await queueOf('investigator', 'my_criminal_cases'))?.items.length).toBeGreaterThanOrEqual(3);
    expect((await queueOf('clerk', 'criminal_cases_in_court'))?.counts.waiting).toBeGreaterThanOrEqual(2);
    // The lawyer's client through her legal-aid assignment; the case worker's reminder to explain the right to compensation.
    // A flagged person is a victim in the case before the court: her flag names it.
    const flags = (await queueOf('prosecutor', 'non_punishment_flags')) as unknown as { items: { facts: Record<string, unknown> }[] };
    expect(flags.items.some((i) => /^\d{15}$/.test(String(i.facts.criminalCase)))).toBe(true);
    expect((await queueOf('lawyer', 'my_clients'))?.items.length).toBeGreaterThanOrEqual(1);
    expect((await queueOf('caseworker', 'compensation_unexplained'))?.items.length).toBeGreaterThanOrEqual(1);
    // The Astana case is in no Almaty queue.
    const [astana] = rowsOf<{ erdr_number: string }>(await t.deps.db.execute(sql`SELECT erdr_number FROM criminal_cases WHERE region_code = 'KZ-71'`));
    expect(JSON.stringify(deadlines)).not.toContain(astana?.erdr_number);
    // A foreign victim in an open case: her reflection period runs on (no end date), recorded as a proceedings fact.
    const foreign = rowsOf<{ person_id: string; ends_on: string | null; open: boolean | null }>(
      await t.deps.db.execute(sql`SELECT pv.person_id, e.ends_on,
          (SELECT (a.details->>'open')::boolean FROM entitlement_actions a WHERE a.person_id = pv.person_id AND a.type = 'proceedings_recorded' ORDER BY a.at DESC LIMIT 1) AS open
        FROM proceeding_victims pv JOIN persons p ON p.id = pv.person_id JOIN criminal_cases cc ON cc.id = pv.criminal_case_id
        JOIN entitlements e ON e.person_id = pv.person_id AND e.kind = 'reflection_period'
        WHERE p.citizenship <> 'KZ' AND cc.stage NOT IN ('final', 'terminated')`),
    );
    expect(foreign.length).toBeGreaterThanOrEqual(1);
    expect(foreign[0]).toMatchObject({ ends_on: null, open: true });
    // Defendants' names are ciphertext; the final case has a 96-month custodial sentence and a fine; the state fund paid part of an award.
    const [figures] = rowsOf<{ custodial: number; fines: number; officials: number; paid: number; ppcp: number }>(
      await t.deps.db.execute(sql`SELECT
        (SELECT count(*)::int FROM defendants WHERE sentence_kind = 'custodial' AND sentence_months = 96) AS custodial,
        (SELECT count(*)::int FROM defendants WHERE sentence_kind = 'fine' AND fine_tenge > 0) AS fines,
        (SELECT count(*)::int FROM defendants WHERE official AND official_agency_type = 'police') AS officials,
        (SELECT count(*)::int FROM compensation_payments p JOIN civil_claims c ON c.id = p.claim_id WHERE p.source = 'state_fund' AND p.amount_tenge < c.awarded_tenge) AS paid,
        (SELECT count(*)::int FROM protective_measures WHERE measure = 'ppcp_programme' AND status = 'granted' AND cost_tenge = 240000) AS ppcp`),
    );
    expect(figures).toEqual({ custodial: 1, fines: 1, officials: 1, paid: 1, ppcp: 1 });
  });

  it('the hotline has reports from the public in Kazakh, Russian, English, Uzbek and Kyrgyz', async () => {
    const get = await as('hotline');
    const queue = (await get('/self-reports?pageSize=100')) as Page<{ language: string; status: string }>;
    expect(new Set(queue.items.map((r) => r.language))).toEqual(new Set(['kk', 'ru', 'en', 'uz', 'ky']));
    expect(queue.items.every((r) => r.status === 'new' || r.status === 'in_progress')).toBe(true);
  });

  it('the prosecutor has non-punishment flags waiting for her review', async () => {
    const get = await as('prosecutor');
    const queue = (await get('/cases?queue=non_punishment&pageSize=100')) as Page<CaseItem>;
    expect(queue.total).toBeGreaterThanOrEqual(2);
  });

  it('frontline screeners see their screenings, some anonymous, some handed over; care, legal aid and coordination see cases', async () => {
    for (const username of ['screener', 'hotline', 'caseworker']) {
      const list = (await (await as(username))('/screenings?pageSize=100')) as Page<{ anonymous: boolean; handover: unknown }>;
      expect(list.total, username).toBeGreaterThan(0);
    }
    const screener = (await (await as('screener'))('/screenings?pageSize=100')) as Page<{ anonymous: boolean; handover: unknown }>;
    expect(screener.items.some((s) => s.anonymous)).toBe(true);
    expect(screener.items.some((s) => s.handover !== null)).toBe(true);
    for (const username of ['caseworker', 'shelter', 'lawyer', 'coordinator']) {
      const list = (await (await as(username))('/cases?pageSize=1')) as Page<CaseItem>;
      expect(list.total, username).toBeGreaterThan(0);
    }
  });

  it("a labour inspector's phone sent a screening from a cotton farm over OpenRosa, on the form in force", async () => {
    const rows = rowsOf<{ version: string; setting: string }>(
      await t.deps.db.execute(sql`SELECT s.form_submission->>'version' AS version, s.setting FROM screenings s WHERE s.form_submission IS NOT NULL`),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.setting).toBe('farm');
    expect(rows[0]?.version).toBe((await createScreeningFormService(t.deps).current()).form.version);
  });

  it('every frontline agency type screened someone', async () => {
    const rows = rowsOf<{ type: string }>(
      await t.deps.db.execute(sql`SELECT DISTINCT a.type FROM screenings s JOIN agencies a ON a.id = s.agency_id ORDER BY a.type`),
    );
    expect(rows.map((r) => r.type)).toEqual(['consulate', 'education', 'health', 'hotline', 'labour_inspectorate', 'migration_service', 'ngo', 'police']);
  });

  it('no text holds a raw form code and no one is called "Staff …"; events of a case are hours or days apart', async () => {
    const texts = rowsOf<{ id: string; text_enc: string }>(await t.deps.db.execute(sql`SELECT id, text_enc FROM case_actions WHERE text_enc IS NOT NULL`));
    expect(texts.length).toBeGreaterThan(SEED.persons);
    const codes = new RegExp(`\\b(${EXPLOITATION_TYPES.join('|')})\\b|short_form\\.|Synthetic`);
    for (const r of texts) expect(t.deps.cipher.decrypt(r.text_enc, actionTextContext(r.id))).not.toMatch(codes);
    const admin = await as('admin');
    const users = (await admin('/users?pageSize=100')) as Page<{ displayName: string }>;
    expect(users.total).toBeGreaterThan(20);
    for (const u of users.items) expect(u.displayName).not.toMatch(/^Staff |Admin$/);
    // No case with three or more events has them all in one minute; cases were opened on many days.
    const [spread] = rowsOf<{ crowded: number; days: number }>(
      await t.deps.db.execute(sql`SELECT
        (SELECT count(*)::int FROM (SELECT case_id FROM case_actions GROUP BY case_id HAVING count(*) >= 3 AND max(at) - min(at) < interval '1 minute') x) AS crowded,
        (SELECT count(DISTINCT date(created_at))::int FROM cases) AS days`),
    );
    expect(spread).toEqual({ crowded: 0, days: expect.any(Number) });
    expect(spread?.days).toBeGreaterThan(40);
  });

  it('the provider directory and the capacity board are filled; a full shelter shows 0 free; the shelter manager finds her own', async () => {
    type P = { id: string; name: { en: string }; kind: string; eligibility: string[]; free: number; allowedActions: string[] };
    const get = await as('caseworker');
    const dir = (await get('/providers?pageSize=100')) as Page<P>;
    expect(dir.total).toBeGreaterThanOrEqual(14);
    const shelters = dir.items.filter((p) => p.kind === 'shelter');
    expect(shelters.length).toBe(10);
    expect(shelters.filter((p) => p.eligibility.includes('children') && !p.eligibility.includes('adults')).length).toBe(2);
    expect(dir.items.find((p) => p.name.en === 'Meyirim Shelter')?.free).toBe(0);
    const board = (await get('/providers/capacity-board')) as { rows: { regionCode: string; free: number }[]; totals: { free: number; shelters: number } };
    expect(board.rows.length).toBe(20);
    expect(board.totals.shelters).toBe(10);
    expect(board.totals.free).toBe(shelters.reduce((a, p) => a + p.free, 0));
    expect(board.totals.free).toBeGreaterThan(0);
    expect(board.rows.find((r) => r.regionCode === 'KZ-47')?.free).toBe(0);
    const mine = (await (await as('shelter'))('/providers?mine=true')) as Page<P>;
    expect(mine.items.map((p) => p.name.en)).toEqual(['Almaty Crisis Centre Shelter']);
    expect(mine.items[0]?.allowedActions).toContain('occupancy');
  });

  it('home pages lead with work: the officer and the prosecutor have queues with items, and unread notices about them', async () => {
    type Work = { queues: { id: string; counts: Record<string, number>; items: { href: string; urgency: string }[] }[] };
    const officer = (await (await as('identification'))('/work')) as Work;
    const deadlines = officer.queues.find((q) => q.id === 'identification_deadlines');
    expect(deadlines?.counts.overdue).toBeGreaterThan(0);
    expect(deadlines?.counts.due_soon).toBeGreaterThan(0);
    // Overdue work first: the first queue is one with an overdue item.
    expect(officer.queues[0]?.counts.overdue).toBeGreaterThan(0);
    expect(officer.queues.find((q) => q.id === 'linkage_reviews')?.items.length).toBeGreaterThan(0);
    const prosecutor = (await (await as('prosecutor'))('/work')) as Work;
    expect(prosecutor.queues.find((q) => q.id === 'non_punishment_flags')?.items.length).toBeGreaterThan(0);
    for (const username of ['identification', 'prosecutor', 'hotline']) {
      const get = await as(username);
      expect(((await get('/notifications/unread-count')) as { unread: number }).unread, username).toBeGreaterThan(0);
      const notices = (await get('/notifications')) as Page<{ href: string | null; readAt: string | null }>;
      // Each opens a record she may open; one of them she has already read.
      for (const n of notices.items) expect(n.href).toMatch(/^\/(cases|self-reports|persons|referrals|protection)\/[0-9a-f-]{36}$/);
      expect(
        notices.items.some((n) => n.readAt !== null),
        username,
      ).toBe(true);
    }
  });

  it('the shelter manager runs protection cases: services with costs, stays (one still open), closures with follow-ups due, a re-identification notice', async () => {
    const get = await as('shelter');
    type Summary = { id: string; status: string; inShelter: boolean };
    const list = (await get('/protection-cases?pageSize=100')) as Page<Summary>;
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect(list.items.some((p) => p.inShelter)).toBe(true);
    const closed = list.items.filter((p) => p.status === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(1);
    const one = (await get(`/protection-cases/${list.items[0]?.id}`)) as { services: unknown[]; totalCostTenge: number };
    expect(one.totalCostTenge).toBeGreaterThanOrEqual(0);
    const followUps = await Promise.all(
      closed.map(async (c) => ((await get(`/protection-cases/${c.id}`)) as { followUps: { urgency: string | null }[] }).followUps),
    );
    expect(followUps.flat().some((f) => f.urgency === 'overdue' || f.urgency === 'due_soon')).toBe(true);
    const work = (await get('/work')) as { queues: { id: string; items: { facts: Record<string, unknown> }[] }[] };
    const due = work.queues.find((q) => q.id === 'follow_ups_due');
    expect(due?.items.length).toBeGreaterThan(0);
    // Each row says which follow-up is due (four rows of one case are told apart by it and the date).
    for (const item of due?.items ?? []) expect(FOLLOW_UP_KINDS).toContain(item.facts.followUp);
    const reidentified = rowsOf<{ n: number }>(await t.deps.db.execute(sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'reidentified'`));
    expect(reidentified[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('the Almaty identification officer finds signed consents (and identity copies of foreigners) attached to her oldest cases', async () => {
    const rows = rowsOf<{ id: string; person_id: string; kind: string }>(
      await t.deps.db.execute(sql`SELECT id, person_id, kind FROM attachments ORDER BY created_at, id`),
    );
    expect(rows.filter((r) => r.kind === 'signed_consent').length).toBe(3);
    const get = await as('identification');
    const first = rows[0] as { id: string; person_id: string };
    const list = (await get(`/persons/${first.person_id}/attachments`)) as { items: { id: string; kind: string; contentType: string }[] };
    expect(list.items.map((i) => i.kind)).toContain('signed_consent');
    expect(list.items.every((i) => i.contentType === 'application/pdf')).toBe(true);
  });

  it('referrals in every status: the shelter manager has some waiting, one escalated, one on an override, one transferred, a consent withdrawn', async () => {
    const byStatus = rowsOf<{ status: string; n: number }>(await t.deps.db.execute(sql`SELECT status, count(*)::int AS n FROM referrals GROUP BY status`));
    const n = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
    for (const s of ['sent', 'accepted', 'declined', 'completed', 'withdrawn', 'transferred']) expect(n(s), s).toBeGreaterThanOrEqual(1);
    const flags = rowsOf<{ escalated: number; override: number; transfers: number; withdrawn: number }>(
      await t.deps.db.execute(sql`SELECT (SELECT count(*)::int FROM referrals WHERE escalated_at IS NOT NULL) AS escalated,
        (SELECT count(*)::int FROM referrals WHERE consent_id IS NULL) AS override,
        (SELECT count(*)::int FROM referrals WHERE transferred_from IS NOT NULL) AS transfers,
        (SELECT count(*)::int FROM consents WHERE withdrawn_at IS NOT NULL) AS withdrawn`),
    )[0];
    expect(flags?.escalated).toBeGreaterThanOrEqual(1);
    expect(flags).toMatchObject({ override: 1, transfers: 1, withdrawn: 1 });
    const get = await as('shelter');
    const received = (await get('/referrals?box=received&status=sent')) as Page<{ escalated: boolean }>;
    expect(received.total).toBeGreaterThanOrEqual(3);
    expect(received.items.some((r) => r.escalated)).toBe(true);
    const work = (await get('/work')) as { queues: { id: string; counts: Record<string, number> }[] };
    expect(work.queues.find((q) => q.id === 'referrals_to_answer')?.counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('is reproducible: the same seed number gives the same references, people and counts', async () => {
    const other = await createTestApp(kind);
    try {
      other.deps.now = () => NOW;
      await seedDemo(other.deps, SEED);
      const snapshot = async (app: TestApp) =>
        rowsOf(
          await app.deps.db.execute(sql`SELECT
            (SELECT json_agg(reference || ' ' || status || ' ' || region_code || ' ' || created_at ORDER BY reference) FROM cases) AS cases,
            (SELECT json_agg(reference || ' ' || level || ' ' || anonymous || ' ' || (handed_over_at IS NOT NULL) ORDER BY reference) FROM screenings) AS screenings,
            (SELECT json_agg(reference || ' ' || language || ' ' || status ORDER BY reference) FROM self_reports) AS reports,
            (SELECT json_agg(type || ' ' || at ORDER BY at, type) FROM case_actions) AS actions,
            (SELECT count(*) FROM person_link_proposals) AS proposals`),
        );
      const [a, b] = [await snapshot(t), await snapshot(other)];
      expect(b).toEqual(a);
    } finally {
      await other.close();
    }
  }, 120_000);
});
