import type { RouteComponent, RouteRecordRaw } from 'vue-router';

type Page = () => Promise<RouteComponent>;

/**
 * The seeker, employer-pipeline, report and dashboard pages: the menu pages (merged into
 * MENU_PAGES) and the pages reached from them. Notification links point at these paths
 * (/seeker/applications/:id, /seeker/agreements/:id, /employer/positions/:id/applications,
 * /organizer/agreements), so they must not move.
 */
export const PIPELINE_MENU_PAGES: Record<string, Page> = {
  seekerProfile: () => import('@/views/seeker/profile/SeekerProfilePage.vue'),
  seekerResume: () => import('@/views/seeker/resume/ResumeEditorPage.vue'),
  seekerApplications: () => import('@/views/seeker/applications/SeekerApplicationsPage.vue'),
  employerScreening: () => import('@/views/employer/pipeline/screening/ScreeningPage.vue'),
  employerResumes: () => import('@/views/employer/pipeline/resume-search/ResumeSearchPage.vue'),
  agencyReports: () => import('@/views/agency/reports/daily/DailyReportPage.vue'),
  organizerDashboard: () => import('@/views/organizer/dashboard/DashboardPage.vue'),
  organizerCoverage: () => import('@/views/organizer/key-group-coverage/CoveragePage.vue'),
  organizerAgreements: () => import('@/views/organizer/agreements/FlaggedAgreementsPage.vue'),
};

const AgreementPage: Page = () => import('@/views/agreements/detail/AgreementPage.vue');

export const pipelineSubPages: RouteRecordRaw[] = [
  {
    path: 'seeker/applications/:applicationId',
    name: 'seekerApplication',
    component: () => import('@/views/seeker/application/SeekerApplicationPage.vue'),
    meta: {
      requiresAuth: true,
      roles: ['seeker'],
      titleKey: 'seeker.application.title',
      navKey: 'seekerApplications',
    },
  },
  {
    path: 'seeker/agreements/:agreementId',
    name: 'seekerAgreement',
    component: AgreementPage,
    meta: {
      requiresAuth: true,
      roles: ['seeker'],
      titleKey: 'agreement.title',
      navKey: 'seekerApplications',
    },
  },
  {
    path: 'employer/positions/:positionId/applications',
    name: 'employerPositionApplications',
    component: PIPELINE_MENU_PAGES.employerScreening,
    meta: {
      requiresAuth: true,
      roles: ['employer'],
      titleKey: 'pipeline.screening.title',
      navKey: 'employerScreening',
    },
  },
  {
    path: 'employer/applications/:applicationId',
    name: 'employerApplication',
    component: () => import('@/views/employer/pipeline/application/EmployerApplicationPage.vue'),
    meta: {
      requiresAuth: true,
      roles: ['employer'],
      titleKey: 'pipeline.application.title',
      navKey: 'employerScreening',
    },
  },
  {
    path: 'employer/agreements/:agreementId',
    name: 'employerAgreement',
    component: AgreementPage,
    meta: {
      requiresAuth: true,
      roles: ['employer'],
      titleKey: 'agreement.title',
      navKey: 'employerScreening',
    },
  },
  {
    path: 'organizer/agreements/:agreementId',
    name: 'organizerAgreement',
    component: AgreementPage,
    meta: {
      requiresAuth: true,
      roles: ['organizer', 'admin'],
      titleKey: 'agreement.title',
      navKey: 'organizerAgreements',
    },
  },
];
