import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { accessGrants, selfReports } from '../src/db/schema.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Malformed requests generated from /api/openapi.json (issue #8): for every operation and
 * several roles, valid requests with one part broken (NUL bytes, lone surrogates, huge
 * strings, wrong types, extreme dates, empty and unknown-key bodies, nested junk) and whole
 * bodies of junk. Any 5xx fails the test with the request that caused it. Seeded: set
 * QORGAU_FUZZ_SEED to replay a run; QORGAU_FUZZ_CLASSES (1-6) to try more kinds of junk per place for every role.
 */
const SEED = Number(process.env.QORGAU_FUZZ_SEED ?? 20261206);
const CLASSES_PER_ROLE = Number(process.env.QORGAU_FUZZ_CLASSES ?? 2);

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
  'x-qorgau-input'?: string;
};
type Operation = {
  parameters?: { in: string; name: string; schema: Schema; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

/** mulberry32: small, seeded, good enough to pick test inputs reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] as T, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const JUNK: unknown[] = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF',
  'x'.repeat(100_000),
  'ә'.repeat(20_000),
  '0000-01-01',
  '9999-12-31',
  '2023-02-29',
  '1899-12-31',
  '-1',
  '1e309',
  '',
  '   ',
  '\u200B',
  '\u202Eevil',
  '\u2066x\u2069',
  '%00',
  '../../etc/passwd',
  "'; DROP TABLE users; --",
  '😀'.repeat(500),
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  true,
  false,
  null,
  [],
  {},
  [[[[[[]]]]]],
  { a: { b: { c: [1, { d: '\u0000' }] } } },
  ['\u0000'],
  [null, 1, 'x'],
  { __proto__: { polluted: true } },
  { constructor: { prototype: { x: 1 } } },
];
/** Strings first, NUL bytes and lone surrogates most often: the inputs that reached the database. */
const STRING_JUNK = [...JUNK.filter((j) => typeof j === 'string'), 'Ай\u0000', '\u0000'.repeat(3), 'q\uD83D', '\uDE00q', 'a\u0000b\uD800'];
const junkFor = (v: unknown, rng: Rng): unknown => (typeof v === 'string' && rng.chance(0.85) ? rng.pick(STRING_JUNK) : rng.pick(JUNK));
const WORDS = ['Әйгерім', 'Нұрланқызы', 'Айгерим', 'Aigerim', 'Gʻulomov', 'Шыңғыс', 'test', 'Алматы', 'ферма', 'market'];

function validString(s: Schema, rng: Rng, ids: string[]): string {
  if (s.format === 'uuid') return rng.chance(0.7) && ids.length ? rng.pick(ids) : randomUUID();
  if (s.format === 'date' || s['x-qorgau-input'] === 'date') return rng.pick(['1990-05-17', '2024-02-29', '2026-01-01', '1900-01-01', '2100-12-31']);
  if (s['x-qorgau-input'] === 'url' || s.format === 'uri') return 'https://example.org/x';
  if (s.pattern) {
    const known: [RegExp, string][] = [
      [/\\d\{6\}/, '123456'],
      [/A-Z\]\{2\}/, 'KZ'],
      [/\\\+\?/, '+77011234567'],
      [/a-z0-9\._-/, 'fuzz.user'],
      [/a-z\]\[a-z0-9_\]\*\(/, 'short_form.debt'],
      [/a-z0-9\]\[a-z0-9_-/, 'key-1'],
      [/a-z\]\[a-z0-9_\]\*\$/, 'dim_a'],
    ];
    for (const [re, v] of known) if (re.test(s.pattern)) return v;
    return 'x';
  }
  const text = Array.from({ length: 1 + rng.int(3) }, () => rng.pick(WORDS)).join(' ');
  return text.padEnd(s.minLength ?? 0, 'а').slice(0, s.maxLength ?? 200);
}

/** A value the schema accepts (most of the time: patterns are approximated). */
function valid(s: Schema | undefined, rng: Rng, ids: string[], depth = 0): unknown {
  if (!s || depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum) return rng.pick(s.enum);
  const union = s.oneOf ?? s.anyOf;
  if (union) return valid(rng.pick(union), rng, ids, depth + 1);
  if (s.allOf?.[0]) return valid(s.allOf[0], rng, ids, depth + 1);
  const type = Array.isArray(s.type) ? rng.pick(s.type.filter((x) => x !== 'null')) : s.type;
  switch (type) {
    case 'string':
      return validString(s, rng, ids);
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? 0;
      const hi = Math.min(s.maximum ?? lo + 50, lo + 50);
      return lo + rng.int(hi - lo + 1);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'array': {
      const n = Math.min(s.maxItems ?? 3, (s.minItems ?? 0) + rng.int(3));
      return Array.from({ length: n }, () => valid(s.items, rng, ids, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) if (s.required?.includes(k) || rng.chance(0.5)) out[k] = valid(v, rng, ids, depth + 1);
      return out;
    }
    default:
      return null;
  }
}

/** Breaks one place of a value: a field replaced by junk, an unknown key, or the whole thing. */
function mutate(v: unknown, rng: Rng): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && rng.chance(0.8)) {
    const o = { ...(v as Record<string, unknown>) };
    const keys = Object.keys(o);
    if (keys.length && rng.chance(0.75)) {
      const k = rng.pick(keys);
      o[k] = rng.chance(0.4) ? mutate(o[k], rng) : junkFor(o[k], rng);
    } else o[`unknown_${rng.int(9)}`] = rng.pick(JUNK);
    return o;
  }
  if (Array.isArray(v) && v.length && rng.chance(0.6)) return v.map((x, i) => (i === 0 ? mutate(x, rng) : x));
  return junkFor(v, rng);
}

/** Percent-encodes any string, lone surrogates included (as the ill-formed UTF-8 a client could send). */
function encode(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xd800 && c <= 0xdfff) out += `%ED%${(0xa0 + ((c >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 + (c & 0x3f)).toString(16).toUpperCase()}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: string;
  headers?: Record<string, string>;
}

/** Real record ids by the collection a path names, so that broken requests reach past "not found". */
export type IdPools = Record<string, string[]>;
const poolOf = (path: string, pools: IdPools): string[] => pools[path.split('/')[3] ?? ''] ?? Object.values(pools).flat();

/** The classes of broken value every input place is tried with. */
const CLASSES: Record<string, unknown[]> = {
  nul: ['\u0000', 'a\u0000b', 'Ай\u0000', '\u0000'.repeat(3)],
  surrogate: ['\uD800', 'x\uDFFFy', 'q\uD83D', '\uDE00'],
  huge: ['x'.repeat(100_000), 'ә'.repeat(20_000), '9'.repeat(400)],
  type: [-1, 1e308, 2 ** 53 + 1, true, null, [], {}, [[[[[[]]]]]], { a: { b: [1, { c: '\u0000' }] } }],
  date: ['0000-01-01', '9999-12-31', '2023-02-29', '1899-12-31', '2024-13-01', '+275760-09-13'],
  text: ['\u202Eevil', '\u200B', '   ', '', "'; DROP TABLE users; --", '%00', '😀'.repeat(500), '\u2066x\u2069'],
};
const CLASS_NAMES = Object.keys(CLASSES);

/** Paths to every leaf of a value (depth-limited), e.g. ['action', 'text'] or ['observed', 0]. */
function leaves(v: unknown, at: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 4 || v === null || typeof v !== 'object') return at.length ? [at] : [];
  const entries: [string | number, unknown][] = Array.isArray(v) ? v.slice(0, 1).map((x, i) => [i, x]) : Object.entries(v);
  const inner = entries.flatMap(([k, x]) => leaves(x, [...at, k], depth + 1));
  return at.length ? [at, ...inner] : inner;
}
function setAt(v: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

/**
 * The requests for one operation: each input place (path parameter, query parameter, body
 * field at any depth) broken in turn while the rest stays valid, with `classes` kinds of junk,
 * then whole bodies that set nothing or are junk, then a few random mutations.
 */
function requestsFor(path: string, method: Request['method'], op: Operation, rng: Rng, pools: IdPools, classes: number): Request[] {
  const ids = poolOf(path, pools);
  const junk = (): unknown[] => {
    const names = [...CLASS_NAMES].sort(() => rng.next() - 0.5).slice(0, classes);
    return names.map((n) => rng.pick(CLASSES[n] as unknown[]));
  };
  const params = op.parameters ?? [];
  const inPath = params.filter((p) => p.in === 'path').map((p) => p.name);
  const inQuery = params.filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const build = (o: { path?: Record<string, unknown>; query?: [string, unknown][]; body?: unknown; raw?: string }): Request => {
    let url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
      o.path && name in o.path ? encode(o.path[name]) : rng.chance(0.9) && ids.length ? rng.pick(ids) : randomUUID(),
    );
    const query = o.query ?? inQuery.flatMap((p): [string, unknown][] => (!p.required && rng.chance(0.4) ? [] : [[p.name, valid(p.schema, rng, ids)]]));
    if (query.length) url += `?${query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
    if (method === 'GET') return { method, url };
    if (o.raw !== undefined) return { method, url, payload: o.raw, headers: { 'content-type': 'application/json' } };
    const body = 'body' in o ? o.body : bodySchema ? valid(bodySchema, rng, ids) : undefined;
    return body === undefined ? { method, url } : { method, url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  };
  const out: Request[] = [];
  for (const name of inPath) for (const j of [...junk(), 'not-a-uuid']) out.push(build({ path: { [name]: j } }));
  for (const target of inQuery) {
    for (const j of junk()) out.push(build({ query: inQuery.map((p): [string, unknown] => [p.name, p === target ? j : valid(p.schema, rng, ids)]) }));
  }
  if (inQuery.length) out.push(build({ query: [[rng.pick(['%', '%zz', '%FF%FE', 'a[b][c]', 'q\u0000']), rng.pick(['1', '%', '\u0000'])]] }));
  if (method !== 'GET') {
    const base = bodySchema ? valid(bodySchema, rng, ids) : {};
    for (const leaf of leaves(base)) for (const j of junk()) out.push(build({ body: setAt(base, leaf, j) }));
    out.push(build({ body: {} }), build({ body: { unknownOnly: rng.pick(JUNK), another: 1 } }), build({ body: rng.pick(JUNK) }));
    out.push(build({ raw: rng.pick(['{"a":', '\u0000', '{"a":"\\u0000"}', '{"a":"\\ud800"}', '['.repeat(5000), '{"__proto__":{"x":1}}']) }));
    for (let i = 0; i < 3; i++) out.push(build({ body: mutate(base, rng) }));
  }
  return out;
}

describeEachDb('OpenAPI fuzzing', (kind) => {
  let t: TestApp;
  let sessions: Session[];
  const pools: IdPools = {};
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { QORGAU_SELF_REPORT_RATE_PER_10_MIN: '100000' } });
    sessions = [
      await t.as('administrator', { regions: 'national' }),
      await t.as('case_worker'),
      await t.as('identification_officer'),
      await t.as('national_coordinator', { regions: 'national' }),
    ];
    // Real records, so that some requests reach past "not found": a person and its case, a
    // user and an agency nobody of the sessions belongs to.
    const worker = sessions[1] as Session;
    const person = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json() as { id: string };
    const kase = (
      await worker.inject({ method: 'POST', url: '/api/v1/cases', payload: { clientId: randomUUID(), personId: person.id, regionCode: 'KZ-75' } })
    ).json() as { id: string };
    const victim = await t.createUser({ role: 'screener' });
    const screening = (await t.as('screener')).inject({
      method: 'POST',
      url: '/api/v1/screenings',
      payload: {
        clientId: randomUUID(),
        encounterDate: '2026-01-10',
        regionCode: 'KZ-75',
        setting: 'market',
        language: 'ru',
        interpreterUsed: false,
        observed: [],
        ageYears: 30,
        gender: 'Feminine',
        citizenship: 'KZ',
        exploitationTypes: [],
        consent: 'declined',
      },
    });
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/v1/self-reports',
      payload: { reporter: 'self', language: 'ru', whatHappened: 'x', safeToContact: false },
    });
    // A pending four-eyes grant (a new account that sees personal data), so approve/reject reach a real one.
    await (sessions[0] as Session).inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'fuzz.pending',
        displayName: 'Fuzz Pending',
        role: 'case_worker',
        agencyId: await t.createAgency(),
        jurisdiction: { national: false, regions: ['KZ-75'] },
      },
    });
    Object.assign(pools, {
      grants: (await t.deps.db.select({ id: accessGrants.id }).from(accessGrants)).map((r) => r.id),
      persons: [person.id],
      cases: [kase.id],
      users: [victim.id],
      agencies: [await t.createAgency()],
      screenings: [((await screening).json() as { id: string }).id],
      'self-reports': (await t.deps.db.select({ id: selfReports.id }).from(selfReports)).map((r) => r.id),
    });
    expect(report.statusCode).toBe(200);
    expect(pools.grants).toHaveLength(1);
  });
  afterAll(() => t.close());

  it(`answers no request with a 5xx (seed ${SEED})`, { timeout: 240_000 }, async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const rng = prng(SEED);
    const failures: string[] = [];
    let sent = 0;
    const record = (role: string, r: Request, res: LightMyRequestResponse) => {
      sent++;
      if (res.statusCode >= 500) failures.push(`${res.statusCode} as ${role}: ${r.method} ${r.url.slice(0, 300)} ${String(r.payload ?? '').slice(0, 300)}`);
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase() as Request['method'], op })),
    );
    // Signing out ends the session: it is sent once per session, at the very end.
    const last = operations.filter((o) => o.path.endsWith('/auth/sign-out'));
    const send = async (who: Session | null, r: Request) => record(who?.user.role ?? 'anonymous', r, await (who ? who.inject(r) : t.app.inject(r)));
    for (const { path, method, op } of operations.filter((o) => !last.includes(o))) {
      // Sign-in verifies an argon2 hash per request and needs no session: once, anonymously.
      if (path.endsWith('/auth/sign-in')) {
        for (const r of requestsFor(path, method, op, rng, pools, 2)) await send(null, r);
        continue;
      }
      // Every class of junk in every place for the first role, a seeded choice of CLASSES_PER_ROLE
      // classes for the others, and a few requests without a session.
      for (const [i, s] of sessions.entries())
        for (const r of requestsFor(path, method, op, rng, pools, i === 0 ? CLASS_NAMES.length : CLASSES_PER_ROLE)) await send(s, r);
      for (const r of requestsFor(path, method, op, rng, pools, 1).slice(0, 4)) await send(null, r);
    }
    // Signing out ends the session: sent once per session, at the very end.
    for (const { path, method, op } of last) for (const s of sessions) for (const r of requestsFor(path, method, op, rng, pools, 1)) await send(s, r);
    expect(failures, `${failures.length} requests answered 5xx:\n${failures.join('\n')}`).toEqual([]);
    expect(sent).toBeGreaterThan(2000);
    console.info(`fuzzing: ${sent} requests, seed ${SEED}`);
  });
});
