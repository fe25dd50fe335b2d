import { Box, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { LAST_STEP, progressOf, SCREENING_STEPS } from './screening-steps.ts';

/** "Step 2 of 4: The person" and a bar; focused on each step change so a screen reader says where the user is. */
export function StepHeader({ step, headingRef }: { step: number; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const name = SCREENING_STEPS[step] ?? SCREENING_STEPS[0];
  const progress = t('screening.steps.progress', { current: step + 1, total: SCREENING_STEPS.length });
  return (
    <Stack gap={6}>
      <Text component="h2" ref={headingRef} tabIndex={-1} fw={700} size="lg" m={0} data-testid="screening-step" data-step={name} style={{ outline: 'none' }}>
        {progress}: {t(`screening.steps.${name}`)}
      </Text>
      <Progress value={progressOf(step)} size="md" aria-label={progress} data-testid="screening-progress" />
    </Stack>
  );
}

/** A long label (Kazakh "Скринингті жіберу") wraps onto two lines rather than being cut off. */
const WRAP = {
  root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 6 },
  label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.25 },
} as const;

interface StepNavProps {
  step: number;
  onBack: () => void;
  onNext: () => void;
  sending: boolean;
  canSend: boolean;
}

/**
 * Back and next (on the last step: send) at the bottom of the screen while the step scrolls, in
 * reach of one thumb on a phone. "Next" validates the step; "send" is the form's submit.
 */
export function StepNav({ step, onBack, onNext, sending, canSend }: StepNavProps) {
  const { t } = useTranslation();
  const last = step === LAST_STEP;
  return (
    <Box
      pos="sticky"
      bottom={0}
      py="sm"
      style={{ zIndex: 3, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-default-border)' }}
      data-testid="screening-step-nav"
    >
      <Group gap="sm" wrap="nowrap" align="stretch">
        <Button
          variant="default"
          size="md"
          onClick={onBack}
          disabled={step === 0 || sending}
          data-testid="screening-back"
          styles={WRAP}
          style={{ flex: '0 1 40%' }}
        >
          {t('screening.steps.back')}
        </Button>
        {last ? (
          <Button
            key="send"
            type="submit"
            size="md"
            styles={WRAP}
            style={{ flex: '1 1 60%' }}
            data-testid="screening-submit"
            loading={sending}
            disabled={!canSend}
            // "Send" appears where "next" was: the second tap of a double tap on "next" does not send.
            onClick={(e) => {
              if (e.detail > 1) e.preventDefault();
            }}
          >
            {t('screening.form.submit')}
          </Button>
        ) : (
          <Button key="next" size="md" onClick={onNext} data-testid="screening-next" styles={WRAP} style={{ flex: '1 1 60%' }}>
            {t('screening.steps.next')}
          </Button>
        )}
      </Group>
    </Box>
  );
}
