// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import en from '../../../../i18n/en.json';
import kk from '../../../../i18n/kk.json';
import ru from '../../../../i18n/ru.json';
import { t as translate } from './i18n.ts';

/**
 * The public report page (main.ts) in a DOM: the paths the browser test does not take —
 * validation wiring, a lost connection, a refused or broken answer, the language switch — and
 * what is sent. The page runs once on import; the tests follow one visitor's steps in order.
 */
const fetchMock = vi.fn<typeof fetch>();
const q = <T extends Element>(testId: string) => document.querySelector(`[data-testid="${testId}"]`) as T;
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchMock);
  document.body.innerHTML = '<div id="root"></div>';
  await import('./main.ts');
  await flush();
});

const submit = async () => {
  q<HTMLButtonElement>('report-submit').click();
  for (let i = 0; i < 5; i++) await flush();
};
const alertText = () => document.querySelector('[role="alert"]:not([hidden])')?.textContent ?? null;

describe('public report page', () => {
  it('shows Kazakh by default: heading, title, language, and the quick exit named by its visible text', () => {
    expect(document.querySelector('h1')?.textContent).toBe(kk.selfReport.title);
    expect(document.title).toBe(kk.selfReport.title);
    expect(document.documentElement.lang).toBe('kk');
    const exit = q<HTMLButtonElement>('quick-exit');
    expect(exit.textContent).toBe(kk.selfReport.quickExit);
    expect(exit.hasAttribute('aria-label')).toBe(false);
    expect(document.getElementById(exit.getAttribute('aria-describedby') ?? '')?.textContent).toBe(kk.selfReport.quickExitHint);
    expect(q<HTMLSelectElement>('report-language').getAttribute('aria-label')).toBe(kk.selfReport.language);
    // Every region in the language, after the "don't know" choice.
    const regions = [...q<HTMLSelectElement>('report-region').options].map((o) => o.textContent);
    expect(regions[0]).toBe(kk.selfReport.region.unknown);
    expect(regions).toContain('Шымкент қаласы');
    expect(regions).toHaveLength(21);
  });

  it('labels every field (the honeypot is hidden from assistive technology)', () => {
    for (const id of ['report-what', 'report-region', 'report-contact']) {
      const el = q<HTMLElement>(id);
      expect(document.querySelector(`label[for="${el.id}"]`)?.textContent, id).toBeTruthy();
    }
    for (const id of ['report-reporter-self', 'report-reporter-witness', 'report-safe', 'report-situation-debt']) {
      expect(q<HTMLElement>(id).closest('label')?.textContent, id).toBeTruthy();
    }
    const honeypot = document.querySelector('input[name="website"]') as HTMLInputElement;
    expect(honeypot.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(honeypot.tabIndex).toBe(-1);
  });

  it('refuses an empty report with a message under each field, tied to it, and sends nothing', async () => {
    await submit();
    expect(fetchMock).not.toHaveBeenCalled();
    const what = q<HTMLTextAreaElement>('report-what');
    expect(what.getAttribute('aria-invalid')).toBe('true');
    const described = (what.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual([kk.selfReport.what.description, kk.selfReport.errors.what]);
    const self = q<HTMLInputElement>('report-reporter-self');
    expect(document.getElementById(self.getAttribute('aria-describedby') ?? '')?.textContent).toBe(kk.selfReport.errors.reporter);
    expect(document.activeElement).toBe(self);
  });

  it('switches to Russian: texts, messages already shown, title and the page language follow', async () => {
    const select = q<HTMLSelectElement>('report-language');
    select.value = 'ru';
    select.dispatchEvent(new Event('change'));
    // Russian is loaded when chosen.
    await vi.waitFor(() => expect(document.querySelector('h1')?.textContent).toBe(ru.selfReport.title));
    expect(document.title).toBe(ru.selfReport.title);
    expect(document.documentElement.lang).toBe('ru');
    expect(document.getElementById('what-error')?.textContent).toBe(ru.selfReport.errors.what);
    expect([...q<HTMLSelectElement>('report-region').options].map((o) => o.textContent)).toContain('город Шымкент');
  });

  it('keeps the text and says so when there is no connection', async () => {
    q<HTMLInputElement>('report-reporter-witness').click();
    const what = q<HTMLTextAreaElement>('report-what');
    what.value = '  Соседу не платят третий месяц  ';
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await submit();
    expect(alertText()).toBe(ru.selfReport.errors.network);
    expect(what.value).toContain('Соседу не платят');
    expect(what.hasAttribute('aria-invalid')).toBe(false);
    expect(q<HTMLButtonElement>('report-submit').disabled).toBe(false);
  });

  it('says so when too many reports came from this connection, or the answer is not a receipt', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ error: { code: 'rate_limited' } }), { status: 429 }));
    await submit();
    expect(alertText()).toBe(ru.selfReport.errors.rateLimited);
    fetchMock.mockResolvedValueOnce(new Response('<html>proxy error</html>', { status: 502 }));
    await submit();
    expect(alertText()).toBe(ru.selfReport.errors.failed);
    fetchMock.mockResolvedValueOnce(new Response('{}', { status: 200 }));
    await submit();
    expect(alertText()).toBe(ru.selfReport.errors.failed);
  });

  it('sends the report without cookies, then shows the reference and clears the form', async () => {
    q<HTMLInputElement>('report-situation-not_paid').click();
    q<HTMLSelectElement>('report-region').value = 'KZ-75';
    q<HTMLInputElement>('report-contact').value = ' вечером ';
    fetchMock.mockClear();
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ reference: 'HR-2026-000042' }), { status: 200 }));
    await submit();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/self-reports');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('omit');
    expect(JSON.parse(String(init.body))).toEqual({
      reporter: 'witness',
      language: 'ru',
      whatHappened: 'Соседу не платят третий месяц',
      safeToContact: false,
      situation: ['not_paid'],
      regionCode: 'KZ-75',
      contact: 'вечером',
    });
    expect(q<HTMLElement>('report-reference').textContent).toBe('HR-2026-000042');
    expect(document.querySelector('form')?.hidden).toBe(true);
    expect(q<HTMLTextAreaElement>('report-what').value).toBe('');
    expect(document.activeElement?.textContent).toBe(ru.selfReport.done.title);
    expect(document.body.textContent).toContain(ru.selfReport.done.safety3.replace('{{number}}', '112'));
  });

  it('t() interpolates and falls back to the key, as i18next does', () => {
    expect(translate('selfReport.danger', { number: '112' })).toBe(ru.selfReport.danger.replace('{{number}}', '112'));
    expect(translate('selfReport.nope')).toBe('selfReport.nope');
    expect(en.selfReport.title).not.toBe(translate('selfReport.title'));
  });
});
