import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Actor, filledInstance, generateHardLinkageRecords, kazakhstanDate, type Role } from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import { deviceKeys, users } from '../db/schema.ts';
import { createHtcdsImportService } from '../modules/exchange/htcds-import.service.ts';
import { createDeviceKeysService, deviceKeyHash } from '../modules/openrosa/device-keys.service.ts';
import { createScreeningFormService } from '../modules/openrosa/screening-form.service.ts';
import { createSubmissionService } from '../modules/openrosa/submission.service.ts';

/**
 * Data exchange in the demo (issue #14): the Almaty NGO's case worker has taken in her
 * organisation's HTCDS file, twelve rows of which two were refused (a slashed date, a value of an
 * older HTCDS), so the import history and its row report are there to open; and the Shymkent
 * labour inspector's phone has sent a screening from a cotton farm over OpenRosa.
 */
export async function seedExchange(deps: AppDeps, seed: number): Promise<{ imported: number; fromDevice: number }> {
  const userOf = async (username: string) => {
    const [u] = await deps.db.select().from(users).where(eq(users.username, username));
    if (!u) throw new Error(`the demo has no ${username}`);
    return u;
  };
  const worker = await userOf('caseworker');
  const actor: Actor = { userId: worker.id, role: worker.role as Role, agencyId: worker.agencyId, jurisdiction: { national: false, regions: worker.regions } };
  const audit = { actor: { id: worker.id, username: worker.username, role: worker.role, agencyId: worker.agencyId }, ip: null };
  const year = Number(kazakhstanDate(deps.now()).slice(0, 4)) - 1;
  const rows = generateHardLinkageRecords({ seed, count: 12 }).map((r, i) => {
    const [y, m, d] = r.truth.birthDate.split('-');
    const birth = i === 4 ? `${m}/${d}/${y}` : `${d}.${m}.${y}`;
    const gender = i === 9 ? 'Female' : r.sex === 'M' ? 'Masculine' : 'Feminine';
    const form = i % 3 === 0 ? 'Sexual exploitation' : 'Forced labour';
    return [
      r.givenName,
      r.familyName,
      birth,
      gender,
      r.truth.citizenship,
      'Actual victim of trafficking',
      'NGO',
      form,
      `${String(3 + i).padStart(2, '0')}.0${1 + (i % 9)}.${year}`,
      'KZ-75',
    ].join(',');
  });
  const csv = `prs_FirstName,prs_SecondName,prs_Birthdate,prs_Gender,prs_Citizenship,vic_TraffickingStatus,vic_TraffickinStatusDecisionMakingOrg,vic_TypeOfExploitation,qrg_TraffickingStatusDate,qrg_RegionIso3166_2\n${rows.join('\n')}\n`;
  const imports = createHtcdsImportService(deps);
  const importer = { actor, userId: worker.id };
  await imports.import(importer, audit, Buffer.from(csv), { dryRun: true, locale: 'kk' });
  const result = await imports.import(importer, audit, Buffer.from(csv), { dryRun: false, locale: 'kk' });

  // A labour inspector's phone: a device key as her account page makes one, and one submission.
  const inspector = await userOf('screener');
  const key = randomBytes(32).toString('base64url');
  await deps.db
    .insert(deviceKeys)
    .values({ id: randomUUID(), userId: inspector.id, label: 'Samsung A14 (Мақтаарал)', keyHash: deviceKeyHash(key), createdAt: deps.now() });
  const device = await createDeviceKeysService(deps).authenticate(inspector.username, key);
  if (!device) throw new Error('the demo device key opens nothing');
  const forms = createScreeningFormService(deps);
  const { form } = await forms.current();
  const today = kazakhstanDate(deps.now());
  const instance = filledInstance(
    form,
    {
      encounter_date: today,
      region: 'KZ-61',
      setting: 'farm',
      language: 'uz',
      interpreter: 'yes',
      age_years: '27',
      gender: 'Masculine',
      citizenship: 'UZ',
      exploitation: 'ForcedLabour',
      i_short_form__documents_withheld: 'yes',
      i_short_form__wages_withheld: 'yes',
      i_short_form__debt_bondage: 'yes',
      consent: 'declined',
      narrative: 'Мақта алқабы, Мақтаарал ауданы: құжаттары бригадирде, жалақы үш ай төленбеген.',
    },
    `uuid:${randomUUID()}`,
  );
  const sent = await createSubmissionService(deps, forms).submit(
    device,
    { actor: { id: inspector.id, username: inspector.username, role: inspector.role, agencyId: inspector.agencyId }, ip: null },
    instance,
    'kk',
  );
  return { imported: result.created, fromDevice: sent.created ? 1 : 0 };
}
