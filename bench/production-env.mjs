/** The key the benches sign access tokens with (a bench that mints its own tokens needs it). */
export const BENCH_JWT_SECRET = 'bench-only-secret-0123456789abcdef0123456789';

/**
 * What every bench gives the built api and worker: production mode, no repeatable jobs, and its
 * own secrets (production refuses the development ones; these are for throwaway databases only).
 * `own` names the bench's database, Redis db, prefixes and anything else it needs.
 */
export function productionEnv(own) {
  return {
    NODE_ENV: 'production',
    SCHEDULE_REPEATABLE_JOBS: 'false',
    JWT_ACCESS_SECRET: BENCH_JWT_SECRET,
    PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    PII_HASH_KEY: 'bench-only-hash-key-0123456789abcdef012345',
    LOG_LEVEL: 'warn',
    ...own,
  };
}
