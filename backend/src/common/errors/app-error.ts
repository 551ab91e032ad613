import { ErrorCode, httpStatusOf } from '@platform/contracts';

/** A failure a client can act on: a stable code, a human message and optional details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return httpStatusOf(this.code);
  }
}
