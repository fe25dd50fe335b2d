import { lazy, Suspense } from 'react';
import { useLocation } from 'wouter';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { CurrentUserProvider } from '../features/auth/current-user.tsx';
import { EnrolTotpPage } from '../features/auth/EnrolTotpPage.tsx';
import { ForcedPasswordChangePage } from '../features/auth/ForcedPasswordChangePage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { useMeQuery } from '../features/auth/session.ts';
import { AppLayout } from './AppLayout.tsx';
import { AppRoutes } from './AppRoutes.tsx';
import { PublicShell } from './PublicShell.tsx';

// The public report page is its own chunk, loaded only at /report: a slow phone downloads the
// shared framework plus this small file, and no session is looked up for it.
const SelfReportPage = lazy(() => import('../features/self-reports/SelfReportPage.tsx').then((m) => ({ default: m.SelfReportPage })));

export const PUBLIC_REPORT_PATH = '/report';

export function App() {
  const [location] = useLocation();
  if (location === PUBLIC_REPORT_PATH) {
    return (
      <Suspense fallback={<Loading fullPage />}>
        <SelfReportPage />
      </Suspense>
    );
  }
  return <SessionApp />;
}

/**
 * The session decides what is shown: sign-in, then the steps the server requires
 * (two-factor enrolment, password change), then the application.
 */
function SessionApp() {
  const me = useMeQuery();
  if (me.isPending) return <Loading fullPage />;
  if (me.isError) {
    return (
      <PublicShell>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </PublicShell>
    );
  }
  if (!me.data) {
    return (
      <PublicShell>
        <SignInPage />
      </PublicShell>
    );
  }
  if (me.data.stage === 'enroll_totp') {
    return (
      <PublicShell signedIn>
        <EnrolTotpPage />
      </PublicShell>
    );
  }
  if (me.data.stage === 'change_password') {
    return (
      <PublicShell signedIn>
        <ForcedPasswordChangePage />
      </PublicShell>
    );
  }
  return (
    <CurrentUserProvider me={me.data}>
      <AppLayout>
        <AppRoutes />
      </AppLayout>
    </CurrentUserProvider>
  );
}
