import './report.css';
// Core's plain value lists, not its barrel: the contracts would bring zod along.
import { SELF_REPORT_SITUATIONS, type SelfReportSituation } from '../../../../packages/core/src/contracts/self-report-values.ts';
import type { SelfReportBody } from '../../../../packages/core/src/contracts/self-report.contract.ts';
import { KZ_REGIONS } from '../../../../packages/core/src/reference/regions.ts';
import { h, onLanguage, refreshTexts, tx } from './dom.ts';
import { currentLanguage, DEFAULT_LANGUAGE, isReportLanguage, REPORT_LANGUAGES, switchLanguage, t } from './i18n.ts';
import { quickExit } from './quick-exit.ts';

/**
 * The public self-report page (issue #3 item 6), its own entry (report.html, served at /report):
 * no sign-in, nothing from other sites, nothing stored in the browser (no drafts; the language
 * chosen here is not remembered), a quick exit on every step. What is typed stays in the form.
 */

/** The national emergency number; the only number this page gives (see the report on issue #3). */
const EMERGENCY_NUMBER = '112';
const ENDPOINT = '/api/v1/self-reports';
/** The staff app's remembered language (read only): someone who chose Russian there gets Russian here. */
const STAFF_LANGUAGE_KEY = 'qorgau.language';

type Reporter = 'self' | 'witness';
type ErrorKey = 'selfReport.errors.reporter' | 'selfReport.errors.what';
type FailureKey = 'selfReport.errors.failed' | 'selfReport.errors.network' | 'selfReport.errors.rateLimited';

const state: { errors: { reporter?: ErrorKey; what?: ErrorKey }; failure: FailureKey | null; sending: boolean } = {
  errors: {},
  failure: null,
  sending: false,
};

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STAFF_LANGUAGE_KEY);
  } catch {
    return null;
  }
}

const required = () => h('span', { class: 'required', 'aria-hidden': 'true' }, ' *');

/** An error line under a field; shown when its state has a message key. */
function errorLine(id: string, key: () => ErrorKey | undefined): HTMLParagraphElement {
  const el = h('p', { id, class: 'error', hidden: true });
  onLanguage(() => {
    const k = key();
    el.hidden = !k;
    el.textContent = k ? t(k) : '';
  });
  return el;
}

// The header: language and quick exit. The button's accessible name is its visible text; the
// hint is its description (a different aria-label fails WCAG 2.5.3, "label in name").
const languageSelect = h(
  'select',
  { 'data-testid': 'report-language', class: 'select select-small' },
  ...REPORT_LANGUAGES.map((l) =>
    h(
      'option',
      { value: l },
      tx(() => t(`selfReport.languages.${l}`)),
    ),
  ),
);
onLanguage(() => {
  languageSelect.setAttribute('aria-label', t('selfReport.language'));
  languageSelect.value = currentLanguage();
});
const quickExitButton = h(
  'button',
  { type: 'button', 'data-testid': 'quick-exit', class: 'button button-danger', 'aria-describedby': 'quick-exit-hint' },
  tx(() => t('selfReport.quickExit')),
);
quickExitButton.addEventListener('click', quickExit);
const header = h(
  'header',
  { class: 'bar' },
  languageSelect,
  quickExitButton,
  h(
    'span',
    { id: 'quick-exit-hint', class: 'visually-hidden' },
    tx(() => t('selfReport.quickExitHint')),
  ),
);

// The form.
const reporterRadio = (value: Reporter) =>
  h(
    'label',
    { class: 'choice' },
    h('input', { type: 'radio', name: 'reporter', value, required: true, 'data-testid': `report-reporter-${value}` }),
    h(
      'span',
      {},
      tx(() => t(`selfReport.reporter.${value}`)),
    ),
  );
const reporterError = errorLine('reporter-error', () => state.errors.reporter);
const reporterField = h(
  'fieldset',
  { class: 'field' },
  h(
    'legend',
    { class: 'label' },
    tx(() => t('selfReport.reporter.label')),
    required(),
  ),
  reporterRadio('self'),
  reporterRadio('witness'),
  reporterError,
);
const reporterInputs = [...reporterField.querySelectorAll('input')];

const whatInput = h('textarea', {
  id: 'report-what',
  name: 'whatHappened',
  'data-testid': 'report-what',
  class: 'input textarea',
  rows: '4',
  maxlength: '5000',
  autocomplete: 'off',
  required: true,
});
const whatError = errorLine('what-error', () => state.errors.what);
const whatField = h(
  'div',
  { class: 'field' },
  h(
    'label',
    { for: 'report-what', class: 'label' },
    tx(() => t('selfReport.what.label')),
    required(),
  ),
  h(
    'p',
    { id: 'what-description', class: 'description' },
    tx(() => t('selfReport.what.description')),
  ),
  whatInput,
  whatError,
);

const situationField = h(
  'fieldset',
  { class: 'field' },
  h(
    'legend',
    { class: 'label' },
    tx(() => t('selfReport.situation.label')),
  ),
  ...SELF_REPORT_SITUATIONS.map((s) =>
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'checkbox', name: 'situation', value: s, 'data-testid': `report-situation-${s}` }),
      h(
        'span',
        {},
        tx(() => t(`selfReport.situation.${s}`)),
      ),
    ),
  ),
);

const regionSelect = h(
  'select',
  { id: 'report-region', name: 'region', 'data-testid': 'report-region', class: 'select' },
  h(
    'option',
    { value: '' },
    tx(() => t('selfReport.region.unknown')),
  ),
  ...KZ_REGIONS.map((r) =>
    h(
      'option',
      { value: r.code },
      tx(() => r.name[currentLanguage()]),
    ),
  ),
);
const regionField = h(
  'div',
  { class: 'field' },
  h(
    'label',
    { for: 'report-region', class: 'label' },
    tx(() => t('selfReport.region.label')),
  ),
  regionSelect,
);

const contactInput = h('input', {
  id: 'report-contact',
  name: 'contact',
  type: 'text',
  'data-testid': 'report-contact',
  class: 'input',
  maxlength: '200',
  autocomplete: 'off',
  'aria-describedby': 'contact-description',
});
const contactField = h(
  'div',
  { class: 'field' },
  h(
    'label',
    { for: 'report-contact', class: 'label' },
    tx(() => t('selfReport.contact.label')),
  ),
  h(
    'p',
    { id: 'contact-description', class: 'description' },
    tx(() => t('selfReport.contact.description')),
  ),
  contactInput,
);

const safeInput = h('input', { type: 'checkbox', name: 'safeToContact', 'data-testid': 'report-safe' });
const safeField = h(
  'label',
  { class: 'choice field' },
  safeInput,
  h(
    'span',
    {},
    tx(() => t('selfReport.safe')),
  ),
);

// Honeypot: hidden from people and from assistive technology; bots fill it in.
const websiteInput = h('input', { type: 'text', name: 'website', tabindex: '-1', autocomplete: 'off' });
const honeypot = h('div', { class: 'honeypot', 'aria-hidden': 'true' }, h('label', {}, 'Website', websiteInput));

const failureAlert = h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
onLanguage(() => {
  failureAlert.hidden = !state.failure;
  failureAlert.textContent = state.failure ? t(state.failure) : '';
});

const submitButton = h(
  'button',
  { type: 'submit', class: 'button button-primary', 'data-testid': 'report-submit' },
  tx(() => t('selfReport.submit')),
);

const form = h(
  'form',
  { class: 'card stack', novalidate: true },
  h(
    'p',
    {},
    tx(() => t('selfReport.intro')),
  ),
  h(
    'p',
    { class: 'dimmed small' },
    tx(() => t('selfReport.privacy')),
  ),
  reporterField,
  whatField,
  situationField,
  regionField,
  contactField,
  safeField,
  honeypot,
  failureAlert,
  submitButton,
);

// After sending: the reference and what to do next.
const referenceText = h('p', { class: 'reference', 'data-testid': 'report-reference' });
const doneTitle = h(
  'h2',
  { tabindex: '-1' },
  tx(() => t('selfReport.done.title')),
);
const done = h(
  'section',
  { class: 'card stack', hidden: true },
  doneTitle,
  h(
    'p',
    {},
    tx(() => t('selfReport.done.reference')),
  ),
  referenceText,
  h(
    'p',
    {},
    tx(() => t('selfReport.done.next')),
  ),
  h(
    'h3',
    {},
    tx(() => t('selfReport.done.safetyTitle')),
  ),
  h(
    'p',
    {},
    tx(() => t('selfReport.done.safety1')),
  ),
  h(
    'p',
    {},
    tx(() => t('selfReport.done.safety2')),
  ),
  h(
    'p',
    {},
    tx(() => t('selfReport.done.safety3', { number: EMERGENCY_NUMBER })),
  ),
);

const main = h(
  'main',
  { id: 'main', class: 'container stack' },
  h(
    'h1',
    {},
    tx(() => t('selfReport.title')),
  ),
  h(
    'div',
    { class: 'alert alert-warning' },
    h(
      'p',
      { class: 'alert-title' },
      tx(() => t('selfReport.dangerTitle')),
    ),
    h(
      'p',
      {},
      tx(() => t('selfReport.danger', { number: EMERGENCY_NUMBER })),
    ),
  ),
  form,
  done,
);

/** Marks a field invalid (or not) and points it at its error line. */
function markInvalid(inputs: HTMLElement[], invalid: boolean, errorId: string, descriptionId?: string): void {
  for (const input of inputs) {
    if (invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    const describedBy = [descriptionId, invalid ? errorId : undefined].filter(Boolean).join(' ');
    if (describedBy) input.setAttribute('aria-describedby', describedBy);
    else input.removeAttribute('aria-describedby');
  }
}

function showErrors(): void {
  markInvalid(reporterInputs, Boolean(state.errors.reporter), 'reporter-error');
  markInvalid([whatInput], Boolean(state.errors.what), 'what-error', 'what-description');
  refreshTexts();
}
markInvalid([whatInput], false, 'what-error', 'what-description');

/** Sends the report: its reference, or the message to show. */
async function send(body: SelfReportBody): Promise<{ reference: string } | { failure: FailureKey }> {
  let response: Response;
  try {
    // No cookies: the report is anonymous whatever else is open in this browser.
    response = await fetch(ENDPOINT, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'accept-language': currentLanguage() },
      body: JSON.stringify(body),
    });
  } catch {
    return { failure: 'selfReport.errors.network' };
  }
  if (response.status === 429) return { failure: 'selfReport.errors.rateLimited' };
  const data = (await response.json().catch(() => null)) as { reference?: unknown } | null;
  if (!response.ok || typeof data?.reference !== 'string') return { failure: 'selfReport.errors.failed' };
  return { reference: data.reference };
}

async function submit(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  if (state.sending) return;
  const reporter = reporterInputs.find((i) => i.checked)?.value as Reporter | undefined;
  const what = whatInput.value.trim();
  state.errors = {
    ...(reporter ? {} : { reporter: 'selfReport.errors.reporter' }),
    ...(what ? {} : { what: 'selfReport.errors.what' }),
  };
  state.failure = null;
  showErrors();
  if (!reporter || !what) {
    (reporter ? whatInput : reporterInputs[0])?.focus();
    return;
  }
  const situation = [...situationField.querySelectorAll('input')].filter((i) => i.checked).map((i) => i.value as SelfReportSituation);
  const contact = contactInput.value.trim();
  const body: SelfReportBody = {
    reporter,
    language: currentLanguage(),
    whatHappened: what.slice(0, 5000),
    safeToContact: safeInput.checked,
    situation,
    ...(regionSelect.value ? { regionCode: regionSelect.value as SelfReportBody['regionCode'] } : {}),
    ...(contact ? { contact: contact.slice(0, 200) } : {}),
    ...(websiteInput.value ? { website: websiteInput.value } : {}),
  };
  state.sending = true;
  submitButton.disabled = true;
  submitButton.setAttribute('aria-busy', 'true');
  const result = await send(body).catch(() => ({ failure: 'selfReport.errors.failed' as const }));
  state.sending = false;
  submitButton.disabled = false;
  submitButton.removeAttribute('aria-busy');
  if ('failure' in result) {
    // The text stays in the form: the person can try again when the connection is back.
    state.failure = result.failure;
    refreshTexts();
    return;
  }
  // Nothing typed is kept once the report is in.
  form.reset();
  referenceText.textContent = result.reference;
  form.hidden = true;
  done.hidden = false;
  doneTitle.focus();
}
form.addEventListener('submit', (e) => void submit(e));

/** Shows the page in `lng`: texts, the region names, the document's title and language. */
async function show(lng: string): Promise<void> {
  await switchLanguage(isReportLanguage(lng) ? lng : DEFAULT_LANGUAGE);
  document.documentElement.lang = currentLanguage();
  refreshTexts();
  document.title = t('selfReport.title');
}

languageSelect.addEventListener('change', () => {
  show(languageSelect.value).catch(() => {
    // The language could not be loaded (no connection): stay in the current one and say so.
    languageSelect.value = currentLanguage();
    state.failure = 'selfReport.errors.network';
    refreshTexts();
  });
});

const root = document.getElementById('root') as HTMLElement;
root.replaceChildren(h('div', { class: 'page' }, header, main));
show(storedLanguage() ?? DEFAULT_LANGUAGE).catch(() => show(DEFAULT_LANGUAGE));
