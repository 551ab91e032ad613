import type { RouteRecordRaw } from 'vue-router';
import { NAV_SECTIONS } from '@/navigation/nav-items';
import type { AccessMeta } from './guard';

declare module 'vue-router' {
  interface RouteMeta extends AccessMeta {
    /** i18n key of the page title (browser tab, headings). */
    titleKey?: string;
  }
}

const ComingSoonPage = () => import('@/views/common/coming-soon/ComingSoonPage.vue');

/** Every menu entry that is not built yet opens the honest "being built" page, guarded by its role. */
const featureRoutes: RouteRecordRaw[] = NAV_SECTIONS.flatMap((section) =>
  section.items
    .filter((item) => item.path)
    .map((item) => ({
      path: item.path!,
      name: item.key,
      component: ComingSoonPage,
      meta: { roles: [section.role], titleKey: `nav.items.${item.key}` },
    })),
);

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
    path: '/',
    component: () => import('@/layouts/AppLayout.vue'),
    meta: { requiresAuth: true },
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/views/home/HomePage.vue'),
        meta: { titleKey: 'nav.home' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/views/common/forbidden/ForbiddenPage.vue'),
        meta: { titleKey: 'forbidden.title' },
      },
      ...featureRoutes,
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/common/not-found/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.title' },
  },
];
