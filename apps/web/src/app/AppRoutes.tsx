import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch } from 'wouter';
import { Alert, Anchor } from '@mantine/core';
import { Loading } from '../components/Loading.tsx';
import { Guard } from './Guard.tsx';

// Every page is its own chunk, loaded when opened: the first screen (sign-in, or the home page)
// downloads the framework and the layout only (budget in bench/bundle-size.ts). Pages used
// together share chunks through what they import (the case forms, the screening fields).
const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const PersonsListPage = lazy(() => import('../features/persons/PersonsListPage.tsx').then((m) => ({ default: m.PersonsListPage })));
const PersonCreatePage = lazy(() => import('../features/persons/PersonCreatePage.tsx').then((m) => ({ default: m.PersonCreatePage })));
const PersonPage = lazy(() => import('../features/persons/PersonPage.tsx').then((m) => ({ default: m.PersonPage })));
const CasesListPage = lazy(() => import('../features/cases/CasesListPage.tsx').then((m) => ({ default: m.CasesListPage })));
const CaseCreatePage = lazy(() => import('../features/cases/CaseCreatePage.tsx').then((m) => ({ default: m.CaseCreatePage })));
const CasePage = lazy(() => import('../features/cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const ScreeningsListPage = lazy(() => import('../features/screenings/ScreeningsListPage.tsx').then((m) => ({ default: m.ScreeningsListPage })));
const ScreeningNewPage = lazy(() => import('../features/screenings/ScreeningNewPage.tsx').then((m) => ({ default: m.ScreeningNewPage })));
const ScreeningResultPage = lazy(() => import('../features/screenings/ScreeningResultPage.tsx').then((m) => ({ default: m.ScreeningResultPage })));
const SelfReportsQueuePage = lazy(() => import('../features/self-reports/SelfReportsQueuePage.tsx').then((m) => ({ default: m.SelfReportsQueuePage })));
const SelfReportDetailPage = lazy(() => import('../features/self-reports/SelfReportDetailPage.tsx').then((m) => ({ default: m.SelfReportDetailPage })));
const LinkReviewQueuePage = lazy(() => import('../features/linkage/LinkReviewQueuePage.tsx').then((m) => ({ default: m.LinkReviewQueuePage })));
const LinkReviewPage = lazy(() => import('../features/linkage/LinkReviewPage.tsx').then((m) => ({ default: m.LinkReviewPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const AgenciesPage = lazy(() => import('../features/agencies/AgenciesPage.tsx').then((m) => ({ default: m.AgenciesPage })));
const ReferenceAdminPage = lazy(() => import('../features/reference/ReferenceAdminPage.tsx').then((m) => ({ default: m.ReferenceAdminPage })));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })));
const ProvidersPage = lazy(() => import('../features/providers/ProvidersPage.tsx').then((m) => ({ default: m.ProvidersPage })));
const ProviderPage = lazy(() => import('../features/providers/ProviderPage.tsx').then((m) => ({ default: m.ProviderPage })));
const ProviderNewPage = lazy(() => import('../features/providers/ProviderNewPage.tsx').then((m) => ({ default: m.ProviderNewPage })));
const CapacityPage = lazy(() => import('../features/providers/CapacityPage.tsx').then((m) => ({ default: m.CapacityPage })));
const ReferralsPage = lazy(() => import('../features/referrals/ReferralsPage.tsx').then((m) => ({ default: m.ReferralsPage })));
const ReferralPage = lazy(() => import('../features/referrals/ReferralPage.tsx').then((m) => ({ default: m.ReferralPage })));
const ProtectionListPage = lazy(() => import('../features/protection/ProtectionListPage.tsx').then((m) => ({ default: m.ProtectionListPage })));
const ProtectionCasePage = lazy(() => import('../features/protection/ProtectionCasePage.tsx').then((m) => ({ default: m.ProtectionCasePage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const ClientsPage = lazy(() => import('../features/redress/ClientsPage.tsx').then((m) => ({ default: m.ClientsPage })));
const CriminalCasesListPage = lazy(() => import('../features/justice/CriminalCasesListPage.tsx').then((m) => ({ default: m.CriminalCasesListPage })));
const RegisterCriminalCasePage = lazy(() => import('../features/justice/RegisterCriminalCasePage.tsx').then((m) => ({ default: m.RegisterCriminalCasePage })));
const StatisticsSection = lazy(() => import('../features/statistics/StatisticsSection.tsx').then((m) => ({ default: m.StatisticsSection })));
const JusticeFiguresPage = lazy(() => import('../features/justice/JusticeFiguresPage.tsx').then((m) => ({ default: m.JusticeFiguresPage })));
const CriminalCasePage = lazy(() => import('../features/justice/CriminalCasePage.tsx').then((m) => ({ default: m.CriminalCasePage })));

function NotFound() {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('errors.not_found')}>
      <Anchor component={Link} href="/">
        {t('common.goHome')}
      </Anchor>
    </Alert>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/persons">
          <Guard permission="person.read">
            <PersonsListPage />
          </Guard>
        </Route>
        <Route path="/persons/new">
          <Guard permission="person.create">
            <PersonCreatePage />
          </Guard>
        </Route>
        <Route path="/persons/:id/new-case">
          {(params) => (
            <Guard permission="case.create">
              <CaseCreatePage personId={params.id} />
            </Guard>
          )}
        </Route>
        <Route path="/persons/:id">
          {(params) => (
            <Guard permission="person.read">
              <PersonPage id={params.id} />
            </Guard>
          )}
        </Route>
        <Route path="/cases">
          <Guard permission="case.read">
            <CasesListPage />
          </Guard>
        </Route>
        <Route path="/cases/:id">
          {(params) => (
            <Guard permission="case.read">
              <CasePage id={params.id} />
            </Guard>
          )}
        </Route>
        <Route path="/screenings">
          <Guard permission="case.create">
            <ScreeningsListPage />
          </Guard>
        </Route>
        <Route path="/screenings/new">
          <Guard permission="case.create">
            <ScreeningNewPage />
          </Guard>
        </Route>
        <Route path="/screenings/:id">
          {(params) => (
            <Guard permission="case.create">
              <ScreeningResultPage id={params.id} />
            </Guard>
          )}
        </Route>
        <Route path="/self-reports">
          <Guard permission="self_report.read">
            <SelfReportsQueuePage />
          </Guard>
        </Route>
        <Route path="/self-reports/:id">
          {(params) => (
            <Guard permission="self_report.read">
              <SelfReportDetailPage id={params.id} />
            </Guard>
          )}
        </Route>
        <Route path="/linkage/reviews">
          <Guard permission="linkage.review">
            <LinkReviewQueuePage />
          </Guard>
        </Route>
        <Route path="/linkage/reviews/:id">
          {(params) => (
            <Guard permission="linkage.review">
              <LinkReviewPage id={params.id} />
            </Guard>
          )}
        </Route>
        <Route path="/providers">
          <Guard permission="provider.read">
            <ProvidersPage />
          </Guard>
        </Route>
        <Route path="/providers/new">
          <Guard permission="provider.manage">
            <ProviderNewPage />
          </Guard>
        </Route>
        <Route path="/providers/:id">
          {(params) => (
            <Guard permission="provider.read">
              <ProviderPage id={params.id} />
            </Guard>
          )}
        </Route>
        <Route path="/protection">
          <Guard permission="protection.read">
            <ProtectionListPage />
          </Guard>
        </Route>
        <Route path="/protection/:id">
          {(params) => (
            <Guard permission="protection.read">
              <ProtectionCasePage id={params.id} />
            </Guard>
          )}
        </Route>
        <Route path="/referrals">
          <Guard permission="referral.read">
            <ReferralsPage />
          </Guard>
        </Route>
        <Route path="/referrals/:id">
          {(params) => (
            <Guard permission="referral.read">
              <ReferralPage id={params.id} />
            </Guard>
          )}
        </Route>
        <Route path="/capacity">
          <Guard permission="provider.read">
            <CapacityPage />
          </Guard>
        </Route>
        <Route path="/admin/users">
          <Guard permission="user.manage">
            <UsersPage />
          </Guard>
        </Route>
        <Route path="/admin/reference">
          <Guard permission="reference.manage">
            <ReferenceAdminPage />
          </Guard>
        </Route>
        <Route path="/admin/agencies">
          <Guard permission="agency.manage">
            <AgenciesPage />
          </Guard>
        </Route>
        <Route path="/clients">
          <Guard permission="redress.read">
            <ClientsPage />
          </Guard>
        </Route>
        <Route path="/criminal-cases">
          <Guard permission="criminal_case.read">
            <CriminalCasesListPage />
          </Guard>
        </Route>
        <Route path="/justice/figures">
          <Guard permission="criminal_case.read">
            <JusticeFiguresPage />
          </Guard>
        </Route>
        <Route path="/criminal-cases/new">
          <Guard permission="criminal_case.create">
            <RegisterCriminalCasePage />
          </Guard>
        </Route>
        <Route path="/criminal-cases/:id">
          {(params) => (
            <Guard permission="criminal_case.read">
              <CriminalCasePage id={params.id} />
            </Guard>
          )}
        </Route>
        <Route path="/statistics/:page?">
          {(params) => (
            <Guard permission="statistics.read">
              <StatisticsSection page={params.page} notFound={() => <NotFound />} />
            </Guard>
          )}
        </Route>
        <Route path="/audit">
          <Guard permission="audit.read">
            <AuditPage />
          </Guard>
        </Route>
        <Route path="/account" component={AccountPage} />
        <Route path="/notifications" component={NotificationsPage} />
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
