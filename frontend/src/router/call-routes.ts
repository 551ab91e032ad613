import type { RouteComponent, RouteRecordRaw } from 'vue-router';

type Page = () => Promise<RouteComponent>;

/** Live interviews: the queue pages behind the menu, and the call page reached from them. */
export const CALL_MENU_PAGES: Record<string, Page> = {
  seekerQueues: () => import('@/views/seeker/queues/SeekerQueuesPage.vue'),
  employerBooth: () => import('@/views/employer/booth/BoothConsolePage.vue'),
  organizerLive: () => import('@/views/organizer/live/FairLivePage.vue'),
};

export const callSubPages: RouteRecordRaw[] = [
  {
    // Notification links point here (叫号, interview invitations); the path must not move.
    path: 'interviews/call/:callId',
    name: 'interviewCall',
    component: () => import('@/views/calls/call/CallPage.vue'),
    meta: { requiresAuth: true, roles: ['seeker', 'employer'], titleKey: 'calls.call.title' },
  },
];
