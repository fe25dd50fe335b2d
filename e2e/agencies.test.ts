import { expect, it } from 'vitest';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const NAME = { kk: 'Ақтөбе облысының «Жол» қоғамдық қоры', ru: 'Общественный фонд «Жол» Актюбинской области', en: 'Zhol Public Foundation, Aktobe Region' };

describeInChromium('agency names in three languages in Chromium (issue #9)', () => {
  const qorgau = useQorgauBrowser({ persons: 5 });

  it('the administrator must give the name in kk, ru and en; each page shows the name in its own language, sorted in it', async () => {
    const { q, browser } = qorgau;
    const admin = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(admin, q, 'admin', { language: 'kk' });
    await admin.goto(`${q.url}/admin/agencies`);
    await admin.getByTestId('new-agency').click();
    await admin.getByTestId('agency-name-kk').fill(NAME.kk);
    await admin.getByTestId('agency-type').selectOption('ngo');
    await admin.getByTestId('agency-submit').click();
    // The two missing names are marked, each on its own field; the one given is not.
    await expect.poll(() => admin.getByTestId('agency-name-ru').getAttribute('aria-invalid')).toBe('true');
    expect(await admin.getByTestId('agency-name-en').getAttribute('aria-invalid')).toBe('true');
    expect(await admin.getByTestId('agency-name-kk').getAttribute('aria-invalid')).not.toBe('true');
    await admin.getByTestId('agency-name-ru').fill(NAME.ru);
    await admin.getByTestId('agency-name-en').fill(NAME.en);
    await admin.getByTestId('agency-submit').click();
    await admin.getByTestId('agency-submit').waitFor({ state: 'detached' });

    const names = () => admin.getByTestId('agency-name').allTextContents();
    await expect.poll(names).toContain(NAME.kk);
    expect(await names()).not.toContain(NAME.ru);
    expect(await names()).toEqual([...(await names())].sort((a, b) => a.localeCompare(b, 'kk')));

    await admin.getByTestId('language-switch').selectOption('en');
    await expect.poll(names).toContain(NAME.en);
    // The demo's agencies too: the English page shows no Cyrillic name.
    expect((await names()).filter((n) => /\p{Script=Cyrillic}/u.test(n))).toEqual([]);
    expect(await names()).toEqual([...(await names())].sort((a, b) => a.localeCompare(b, 'en')));
  });
});
