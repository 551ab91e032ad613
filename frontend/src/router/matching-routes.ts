import type { RouteComponent, RouteRecordRaw } from 'vue-router';

type Page = () => Promise<RouteComponent>;

/** 为你推荐 (a seeker menu page) and the employer's 候选人 page of one position. */
export const MATCHING_MENU_PAGES: Record<string, Page> = {
  seekerRecommendations: () => import('@/views/seeker/recommendations/RecommendationsPage.vue'),
};

export const matchingSubPages: RouteRecordRaw[] = [
  {
    path: 'employer/positions/:positionId/candidates',
    name: 'employerPositionCandidates',
    component: () => import('@/views/employer/pipeline/candidates/CandidatesPage.vue'),
    meta: {
      requiresAuth: true,
      roles: ['employer'],
      titleKey: 'matching.candidates.title',
      navKey: 'employerScreening',
    },
  },
];
