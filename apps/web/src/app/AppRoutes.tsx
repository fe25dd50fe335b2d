import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch } from 'wouter';
import { Alert, Anchor } from '@mantine/core';
import { Loading } from '../components/Loading.tsx';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { CaseCreatePage } from '../features/cases/CaseCreatePage.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { CasesListPage } from '../features/cases/CasesListPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { PersonCreatePage } from '../features/persons/PersonCreatePage.tsx';
import { PersonPage } from '../features/persons/PersonPage.tsx';
import { PersonsListPage } from '../features/persons/PersonsListPage.tsx';
import { ScreeningNewPage } from '../features/screenings/ScreeningNewPage.tsx';
import { ScreeningResultPage } from '../features/screenings/ScreeningResultPage.tsx';
import { ScreeningsListPage } from '../features/screenings/ScreeningsListPage.tsx';
import { Guard } from './Guard.tsx';

// Administration and audit are used by few people: load them only when opened.
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const AgenciesPage = lazy(() => import('../features/agencies/AgenciesPage.tsx').then((m) => ({ default: m.AgenciesPage })));
const SelfReportsQueuePage = lazy(() => import('../features/self-reports/SelfReportsQueuePage.tsx').then((m) => ({ default: m.SelfReportsQueuePage })));
const SelfReportDetailPage = lazy(() => import('../features/self-reports/SelfReportDetailPage.tsx').then((m) => ({ default: m.SelfReportDetailPage })));
const ReferenceAdminPage = lazy(() => import('../features/reference/ReferenceAdminPage.tsx').then((m) => ({ default: m.ReferenceAdminPage })));
const LinkReviewQueuePage = lazy(() => import('../features/linkage/LinkReviewQueuePage.tsx').then((m) => ({ default: m.LinkReviewQueuePage })));
const LinkReviewPage = lazy(() => import('../features/linkage/LinkReviewPage.tsx').then((m) => ({ default: m.LinkReviewPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));

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
        <Route path="/audit">
          <Guard permission="audit.read">
            <AuditPage />
          </Guard>
        </Route>
        <Route path="/account" component={AccountPage} />
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
