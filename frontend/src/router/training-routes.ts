import type { RouteComponent, RouteRecordRaw } from 'vue-router';

type Page = () => Promise<RouteComponent>;

const CourseCatalogPage: Page = () => import('@/views/training/catalog/CourseCatalogPage.vue');

/** The training menu pages (merged into MENU_PAGES): the trainee's catalogue and the staff's. */
export const TRAINING_MENU_PAGES: Record<string, Page> = {
  traineeCourses: CourseCatalogPage,
  organizerTraining: () => import('@/views/organizer/training/TrainingCataloguePage.vue'),
  adminTrainingPolicy: () => import('@/views/admin/training-policy/TrainingPolicyPage.vue'),
  traineeClaims: () => import('@/views/training/claims/MyClaimsPage.vue'),
  employerTraining: () => import('@/views/employer/training/EnterpriseTrainingPage.vue'),
  organizerTrainingClaims: () => import('@/views/organizer/training-claims/ClaimReviewPage.vue'),
  traineeTraining: () => import('@/views/trainee/training/MyTrainingPage.vue'),
  institutionClasses: () => import('@/views/institution/classes/InstitutionClassesPage.vue'),
  traineeLedger: () => import('@/views/trainee/ledger/LedgerPage.vue'),
  organizerCompletions: () => import('@/views/organizer/completions/CompletionsPage.vue'),
};

/**
 * Pages reached from a menu page: an institution's class roster (from 开班管理), one enrolment's
 * completion (from the ledger; the api checks it is the caller's or a reviewer's), the player.
 */
export const trainingSubPages: RouteRecordRaw[] = [
  {
    path: 'institution/classes/:classId',
    name: 'institutionClassRoster',
    component: () => import('@/views/institution/roster/ClassRosterPage.vue'),
    meta: {
      requiresAuth: true,
      roles: ['institution'],
      titleKey: 'roster.title',
      navKey: 'institutionClasses',
    },
  },
  {
    path: 'trainee/training/:enrolmentId/completion',
    name: 'traineeCompletion',
    component: () => import('@/views/trainee/completion/TraineeCompletionPage.vue'),
    meta: { requiresAuth: true, titleKey: 'completion.title', navKey: 'traineeLedger' },
  },
  // The player (issue 8 item 3): reached from 我的培训 with the trainee's enrolment.
  {
    path: 'training/learn/:enrolmentId',
    name: 'trainingLearn',
    component: () => import('@/views/training/learn/LearningPlayerPage.vue'),
    meta: { requiresAuth: true, roles: ['trainee'], titleKey: 'learn.title', navKey: 'traineeTraining' },
  },
];

const VerifyCertificatePage: Page = () => import('@/views/training/verify/VerifyCertificatePage.vue');

/** Anyone may browse the catalogue without an account (training.md E1). */
export const trainingPublicPages: RouteRecordRaw[] = [
  {
    path: 'courses',
    name: 'courses',
    component: CourseCatalogPage,
    meta: { titleKey: 'nav.items.courses' },
  },
  {
    path: 'training/notices',
    name: 'trainingNotices',
    component: () => import('@/views/training/notices/ClaimNoticesPage.vue'),
    meta: { titleKey: 'trainingClaims.noticesTitle' },
  },
  {
    path: 'courses/:courseId',
    name: 'course',
    component: () => import('@/views/training/course/CoursePage.vue'),
    meta: { titleKey: 'nav.items.courses', navKey: 'courses' },
  },
  // A verifier holding a 培训合格证明 needs no account.
  { path: 'verify', name: 'verify', component: VerifyCertificatePage, meta: { titleKey: 'verify.title' } },
  {
    path: 'verify/:code',
    name: 'verifyCode',
    component: VerifyCertificatePage,
    meta: { titleKey: 'verify.title', navKey: 'verify' },
  },
];
