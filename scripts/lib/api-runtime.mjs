/**
 * How the api process (backend/dist/main.js) is started, wherever it runs: `npm run demo`, the e2e
 * stack and the benches start it with this environment, and docker/Dockerfile.api sets the same
 * (backend/src/deployment/compose.spec.ts checks that they agree).
 *
 * Why (issue 6, bench/results/realtime.md): with 10,000 sockets connected the api holds ~200 MB of
 * live JS heap, but V8 sizes its heap from the machine's memory (a ~4 GB limit on a 16 GB+ host)
 * and then lets the old generation grow up to 4x the live size before a full collection, so the
 * garbage of each connect burst stayed resident and RSS climbed round after round (456 / 543 /
 * 818 MB). An explicit old-space limit also lowers V8's heap-growing factor (to ~1.5 at 768 MB),
 * so it collects sooner; 768 MB is still ~3.5x the live heap of 10,000 sockets. glibc gives
 * every thread that mallocs its own arena (up to 8 per core), and the native memory of socket
 * buffers left fragmented in them is not returned; two arenas keep it together.
 */
export const API_RUNTIME_ENV = Object.freeze({
  NODE_OPTIONS: '--max-old-space-size=768',
  MALLOC_ARENA_MAX: '2',
});

/** `env` with the api's runtime settings; options already in env's NODE_OPTIONS come after (and win). */
export function apiRuntimeEnv(env = process.env) {
  const own = env.NODE_OPTIONS?.trim();
  return {
    ...env,
    ...API_RUNTIME_ENV,
    NODE_OPTIONS: own ? `${API_RUNTIME_ENV.NODE_OPTIONS} ${own}` : API_RUNTIME_ENV.NODE_OPTIONS,
  };
}
