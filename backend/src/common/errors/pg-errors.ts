import { DatabaseError } from 'pg';

/** A unique-index violation, optionally of one named constraint (drizzle wraps the pg error as `cause`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error instanceof DatabaseError ? error : (error as { cause?: unknown })?.cause;
  return (
    pgError instanceof DatabaseError &&
    pgError.code === '23505' &&
    (!constraint || pgError.constraint === constraint)
  );
}
