// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import type { AuditEntry } from '@qorgau/core';
import { act, cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../../../i18n/en.json';
import kk from '../../../../../i18n/kk.json';
import ru from '../../../../../i18n/ru.json';
import { AuditEntryItem } from './AuditEntryItem.tsx';

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
const entry = (patch: Partial<AuditEntry> = {}): AuditEntry => ({
  id: '1',
  at: '2026-12-31T19:30:00Z',
  operation: 'case.created',
  outcome: 'success',
  actorId: '3053a3fe-170e-4bfd-a9d8-69ee7874d3ba',
  actorUsername: 'g.abilova',
  actorName: 'Гүлнар Әбілова',
  actorRole: 'case_worker',
  agencyId: null,
  recordType: 'case',
  recordId: CASE_ID,
  record: { type: 'case', id: CASE_ID, reference: 'QRG-2026-000202', names: null, linkable: true },
  ip: '10.0.0.7',
  details: { personId: '0f8ba80d-d3a4-48c3-ae9a-1446ef754132' },
  facts: [
    {
      key: 'personId',
      kind: 'record',
      record: { type: 'person', id: '0f8ba80d-d3a4-48c3-ae9a-1446ef754132', reference: 'P-7K3Q9', names: null, linkable: false },
    },
  ],
  ...patch,
});
const show = (e: AuditEntry) =>
  render(
    <MantineProvider>
      <ol>
        <AuditEntryItem entry={e} onActor={() => undefined} onRecord={() => undefined} />
      </ol>
    </MantineProvider>,
  );
const sentence = () => screen.getByTestId('audit-sentence').textContent;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

describe('an audit entry as a sentence', () => {
  it('names the actor and links the case by its reference, in each language', async () => {
    show(entry());
    expect(sentence()).toBe('Гүлнар Әбілова opened case QRG-2026-000202');
    expect(screen.getByTestId('audit-record-link').getAttribute('href')).toBe(`/cases/${CASE_ID}`);
    await act(() => i18next.changeLanguage('kk'));
    expect(sentence()).toBe('Гүлнар Әбілова ашты: іс QRG-2026-000202');
    await act(() => i18next.changeLanguage('ru'));
    expect(sentence()).toBe('Гүлнар Әбілова: открыто дело QRG-2026-000202');
    await act(() => i18next.changeLanguage('en'));
  });

  it('shows the time in Kazakhstan, the role, and the details as labelled fields without any id', () => {
    const { container } = show(entry());
    const text = container.textContent ?? '';
    expect(text).toContain('1 Jan 2027, 00:30');
    expect(text).toContain('Case worker');
    expect(text).toContain('Person: P-7K3Q9');
    expect(text).not.toMatch(UUID);
  });

  it('a record the reader may not open is named, not linked; a list is named by its kind', () => {
    show(entry({ record: { type: 'case', id: CASE_ID, reference: 'QRG-2026-000202', names: null, linkable: false } }));
    expect(screen.queryByTestId('audit-record-link')).toBeNull();
    expect(sentence()).toBe('Гүлнар Әбілова opened case QRG-2026-000202');
    cleanup();
    show(entry({ operation: 'case.list', recordId: null, record: null, facts: [{ key: 'shown', kind: 'count', value: 12 }] }));
    expect(sentence()).toBe('Гүлнар Әбілова viewed the list of cases');
    expect(document.body.textContent).toContain('Records shown: 12');
  });

  it('a failed sign-in and a system entry read as such', () => {
    show(
      entry({
        operation: 'auth.sign_in',
        outcome: 'failed',
        recordType: null,
        recordId: null,
        record: null,
        facts: [{ key: 'reason', kind: 'codes', group: 'errors', codes: ['invalid_credentials'] }],
      }),
    );
    expect(sentence()).toBe('Гүлнар Әбілова failed to sign in');
    cleanup();
    show(entry({ operation: 'system.seeded', actorId: null, actorName: null, actorRole: null, recordType: null, recordId: null, record: null, facts: [] }));
    expect(sentence()).toBe('The system loaded the initial data');
  });
});
