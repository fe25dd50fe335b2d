// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import type { Me, PersonProceedingsView } from '@qorgau/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../../../i18n/en.json';
import kk from '../../../../../i18n/kk.json';
import ru from '../../../../../i18n/ru.json';
import { CurrentUserProvider } from '../auth/current-user.tsx';
import { PersonProceedingsPanel } from './PersonProceedingsPanel.tsx';

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

const PERSON_ID = '3053a3fe-170e-4bfd-a9d8-69ee7874d3ba';
const CASE_ID = '7a1168d4-651b-466b-ba60-c7274554fe17';

/** The panel with its data already in the cache, for a user holding `permissions`. */
function show(view: PersonProceedingsView, permissions: string[]) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } });
  qc.setQueryData(['justice', 'person-proceedings', PERSON_ID], view);
  const me = { role: 'case_worker', permissions } as unknown as Me;
  return render(
    <QueryClientProvider client={qc}>
      <MantineProvider>
        <CurrentUserProvider me={me}>
          <PersonProceedingsPanel personId={PERSON_ID} />
        </CurrentUserProvider>
      </MantineProvider>
    </QueryClientProvider>,
  );
}

const item = (patch: Partial<PersonProceedingsView['items'][number]> = {}): PersonProceedingsView['items'][number] => ({
  criminalCaseId: CASE_ID,
  erdrNumber: '267500031000123',
  articles: ['128'],
  stage: 'investigation',
  stageOn: '2026-03-15',
  proceduralRole: 'victim',
  linkedOn: '2026-03-20',
  participated: true,
  interviews: 2,
  videoTestimonyRecorded: true,
  measures: [
    {
      id: '5a2b6f0e-7a7e-4a36-9a4e-0f9e1f3b2c11',
      measure: 'ppcp_programme',
      status: 'granted',
      requestedOn: '2026-03-21',
      decidedOn: '2026-03-25',
      endedOn: null,
      costTenge: 240000,
    },
  ],
  ...patch,
});

describe("the person page's proceedings panel", () => {
  it('lists her proceedings: the case she may open as a link, one she may not by articles only, measures with cost', () => {
    show({ items: [item(), item({ criminalCaseId: null, erdrNumber: null, measures: [] })] }, ['proceedings.read']);
    const rows = screen.getAllByTestId('person-proceeding');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe(`/criminal-cases/${CASE_ID}`);
    expect(rows[0]?.textContent).toContain('267500031000123');
    expect(rows[0]?.textContent).toContain('Protection of Participants of Criminal Proceedings programme (Granted)');
    expect(rows[0]?.textContent).toContain('240,000');
    expect(rows[1]?.querySelector('a')).toBeNull();
    expect(rows[1]?.textContent).not.toContain('267500031000123');
  });

  it('is hidden without proceedings.read, and when she is in no proceedings', () => {
    show({ items: [item()] }, []);
    expect(screen.queryByTestId('person-proceedings')).toBeNull();
    cleanup();
    show({ items: [] }, ['proceedings.read']);
    expect(screen.queryByTestId('person-proceedings')).toBeNull();
  });
});
