import type { RouteComponent } from 'vue-router';

type Page = () => Promise<RouteComponent>;

/** 邀约 and interview scheduling pages (notification links point at /seeker/interviews and /employer/interviews). */
export const INTERVIEW_MENU_PAGES: Record<string, Page> = {
  seekerInterviews: () => import('@/views/seeker/interviews/SeekerInterviewsPage.vue'),
  employerInterviews: () => import('@/views/employer/interviews/EmployerInterviewsPage.vue'),
  organizerAssistedInterviews: () =>
    import('@/views/organizer/assisted-interviews/AssistedInterviewsPage.vue'),
};
