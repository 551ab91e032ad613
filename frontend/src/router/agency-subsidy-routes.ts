import type { RouteRecordRaw } from 'vue-router';

/** The agency-subsidy menu pages (merged into MENU_PAGES) and the public 公示 list. */
export const AGENCY_SUBSIDY_MENU_PAGES = {
  agencySubsidies: () => import('@/views/agency/subsidies/AgencySubsidiesPage.vue'),
  organizerAgencySubsidies: () => import('@/views/organizer/agency-subsidies/AgencySubsidyReviewPage.vue'),
  organizerActivityRecords: () => import('@/views/organizer/activity-records/ActivityRecordsPage.vue'),
  adminUsers: () => import('@/views/admin/users/StaffPermissionsPage.vue'),
};

export const agencySubsidyPublicPages: RouteRecordRaw[] = [
  {
    path: 'subsidy-notices',
    name: 'subsidyNotices',
    component: () => import('@/views/subsidy-notices/SubsidyNoticesPage.vue'),
    meta: { titleKey: 'nav.items.subsidyNotices' },
  },
];
