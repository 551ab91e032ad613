import createClient from 'openapi-fetch';
import { ApiError, isErrorBody } from './api-error';
import type { paths } from './schema';

/** What the client needs from whoever holds the session (the auth store). */
export interface AuthHooks {
  accessToken(): string | null;
  /** Gets a new access token; concurrent callers must share one refresh. Null when signed out. */
  refresh(): Promise<string | null>;
  /** The server rejected the session for good (revoked, invalid): forget it. */
  sessionEnded(): void;
}

let auth: AuthHooks | null = null;

export function connectAuth(hooks: AuthHooks | null): void {
  auth = hooks;
}

/** The current access token, for the one caller that cannot go through fetch: the live socket. */
export function currentAccessToken(): string | null {
  return auth?.accessToken() ?? null;
}

// A 401 from these means wrong password or a dead refresh token; a refresh cannot fix that.
const NO_RETRY_PATHS = new Set(['/api/auth/login', '/api/auth/register', '/api/auth/refresh']);

/**
 * fetch with the Bearer token; after a 401 AUTH_TOKEN_EXPIRED it refreshes once and
 * replays the request on a copy taken before the body was sent.
 */
async function authedFetch(request: Request): Promise<Response> {
  const token = auth?.accessToken() ?? null;
  const replay = token ? request.clone() : null;
  const response = await send(request, token);
  if (response.status !== 401 || !replay || !auth || NO_RETRY_PATHS.has(new URL(request.url).pathname)) {
    return response;
  }
  const code = await errorCodeOf(response);
  if (code !== 'AUTH_TOKEN_EXPIRED') {
    auth.sessionEnded();
    return response;
  }
  const fresh = await auth.refresh();
  return fresh ? send(replay, fresh) : response;
}

function send(request: Request, token: string | null): Promise<Response> {
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  // Looked up per call rather than captured, so tests can stub the global.
  return globalThis.fetch(request);
}

async function errorCodeOf(response: Response): Promise<string | undefined> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  return isErrorBody(body) ? body.code : undefined;
}

/** The one request client. Same origin: the api serves the app, and Vite proxies in dev. */
export const api = createClient<paths>({
  baseUrl: import.meta.env.VITE_API_BASE_URL ?? '',
  credentials: 'include',
  fetch: authedFetch,
});

type Result<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<T>(call: Result<T>): Promise<T> {
  let result: Awaited<Result<T>>;
  try {
    result = await call;
  } catch (cause) {
    throw ApiError.fromNetwork(cause);
  }
  if (!result.response.ok) throw ApiError.fromResponse(result.error, result.response.status);
  return result.data as T;
}
