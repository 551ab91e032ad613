import type { Role } from '@platform/contracts/roles';
import type { RouteLocationRaw } from 'vue-router';

/** The access rules a route declares in `meta` (merged from parent to child by vue-router). */
export interface AccessMeta {
  requiresAuth?: boolean;
  /** Login and register: a signed-in user has nothing to do there. */
  guestOnly?: boolean;
  /** Any one of these roles opens the route. */
  roles?: readonly Role[];
}

export interface Viewer {
  authenticated: boolean;
  roles: readonly Role[];
}

/** Where a navigation may go: true to proceed, or the route to send the user to instead. */
export function decideAccess(
  to: { fullPath: string; meta: AccessMeta },
  viewer: Viewer,
): true | RouteLocationRaw {
  if (to.meta.guestOnly && viewer.authenticated) return { name: 'home' };
  if (to.meta.requiresAuth && !viewer.authenticated) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } };
  }
  const needed = to.meta.roles ?? [];
  if (needed.length && !needed.some((role) => viewer.roles.includes(role))) {
    return { name: 'forbidden', query: { from: to.fullPath } };
  }
  return true;
}

/** The `redirect` query only ever leads inside this app: no other origin, no protocol-relative URL. */
export function safeRedirect(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return '/';
  }
  return value;
}
