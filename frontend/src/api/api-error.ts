import type { ErrorCode } from '@platform/contracts/error-codes';

/** Codes the browser makes up itself when no `{ code, message, details }` body came back. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/**
 * An error from the api, carrying the stable `code` the UI branches on. The code stays a
 * string as well, because a newer server may send a code this build does not know yet.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode | (string & {}),
    message: string,
    readonly details: unknown = undefined,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Builds the error from whatever the server sent back, JSON body or not. */
  static fromResponse(body: unknown, status: number): ApiError {
    if (isErrorBody(body)) return new ApiError(body.code, body.message, body.details, status);
    const text = typeof body === 'string' && body.length < 300 ? body : `HTTP ${status}`;
    return new ApiError(status >= 500 ? 'INTERNAL_ERROR' : 'UNEXPECTED_RESPONSE', text, undefined, status);
  }

  /** Wraps a failed fetch (offline, DNS, CORS) so callers handle one error type. */
  static fromNetwork(cause: unknown): ApiError {
    const message = cause instanceof Error ? cause.message : String(cause);
    return new ApiError('NETWORK_ERROR', message, undefined, 0);
  }
}

export function isErrorBody(body: unknown): body is { code: string; message: string; details?: unknown } {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}
