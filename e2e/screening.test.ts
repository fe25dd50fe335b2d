import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { agencies, cases } from '../apps/server/src/db/schema.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

describeInChromium('identification journey in Chromium (issue #3)', () => {
  const qorgau = useQorgauBrowser({ persons: 10 });

  it('a labour inspector screens a worker on a farm in Kazakh and hands over; an identification officer identifies her; the inspector can no longer open the record', async () => {
    const { q, browser } = qorgau;
    const [idUnit] = await q.runtime.deps.db.select().from(agencies).where(eq(agencies.type, 'police')).orderBy(agencies.nameKk).limit(1);
    const unit = await q.runtime.deps.db.select().from(agencies).where(eq(agencies.nameEn, 'Anti-Trafficking Unit, Almaty City Police Department'));
    const receiving = unit[0] ?? idUnit;
    if (!receiving) throw new Error('no police agency in the demo');

    const inspectorCtx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const inspector = await inspectorCtx.newPage();
    await signIn(inspector, q, 'screener', { language: 'kk' });
    await inspector.getByTestId('new-screening').first().click();
    // The form is in four steps on a phone (issue #9). "Next" on a step that lacks a required field stays, and marks it.
    const step = () => inspector.getByTestId('screening-step').getAttribute('data-step');
    expect(await step()).toBe('encounter');
    await inspector.getByTestId('screening-next').click();
    await expect.poll(() => inspector.getByTestId('screening-setting').getAttribute('aria-invalid')).toBe('true');
    expect(await step()).toBe('encounter');
    // Met in Almaty: a handover goes only to an identification unit of the person's region (issue #8).
    await inspector.getByTestId('screening-region').selectOption('KZ-75');
    await inspector.getByTestId('screening-setting').selectOption('farm');
    await inspector.getByTestId('screening-language').selectOption('kk');
    await inspector.getByTestId('screening-next').click();
    await expect.poll(step).toBe('person');
    await inspector.getByTestId('screening-gender').selectOption('Feminine');
    await inspector.getByTestId('screening-citizenship').selectOption('KZ');
    await inspector.getByTestId('screening-exploitation-ForcedLabour').check();
    // An unknown age is presumed a child's (issue #8): "declines" is not offered, and the note says why.
    await inspector.getByTestId('screening-age-unknown').check();
    await inspector.getByTestId('screening-next').click();
    await expect.poll(step).toBe('indicators');
    // A reload keeps the draft, on the step the user was on.
    await inspector.reload();
    await inspector.getByTestId('screening-draft-restored').waitFor();
    await expect.poll(step).toBe('indicators');
    await inspector.getByTestId('screening-next').click();
    await expect.poll(step).toBe('consent');
    await expect.poll(() => inspector.getByTestId('screening-consent-declined').isDisabled()).toBe(true);
    await inspector.getByTestId('screening-child-note').waitFor();
    await inspector.getByTestId('screening-back').click();
    await inspector.getByTestId('screening-back').click();
    await expect.poll(step).toBe('person');
    expect(await inspector.getByTestId('screening-gender').inputValue()).toBe('Feminine');
    await inspector.getByTestId('screening-age-unknown').uncheck();
    await inspector.getByTestId('screening-age').fill('27');
    await inspector.getByTestId('screening-next').click();
    await inspector.getByTestId('indicator-short_form.documents_withheld').check();
    await inspector.getByTestId('indicator-short_form.wages_withheld').check();
    await inspector.getByTestId('screening-next').click();
    await expect.poll(step).toBe('consent');
    await expect.poll(() => inspector.getByTestId('screening-consent-declined').isDisabled()).toBe(false);
    await inspector.getByTestId('screening-consent-identified').check();
    await inspector.getByTestId('screening-firstName').fill('Гүлнар');
    await inspector.getByTestId('screening-secondName').fill('Серікбаева');
    await inspector.getByTestId('screening-narrative').fill('Мақта фермасында жұмыс істейді, төлқұжаты иесінде');
    await inspector.getByTestId('screening-submit').click();
    await inspector.getByTestId('screening-level').waitFor();
    // The receipt's badge is the screening's level, never an identification status (issue #9).
    const badge = inspector.getByTestId('screening-level-badge');
    expect(['refer', 'meets_rule']).toContain(await badge.getAttribute('data-status'));
    expect(await badge.textContent()).toBe(await inspector.getByTestId('screening-level').textContent());
    const personHref = await inspector.getByTestId('screening-person-link').getAttribute('href');
    expect(personHref).toMatch(/\/persons\/[0-9a-f-]{36}/);
    await inspector.getByTestId('handover-agency').selectOption(receiving.id);
    await inspector.getByTestId('handover-submit').click();
    await inspector.getByTestId('confirm').click();
    await inspector.getByTestId('handover-receipt').waitFor();
    // In the reader's language (issue #9): the Kazakh page names the unit in Kazakh, not in Russian.
    await expect.poll(() => inspector.getByTestId('handover-receipt').textContent()).toContain(receiving.nameKk);
    expect(await inspector.getByTestId('handover-receipt').textContent()).not.toContain(receiving.nameRu);

    const officerCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const officer = await officerCtx.newPage();
    await signIn(officer, q, 'identification', { language: 'kk' });
    // The referral is in the officer's identification queue, with its deadline: her home page
    // leads with that queue (issue #10: references, never names, on the home page).
    await officer.locator('[data-testid="work-queue"][data-queue="identification_deadlines"]').waitFor();
    const referredPerson = personHref?.split('/').pop();
    const queue = await (await officer.request.get(`${q.url}/api/v1/cases?queue=identification&pageSize=100`)).json();
    expect(queue.items.find((c: { personId: string }) => c.personId === referredPerson)?.deadline).toMatch(/^(ok|due_soon|overdue)$/);
    await officer.goto(`${q.url}/cases?q=${encodeURIComponent('Gulnar Serikbaeva')}`);
    await officer.getByTestId('case-row').first().click();
    await officer.getByTestId('case-action-type').selectOption('identification_decided');
    await officer.getByTestId('case-action-outcome').selectOption('ActualVictimOfTrafficking');
    // The deciding organisation is the officer's own (police), shown, not chosen (issue #8).
    await expect.poll(() => officer.getByTestId('case-action-decided-by').textContent()).toContain('Полиция');
    await officer.getByTestId('case-action-text').fill('Сұхбат пен бағалау: мәжбүрлі еңбек');
    await officer.getByTestId('case-action-submit').click();
    const caseUrl = officer.url();
    const caseId = caseUrl.split('/').pop() as string;
    await expect
      .poll(async () => (await officer.request.get(`${q.url}/api/v1/cases/${caseId}`)).json().then((c) => c.traffickingStatus))
      .toBe('ActualVictimOfTrafficking');
    const decided = await (await officer.request.get(`${q.url}/api/v1/cases/${caseId}`)).json();
    // Identified within the deadline the referral set (5 working days), and off the queue.
    const [row] = await q.runtime.deps.db.select().from(cases).where(eq(cases.id, caseId));
    const decision = decided.actions.find((a: { type: string }) => a.type === 'identification_decided');
    expect(decision.details.decidedBy).toBe('Police');
    expect(row?.identificationDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(decision.at.slice(0, 10) <= (row?.identificationDue as string)).toBe(true);
    expect(decided.deadline).toBeNull();

    // The inspector keeps the receipt but can no longer open the person.
    await inspector.goto(`${q.url}${personHref}`);
    await expect.poll(() => inspector.getByTestId('person-name').count()).toBe(0);
    const res = await inspector.request.get(`${q.url}/api/v1${personHref}`);
    expect(res.status()).toBe(404);
    await inspectorCtx.close();
    await officerCtx.close();
  });
});
