import { lazy, Suspense, useEffect } from 'react';
import { useLocation } from 'wouter';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { CurrentUserProvider } from '../features/auth/current-user.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { useMeQuery } from '../features/auth/session.ts';
import { AppLayout } from './AppLayout.tsx';
import { AppRoutes } from './AppRoutes.tsx';
import { PublicShell } from './PublicShell.tsx';

// Shown in the first moments after signing in, or never: loaded when needed.
const EnrolTotpPage = lazy(() => import('../features/auth/EnrolTotpPage.tsx').then((m) => ({ default: m.EnrolTotpPage })));
const ForcedPasswordChangePage = lazy(() => import('../features/auth/ForcedPasswordChangePage.tsx').then((m) => ({ default: m.ForcedPasswordChangePage })));

/** The public report page: its own small entry (report.html), which the server sends for this path. */
export const PUBLIC_REPORT_PATH = '/report';

export function App() {
  const [location] = useLocation();
  if (location === PUBLIC_REPORT_PATH) return <LoadReportPage />;
  return <SessionApp />;
}

/** Reached inside this app (an in-app link, history): load the report page from the server instead. */
function LoadReportPage() {
  useEffect(() => window.location.replace(PUBLIC_REPORT_PATH), []);
  return <Loading fullPage />;
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
        <Suspense fallback={<Loading />}>
          <EnrolTotpPage />
        </Suspense>
      </PublicShell>
    );
  }
  if (me.data.stage === 'change_password') {
    return (
      <PublicShell signedIn>
        <Suspense fallback={<Loading />}>
          <ForcedPasswordChangePage />
        </Suspense>
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
