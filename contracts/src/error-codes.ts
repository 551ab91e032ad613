/**
 * Stable error codes. Clients branch on these, never on messages; never rename one.
 * Every error leaves the api as `{ code, message, details }`.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  AUTH_WEAK_PASSWORD: 400,
  AUTH_IDENTIFIER_REQUIRED: 400,
  AUTH_UNAUTHENTICATED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_TOKEN_EXPIRED: 401,
  AUTH_TOKEN_INVALID: 401,
  AUTH_REFRESH_INVALID: 401,
  AUTH_REFRESH_REUSED: 401,
  AUTH_SESSION_REVOKED: 401,
  AUTH_ACCOUNT_DISABLED: 403,
  FORBIDDEN_ROLE: 403,
  FORBIDDEN_NOT_OWNER: 403,
  NOT_FOUND: 404,
  AUTH_PHONE_TAKEN: 409,
  AUTH_EMAIL_TAKEN: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  AUTH_TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code];
}
