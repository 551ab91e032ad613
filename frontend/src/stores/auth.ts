import type { Role } from '@platform/contracts/roles';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '@/api/api-error';
import { api, connectAuth, unwrap } from '@/api/client';
import type { LoginBody, RegisterBody, Session, UserView } from '@/api/types';

/** Why the session went away: only an expiry sends the user back to the login page unasked. */
export type SessionEnd = 'logout' | 'expired';

/**
 * Set while this browser holds a session. A browser that never signed in, or signed out, skips
 * the refresh at page load: without a cookie it could only be refused, and the console reports
 * that 401 as a failed request on every first visit. Not a secret: the cookie stays the proof.
 */
const SIGNED_IN_KEY = 'auth.signedIn';

function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_KEY, '1');
    else localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // Storage may be off (a private window): restore() then simply always asks.
  }
}

function mayHoldSession(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) !== null;
  } catch {
    return true;
  }
}

/**
 * The signed-in user. The access token lives in memory only (never in storage a script
 * could read); a page load gets a new one from the httpOnly refresh cookie via restore().
 */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<UserView | null>(null);
  const endedBy = ref<SessionEnd | null>(null);
  let accessToken: string | null = null;
  let expiresAt = 0;
  let refreshing: Promise<string | null> | null = null;
  let restoring: Promise<void> | null = null;

  const isAuthenticated = computed(() => user.value !== null);
  const roles = computed<readonly Role[]>(() => user.value?.roles ?? []);

  function hasRole(...wanted: Role[]): boolean {
    return wanted.some((role) => roles.value.includes(role));
  }

  function adopt(session: Session): void {
    accessToken = session.accessToken;
    expiresAt = Date.now() + session.expiresIn * 1000;
    user.value = session.user;
    endedBy.value = null;
    rememberSignedIn(true);
  }

  function forget(reason: SessionEnd): void {
    const hadSession = user.value !== null;
    accessToken = null;
    expiresAt = 0;
    user.value = null;
    rememberSignedIn(false);
    if (hadSession) endedBy.value = reason;
  }

  async function login(body: LoginBody): Promise<UserView> {
    adopt(await unwrap(api.POST('/api/auth/login', { body })));
    return user.value!;
  }

  async function register(body: RegisterBody): Promise<UserView> {
    adopt(await unwrap(api.POST('/api/auth/register', { body })));
    return user.value!;
  }

  async function logout(): Promise<void> {
    try {
      if (accessToken) await unwrap(api.POST('/api/auth/logout'));
    } catch {
      // Signing out here matters more than telling the server; its session expires anyway.
    } finally {
      forget('logout');
    }
  }

  /** One refresh at a time, shared by every caller that hit an expired token meanwhile. */
  function refresh(): Promise<string | null> {
    refreshing ??= refreshOnce().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function refreshOnce(): Promise<string | null> {
    try {
      adopt(await acrossTabs(() => unwrap(api.POST('/api/auth/refresh', { body: {} }))));
      return accessToken;
    } catch (error) {
      // A refused cookie ends the session; a network blip leaves it for the next try.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) forget('expired');
      return null;
    }
  }

  /** Called once before the first navigation: a reload keeps the user signed in. */
  function restore(): Promise<void> {
    restoring ??= mayHoldSession() ? refresh().then(() => undefined) : Promise.resolve();
    return restoring;
  }

  /** True when the token (and the /admin cookie that mirrors it) is about to lapse. */
  function expiresWithin(seconds: number): boolean {
    return accessToken === null || expiresAt - Date.now() < seconds * 1000;
  }

  connectAuth({
    accessToken: () => accessToken,
    refresh,
    sessionEnded: () => forget('expired'),
  });

  return {
    user,
    endedBy,
    isAuthenticated,
    roles,
    hasRole,
    login,
    register,
    logout,
    refresh,
    restore,
    expiresWithin,
  };
});

/**
 * Refresh tokens rotate, so two tabs refreshing with the same cookie at once would look like
 * token theft to the server. The Web Locks API makes the tabs take turns where available.
 */
function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // lib.dom types the result as Promise<Promise<T>>; the runtime flattens it, and so does then().
  return locks ? locks.request('pf-auth-refresh', task).then((result) => result) : task();
}
