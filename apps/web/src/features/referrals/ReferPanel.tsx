import { Button } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading.tsx';

const ReferralForm = lazy(() => import('./ReferralForm.tsx').then((m) => ({ default: m.ReferralForm })));

/** The case page's "Refer" button and, once pressed, the referral form. */
export function ReferPanel({ caseId, personId }: { caseId: string; personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button mt="md" fullWidth onClick={() => setOpen(true)} data-testid="refer-open">
        {t('referrals.refer')}
      </Button>
    );
  return (
    <Suspense fallback={<Loading />}>
      <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
        <ReferralForm caseId={caseId} personId={personId} onClose={() => setOpen(false)} />
      </div>
    </Suspense>
  );
}
