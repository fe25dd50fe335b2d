// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import type { Me, ProceedingVictimsView, ProceedingVictimView } from '@qorgau/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../../../i18n/en.json';
import kk from '../../../../../i18n/kk.json';
import ru from '../../../../../i18n/ru.json';
import { CurrentUserProvider } from '../auth/current-user.tsx';
import { VictimsSection } from './VictimsSection.tsx';

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
const ALL: ProceedingVictimsView['allowedActions'] = ['link_victim', 'update_victim', 'record_interview', 'request_measure', 'decide_measure'];
const victim = (patch: Partial<ProceedingVictimView> = {}): ProceedingVictimView => ({
  id: '0f8ba80d-d3a4-48c3-ae9a-1446ef754132',
  personId: '3053a3fe-170e-4bfd-a9d8-69ee7874d3ba',
  pseudonym: 'P-4F7K2Q',
  name: null,
  foreign: false,
  proceduralRole: 'victim',
  linkedOn: '2026-03-20',
  participated: false,
  leftCountryOn: null,
  counselContinues: false,
  employedSince: null,
  videoTestimonyRecorded: false,
  interviews: [],
  measures: [],
  ...patch,
});

/** The section with its list already in the cache (no request is made). */
function show(view: ProceedingVictimsView, role: Me['role']) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } });
  qc.setQueryData(['justice', 'victims', CASE_ID], view);
  const me = { role, permissions: [] } as unknown as Me;
  return render(
    <QueryClientProvider client={qc}>
      <MantineProvider>
        <CurrentUserProvider me={me}>
          <VictimsSection criminalCaseId={CASE_ID} />
        </CurrentUserProvider>
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('the victims of a criminal case', () => {
  it('a reader without actions: pseudonym, foreign badge, her circumstances and reflection period, and no buttons', () => {
    show(
      {
        allowedActions: [],
        items: [
          victim({
            foreign: true,
            leftCountryOn: '2026-04-02',
            counselContinues: true,
            employedSince: '2026-04-01',
            reflectionPeriod: { endsOn: null, extended: true },
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
          }),
        ],
      },
      'national_coordinator',
    );
    const row = screen.getByTestId('victim-row');
    expect(within(row).getByTestId('victim-person-link').textContent).toBe('P-4F7K2Q');
    expect(within(row).getByTestId('victim-foreign').textContent).toBe('Foreign national');
    expect(within(row).getByTestId('victim-left').textContent).toContain('case continues under counsel');
    expect(within(row).getByTestId('victim-reflection').textContent).toBe('Extended until the proceedings are final');
    expect(screen.getByTestId('victim-measure-row').textContent).toContain('240,000');
    for (const id of ['victim-link', 'victim-edit', 'victim-interview', 'victim-measure', 'measure-decide']) expect(screen.queryByTestId(id)).toBeNull();
  });

  it('after a video-recorded testimony the interview form warns and asks why; before it, neither', () => {
    show(
      {
        allowedActions: ALL,
        items: [
          victim({ name: 'Нұрланқызы Әйгерім' }),
          victim({
            id: 'a9c1a9a4-5d47-4d0f-9a44-3d7b6f9d2e10',
            personId: 'b4e0b1d2-6a5c-4c1e-8f3a-2b1c0d9e8f7a',
            pseudonym: 'P-9X2M1B',
            videoTestimonyRecorded: true,
          }),
        ],
      },
      'investigator',
    );
    const [first, second] = screen.getAllByTestId('victim-details');
    fireEvent.click(within(first as HTMLElement).getByTestId('victim-interview'));
    expect(screen.getByTestId('interview-form')).toBeTruthy();
    expect(screen.queryByTestId('repeat-interview-warning')).toBeNull();
    expect(screen.queryByTestId('interview-repeat-reason')).toBeNull();

    fireEvent.click(within(second as HTMLElement).getByTestId('victim-interview'));
    expect(screen.getByTestId('repeat-interview-warning').textContent).toContain('already video-recorded');
    expect(screen.getByTestId('interview-repeat-reason')).toBeTruthy();
  });

  it('a requested measure offers grant or refuse; an ended one offers nothing', () => {
    show(
      {
        allowedActions: ALL,
        items: [
          victim({
            measures: [
              {
                id: '5a2b6f0e-7a7e-4a36-9a4e-0f9e1f3b2c11',
                measure: 'ppcp_programme',
                status: 'requested',
                requestedOn: '2026-03-21',
                decidedOn: null,
                endedOn: null,
                costTenge: null,
              },
              {
                id: '6b3c7f1f-8b8f-4b47-8b5f-1a0f2a4c3d22',
                measure: 'relocation',
                status: 'ended',
                requestedOn: '2026-03-21',
                decidedOn: '2026-03-22',
                endedOn: '2026-03-30',
                costTenge: 5000,
              },
            ],
          }),
        ],
      },
      'prosecutor',
    );
    const rows = screen.getAllByTestId('victim-measure-row');
    expect(within(rows[1] as HTMLElement).queryByTestId('measure-decide')).toBeNull();
    fireEvent.click(within(rows[0] as HTMLElement).getByTestId('measure-decide'));
    const options = within(screen.getByTestId('measure-decision-form'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Granted', 'Refused']);
    expect(screen.getByTestId('measure-cost')).toBeTruthy();
  });
});
