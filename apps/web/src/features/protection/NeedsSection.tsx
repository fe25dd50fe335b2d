import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { NEED_AREAS, NEED_LEVELS, type NeedArea, type ProtectionCase } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useProtectionAction } from './api.ts';
import { Section } from './protection-bits.tsx';

type Draft = Record<NeedArea, { level: string; note: string }>;

/** The needs assessment: each area of the core list with a level and a note (the note is personal, stored encrypted). */
export function NeedsSection({ pc }: { pc: ProtectionCase }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const save = useProtectionAction(pc.id, 'needs');
  const initial = Object.fromEntries(
    NEED_AREAS.map((a) => {
      const n = pc.needs?.find((x) => x.area === a);
      return [a, { level: n?.level ?? '', note: n?.note ?? '' }];
    }),
  ) as Draft;
  const [draft, setDraft] = useState<Draft>(initial);
  const [editing, setEditing] = useState(false);
  const may = pc.allowedActions.includes('assess_needs');
  return (
    <Section title={t('protection.needs.title')} testId="protection-needs">
      {pc.needs ? (
        <>
          <Text size="sm" c="dimmed">
            {t('protection.needs.assessedAt', { date: formatDateTime(pc.needsAssessedAt, lng) })}
          </Text>
          <DataTable minWidth={360} label={t('protection.needs.title')}>
            <Table.Tbody>
              {pc.needs.map((n) => (
                <Table.Tr key={n.area}>
                  <Table.Td>{t(`needArea.${n.area}`)}</Table.Td>
                  <Table.Td>{t(`needLevel.${n.level}`)}</Table.Td>
                  <Table.Td>{n.note ? <UserText>{n.note}</UserText> : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        </>
      ) : (
        <Text c="dimmed">{t('protection.needs.none')}</Text>
      )}
      {may && !editing && (
        <Group>
          <Button variant="light" onClick={() => setEditing(true)} data-testid="assess-needs">
            {t('protection.needs.assess')}
          </Button>
        </Group>
      )}
      {may && editing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const needs = NEED_AREAS.filter((a) => draft[a].level).map((a) => ({
              area: a,
              level: draft[a].level,
              ...(draft[a].note ? { note: draft[a].note } : {}),
            }));
            save.mutate({ needs }, { onSuccess: () => setEditing(false) });
          }}
        >
          <Stack gap="xs">
            {NEED_AREAS.map((a) => (
              <Group key={a} grow align="flex-end" wrap="wrap">
                <NativeSelect
                  label={t(`needArea.${a}`)}
                  value={draft[a].level}
                  onChange={(e) => setDraft({ ...draft, [a]: { ...draft[a], level: e.currentTarget.value } })}
                  data={[{ value: '', label: t('protection.needs.notAssessed') }, ...NEED_LEVELS.map((l) => ({ value: l, label: t(`needLevel.${l}`) }))]}
                  data-testid={`need-${a}`}
                  miw={140}
                />
                <TextInput
                  label={t('protection.needs.note')}
                  value={draft[a].note}
                  onChange={(e) => setDraft({ ...draft, [a]: { ...draft[a], note: e.currentTarget.value } })}
                  maxLength={2000}
                  miw={160}
                />
              </Group>
            ))}
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="save-needs">
                {t('common.save')}
              </Button>
              <Button variant="subtle" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
