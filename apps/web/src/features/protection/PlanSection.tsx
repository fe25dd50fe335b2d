import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { SUPPORT_PLAN_TYPES, type ProtectionCase } from '@qorgau/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrors } from '../../components/form-errors.ts';
import { formatDate } from '../../components/format.ts';
import { UserText } from '../../components/UserText.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useProtectionAction } from './api.ts';
import { Fact, Section } from './protection-bits.tsx';

/** The support plan (HTCDS spl_Type, spl_Objectives, spl_ActionPlan, spl_PlannedEndDate, spl_ActualEndDate). */
export function PlanSection({ pc }: { pc: ProtectionCase }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const save = useProtectionAction(pc.id, 'plan');
  const p = pc.plan;
  const [editing, setEditing] = useState(false);
  const [type, setType] = useState<string>(p?.type ?? 'SocialCare');
  const [objectives, setObjectives] = useState(p?.objectives ?? '');
  const [actionPlan, setActionPlan] = useState(p?.actionPlan ?? '');
  const [planned, setPlanned] = useState(p?.plannedEndDate ?? '');
  const [actual, setActual] = useState(p?.actualEndDate ?? '');
  const errors = fieldErrors(save.error);
  const may = pc.allowedActions.includes('set_plan');
  return (
    <Section title={t('protection.plan.title')} testId="protection-plan">
      {p ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('protection.plan.type')}>{t(`supportPlanType.${p.type}`)}</Fact>
          <Fact label={t('protection.plan.plannedEnd')}>{formatDate(p.plannedEndDate, lng)}</Fact>
          <Fact label={t('protection.plan.objectives')}>{p.objectives ? <UserText>{p.objectives}</UserText> : '—'}</Fact>
          <Fact label={t('protection.plan.actionPlan')}>{p.actionPlan ? <UserText>{p.actionPlan}</UserText> : '—'}</Fact>
          <Fact label={t('protection.plan.actualEnd')}>{p.actualEndDate ? formatDate(p.actualEndDate, lng) : '—'}</Fact>
        </SimpleGrid>
      ) : (
        <Text c="dimmed">{t('protection.plan.none')}</Text>
      )}
      {may && !editing && (
        <Group>
          <Button variant="light" onClick={() => setEditing(true)} data-testid="edit-plan">
            {t(p ? 'protection.plan.change' : 'protection.plan.set')}
          </Button>
        </Group>
      )}
      {may && editing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              { type, objectives, actionPlan, plannedEndDate: planned, ...(actual ? { actualEndDate: actual } : {}) },
              { onSuccess: () => setEditing(false) },
            );
          }}
        >
          <Stack gap="xs">
            <NativeSelect
              label={t('protection.plan.type')}
              value={type}
              onChange={(e) => setType(e.currentTarget.value)}
              data={SUPPORT_PLAN_TYPES.map((v) => ({ value: v, label: t(`supportPlanType.${v}`) }))}
            />
            <Textarea
              label={t('protection.plan.objectives')}
              value={objectives}
              onChange={(e) => setObjectives(e.currentTarget.value)}
              error={errors.objectives}
              autosize
              minRows={2}
              required
            />
            <Textarea
              label={t('protection.plan.actionPlan')}
              value={actionPlan}
              onChange={(e) => setActionPlan(e.currentTarget.value)}
              error={errors.actionPlan}
              autosize
              minRows={2}
              required
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <DateField label={t('protection.plan.plannedEnd')} value={planned} onChange={setPlanned} error={errors.plannedEndDate} withAsterisk />
              <DateField label={t('protection.plan.actualEnd')} value={actual} onChange={setActual} error={errors.actualEndDate} />
            </SimpleGrid>
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="save-plan">
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
