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
};

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
];

/** The player (issue 8 item 3): reached from 我的培训 with the trainee's enrolment. */
export const trainingSubPages: RouteRecordRaw[] = [
  {
    path: 'training/learn/:enrolmentId',
    name: 'trainingLearn',
    component: () => import('@/views/training/learn/LearningPlayerPage.vue'),
    meta: { requiresAuth: true, roles: ['trainee'], titleKey: 'learn.title', navKey: 'traineeCourses' },
  },
];
