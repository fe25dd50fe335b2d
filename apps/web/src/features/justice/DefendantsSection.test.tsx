// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import type { DefendantsView, DefendantView, Me } from '@qorgau/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../../../i18n/en.json';
import kk from '../../../../../i18n/kk.json';
import ru from '../../../../../i18n/ru.json';
import { CurrentUserProvider } from '../auth/current-user.tsx';
import { DefendantsSection } from './DefendantsSection.tsx';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: false,
    resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
});
afterEach(() => cleanup());

const CASE_ID = '7a1168d4-651b-466b-ba60-c7274554fe17';
const defendant = (patch: Partial<DefendantView> = {}): DefendantView => ({
  id: '0f8ba80d-d3a4-48c3-ae9a-1446ef754132',
  seq: 1,
  name: null,
  kind: 'individual',
  citizenship: null,
  status: 'accused',
  official: false,
  officialAgencyType: null,
  articles: ['128'],
  charges: [{ on: '2026-03-01', articles: ['128'], reason: 'initial' }],
  outcome: null,
  outcomeOn: null,
  sentenceKind: null,
  sentenceMonths: null,
  fineTenge: null,
  allowedActions: [],
  ...patch,
});

/** The section with its list already in the cache (no request is made), for a user of `role`. */
function show(view: DefendantsView, role: Me['role']) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } });
  qc.setQueryData(['justice', 'defendants', CASE_ID], view);
  // The case's Code version and the articles reference, as the case page has them already.
  qc.setQueryData(['criminal-cases', 'one', CASE_ID], { id: CASE_ID, articlesVersion: '2014.1' });
  const title = (en: string) => ({ kk: en, ru: en, en });
  qc.setQueryData(['reference', 'criminal-articles'], {
    sets: [
      {
        id: 'kz-criminal-code-trafficking',
        version: '2014.1',
        effectiveFrom: '2015-01-01',
        title: title('Articles'),
        source: [],
        articles: [
          { code: '128', title: title('Trafficking in persons'), trafficking: true, verification: 'verified' },
          { code: '125', title: title('Kidnapping'), trafficking: false, verification: 'provisional' },
          { code: '135', title: title('Trafficking in minors'), trafficking: true, verification: 'verified' },
        ],
      },
    ],
  });
  const me = { role, permissions: [] } as unknown as Me;
  return render(
    <QueryClientProvider client={qc}>
      <MantineProvider>
        <CurrentUserProvider me={me}>
          <DefendantsSection criminalCaseId={CASE_ID} />
        </CurrentUserProvider>
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('the defendants of a criminal case', () => {
  it('without names: "Defendant N", the complicity badge with the agency, and no forms', () => {
    show(
      {
        namesShown: false,
        canAdd: false,
        items: [
          defendant({ official: true, officialAgencyType: 'police' }),
          defendant({ id: '3053a3fe-170e-4bfd-a9d8-69ee7874d3ba', seq: 2, kind: 'business' }),
        ],
      },
      'national_coordinator',
    );
    expect(screen.getAllByTestId('defendant-label').map((e) => e.textContent)).toEqual(['Defendant 1', 'Defendant 2']);
    expect(screen.getByTestId('defendant-complicit').textContent).toBe('Official: Police');
    expect(screen.getByTestId('defendant-names-hidden')).toBeTruthy();
    for (const id of ['defendant-add', 'defendant-edit', 'defendant-reclassify', 'defendant-record-outcome']) expect(screen.queryByTestId(id)).toBeNull();
  });

  it("the clerk: the charge history and the sentence; only the court's reason is offered", () => {
    show(
      {
        namesShown: true,
        canAdd: false,
        items: [
          defendant({
            name: 'Серік Ахметов',
            articles: ['128', '125'],
            charges: [
              { on: '2026-03-01', articles: ['128'], reason: 'initial' },
              { on: '2026-05-01', articles: ['128', '125'], reason: 'reclassified_by_investigator' },
            ],
            outcome: 'convicted',
            outcomeOn: '2026-10-05',
            sentenceKind: 'custodial',
            sentenceMonths: 96,
            allowedActions: ['charge', 'record_outcome'],
          }),
        ],
      },
      'court_clerk',
    );
    expect(screen.getByTestId('defendant-label').textContent).toBe('Серік Ахметов');
    expect(screen.queryByTestId('defendant-names-hidden')).toBeNull();
    const history = within(screen.getByTestId('defendant-charge-history'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(history).toEqual(['1 Mar 2026: Art. 128 (initial charge)', '1 May 2026: Art. 128, 125 (reclassified by the investigator)']);
    expect(screen.getByTestId('defendant-outcome').textContent).toContain('Imprisonment, 96 months');
    expect(screen.queryByTestId('defendant-edit')).toBeNull();
    expect(screen.queryByTestId('defendant-add')).toBeNull();
    fireEvent.click(screen.getByTestId('defendant-reclassify'));
    const reason = screen.getByTestId('charge-reason') as HTMLSelectElement;
    expect([...reason.options].map((o) => o.value)).toEqual(['reclassified_by_court']);
    // The case's articles are offered with the current charge ticked.
    const ticked = ['128', '125', '135'].map((c) => (screen.getByTestId(`charge-articles-${c}`) as HTMLInputElement).checked);
    expect(ticked).toEqual([true, true, false]);
  });

  it('the investigator on a pre-trial case may add and edit, but not record an outcome', () => {
    show({ namesShown: true, canAdd: true, items: [defendant({ name: 'Асқар Төлеуов', allowedActions: ['update_defendant', 'charge'] })] }, 'investigator');
    expect(screen.getByTestId('defendant-edit')).toBeTruthy();
    expect(screen.queryByTestId('defendant-record-outcome')).toBeNull();
    fireEvent.click(screen.getByTestId('defendant-add'));
    expect(screen.getByTestId('defendant-add-form')).toBeTruthy();
    fireEvent.click(screen.getByTestId('defendant-reclassify'));
    const reason = screen.getByTestId('charge-reason') as HTMLSelectElement;
    expect([...reason.options].map((o) => o.value)).toEqual(['reclassified_by_investigator', 'reclassified_by_prosecutor']);
  });
});
