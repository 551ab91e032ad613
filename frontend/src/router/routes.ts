import type { RouteComponent, RouteRecordRaw } from 'vue-router';
import { NAV_SECTIONS, sectionRoles } from '@/navigation/nav-items';
import type { AccessMeta } from './guard';
import { INTERVIEW_MENU_PAGES } from './interview-routes';
import { MATCHING_MENU_PAGES, matchingSubPages } from './matching-routes';
import { CALL_MENU_PAGES, callSubPages } from './call-routes';
import { PIPELINE_MENU_PAGES, pipelineSubPages } from './pipeline-routes';
import { AGENCY_SUBSIDY_MENU_PAGES, agencySubsidyPublicPages } from './agency-subsidy-routes';
import { TRAINING_MENU_PAGES, trainingPublicPages, trainingSubPages } from './training-routes';

declare module 'vue-router' {
  interface RouteMeta extends AccessMeta {
    /** i18n key of the page title (browser tab, headings). */
    titleKey?: string;
    /** The menu entry a sub-page belongs to, highlighted while it is open. */
    navKey?: string;
  }
}

type Page = () => Promise<RouteComponent>;

const ComingSoonPage: Page = () => import('@/views/common/coming-soon/ComingSoonPage.vue');

/** The built page behind each menu entry; an entry marked `soon` has none yet. */
export const MENU_PAGES: Record<string, Page> = {
  employerProfile: () => import('@/views/employer/profile/EmployerProfilePage.vue'),
  employerFairs: () => import('@/views/employer/fairs/EmployerFairsPage.vue'),
  employerPositions: () => import('@/views/employer/positions/MyPositionsPage.vue'),
  agencyProfile: () => import('@/views/agency/profile/AgencyProfilePage.vue'),
  agencyApplications: () => import('@/views/agency/applications/AgencyApplicationsPage.vue'),
  agencyColumns: () => import('@/views/agency/column/AgencyColumnPage.vue'),
  organizerFairs: () => import('@/views/organizer/fairs/OrganizerFairsPage.vue'),
  organizerAgencies: () => import('@/views/organizer/agency-admission/AgencyAdmissionPage.vue'),
  organizerEmployers: () => import('@/views/organizer/employer-review/EmployerReviewPage.vue'),
  organizerReviews: () => import('@/views/organizer/position-review/PositionReviewPage.vue'),
  organizerComplaints: () => import('@/views/organizer/complaints/ComplaintsPage.vue'),
  adminSettings: () => import('@/views/admin/settings/SettingsPage.vue'),
  agencyPlacements: () => import('@/views/agency/placements/AgencyPlacementsPage.vue'),
  organizerSocialInsurance: () => import('@/views/organizer/social-insurance/SocialInsurancePage.vue'),
  organizerKeyEnterprises: () => import('@/views/organizer/key-enterprises/KeyEnterprisesPage.vue'),
  adminAgencySubsidyPolicy: () => import('@/views/admin/agency-subsidy-policy/AgencySubsidyPolicyPage.vue'),
  seekerPlacements: () => import('@/views/seeker/placements/WorkerPlacementsPage.vue'),
  ...PIPELINE_MENU_PAGES,
  ...TRAINING_MENU_PAGES,
  ...MATCHING_MENU_PAGES,
  ...CALL_MENU_PAGES,
  ...AGENCY_SUBSIDY_MENU_PAGES,
  ...INTERVIEW_MENU_PAGES,
};

/** Every menu entry, guarded by its roles; one not built yet opens the honest "being built" page. */
const featureRoutes: RouteRecordRaw[] = NAV_SECTIONS.flatMap((section) =>
  section.items
    .filter((item) => item.path)
    .map((item) => ({
      path: item.path!,
      name: item.key,
      component: MENU_PAGES[item.key] ?? ComingSoonPage,
      meta: { requiresAuth: true, roles: sectionRoles(section), titleKey: `nav.items.${item.key}` },
    })),
);

/**
 * Pages reached from a menu page rather than from the menu itself. New and existing positions
 * share one route record, so saving a new draft (which gives it an id) keeps the page as it is.
 */
const subPages: RouteRecordRaw[] = [
  {
    path: 'employer/positions/edit/:positionId?',
    name: 'employerPositionEditor',
    component: () => import('@/views/employer/position-editor/PositionEditorPage.vue'),
    meta: {
      requiresAuth: true,
      roles: ['employer'],
      titleKey: 'editor.editTitle',
      navKey: 'employerPositions',
    },
  },
];

/** The fair is public: graduates look before they sign up. */
const publicPages: RouteRecordRaw[] = [
  {
    path: 'fairs',
    name: 'fairs',
    component: () => import('@/views/fairs/list/FairListPage.vue'),
    meta: { titleKey: 'nav.items.fairs' },
  },
  {
    path: 'fairs/:fairId',
    name: 'fair',
    component: () => import('@/views/fairs/detail/FairDetailPage.vue'),
    meta: { titleKey: 'nav.items.fairs', navKey: 'fairs' },
  },
  {
    path: 'fairs/:fairId/positions/:positionId',
    name: 'fairPosition',
    component: () => import('@/views/fairs/position/PositionDetailPage.vue'),
    meta: { titleKey: 'positions.detail', navKey: 'fairs' },
  },
  {
    path: 'search',
    name: 'search',
    component: () => import('@/views/search/positions/PositionSearchPage.vue'),
    meta: { titleKey: 'nav.items.search' },
  },
];

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/login/LoginPage.vue'),
    meta: { guestOnly: true, titleKey: 'auth.login.title' },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('@/views/auth/register/RegisterPage.vue'),
    meta: { guestOnly: true, titleKey: 'auth.register.title' },
  },
  {
    // The layout serves guests too (the public fair pages); each private page asks for a session.
    path: '/',
    component: () => import('@/layouts/AppLayout.vue'),
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/views/home/HomePage.vue'),
        meta: { requiresAuth: true, titleKey: 'nav.home' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/views/common/forbidden/ForbiddenPage.vue'),
        meta: { requiresAuth: true, titleKey: 'forbidden.title' },
      },
      ...featureRoutes,
      ...subPages,
      ...pipelineSubPages,
      ...callSubPages,
      ...matchingSubPages,
      ...trainingSubPages,
      ...publicPages,
      ...trainingSubPages,
      ...trainingPublicPages,
      ...agencySubsidyPublicPages,
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/common/not-found/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.title' },
  },
];
