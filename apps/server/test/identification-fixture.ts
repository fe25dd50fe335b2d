import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { personBody, type Session, type TestApp } from './test-app.ts';

/** Sets the app's clock to 06:00 UTC (11:00 in Kazakhstan) of `day`. */
export const setDay = (t: TestApp, day: string) => {
  t.deps.now = () => new Date(`${day}T06:00:00Z`);
};

/**
 * A person recorded, a case opened and a positive identification decided through the API, on
 * `day` (the app's clock), by `s`: how the statistics tests (issue #13) build their victims.
 */
export async function identifyThroughApi(
  t: TestApp,
  s: Session,
  input: { day: string; regionCode: string; person: Record<string, unknown>; forms: string[] },
): Promise<{ personId: string; caseId: string }> {
  setDay(t, input.day);
  const p = await s.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ regionCode: input.regionCode, ...input.person }) });
  expect(p.statusCode).toBe(200);
  const c = await s.inject({
    method: 'POST',
    url: '/api/v1/cases',
    payload: {
      clientId: randomUUID(),
      personId: p.json().id,
      regionCode: input.regionCode,
      exploitationTypes: input.forms,
      narrative: 'Met during an inspection',
    },
  });
  expect(c.statusCode).toBe(200);
  const d = await s.inject({
    method: 'POST',
    url: `/api/v1/cases/${c.json().id}/actions`,
    payload: { clientId: randomUUID(), action: { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', reasons: 'Indicators confirmed' } },
  });
  expect(d.statusCode).toBe(200);
  return { personId: p.json().id as string, caseId: c.json().id as string };
}
