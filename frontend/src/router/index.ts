import { createRouter, createWebHistory } from 'vue-router';
import { useAuthStore } from '@/stores/auth';
import { decideAccess } from './guard';
import { routes } from './routes';

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });
  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    // The first navigation waits for the refresh cookie, so a reload does not bounce to /login.
    await auth.restore();
    return decideAccess(to, { authenticated: auth.isAuthenticated, roles: auth.roles });
  });
  return router;
}
