import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from '@platform/contracts';

export const REFRESH_COOKIE = 'pf_rt';
/** The access token as a cookie scoped to /admin, so browser navigation to Bull Board is authenticated. */
export const ADMIN_ACCESS_COOKIE = 'pf_at';

export function setSessionCookies(
  reply: FastifyReply,
  session: Session,
  secure: boolean,
  refreshDays: number,
): void {
  const base = { httpOnly: true, sameSite: 'strict' as const, secure };
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    ...base,
    path: '/api/auth',
    maxAge: refreshDays * 86_400,
  });
  reply.setCookie(ADMIN_ACCESS_COOKIE, session.accessToken, {
    ...base,
    path: '/admin',
    maxAge: session.expiresIn,
  });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
  reply.clearCookie(ADMIN_ACCESS_COOKIE, { path: '/admin' });
}

export function refreshTokenFrom(request: FastifyRequest, bodyToken?: string): string | undefined {
  return bodyToken ?? request.cookies?.[REFRESH_COOKIE];
}
