import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { apiRuntimeEnv } from './api-runtime.mjs';
import { log, portOpen, ROOT, waitFor } from './run.mjs';

/**
 * Starts the built api (serving the built SPA) and the worker as two processes, the way
 * production runs them, and returns a stop() that drains both.
 */
export async function startStack({ port, secondPort, env, logDir }) {
  if (await portOpen(port))
    throw new Error(
      `port ${port} is already taken; stop what listens there (ss -ltnp | grep :${port}) or set PORT`,
    );
  mkdirSync(logDir, { recursive: true });
  const common = { ...process.env, ...env, PORT: String(port), WEB_DIST_DIR: join(ROOT, 'frontend/dist') };
  // The api as production starts it: heap limit and malloc arenas (see api-runtime.mjs).
  const api = startProcess('api', ['backend/dist/main.js'], apiRuntimeEnv(common), logDir);
  await waitFor(() => portOpen(port), { timeoutMs: 60_000, what: `the api on port ${port}` }).catch(
    (error) => {
      api.kill('SIGKILL');
      throw new Error(`${error.message}; see ${join(logDir, 'api.log')}`);
    },
  );
  // A second api process on the same Redis and PostgreSQL, as behind a load balancer in production.
  let secondApi = null;
  if (secondPort) {
    if (await portOpen(secondPort)) throw new Error(`port ${secondPort} is already taken`);
    secondApi = startProcess(
      'api-2',
      ['backend/dist/main.js'],
      apiRuntimeEnv({ ...common, PORT: String(secondPort), SCHEDULE_REPEATABLE_JOBS: 'false' }),
      logDir,
    );
    await waitFor(() => portOpen(secondPort), {
      timeoutMs: 60_000,
      what: `the second api on port ${secondPort}`,
    });
  }
  const worker = startProcess(
    'worker',
    ['jobs/dist/main.js'],
    { ...common, SCHEDULE_REPEATABLE_JOBS: 'false' },
    logDir,
  );
  return {
    api,
    secondApi,
    worker,
    async stop() {
      await Promise.all([
        stopProcess(api),
        stopProcess(worker),
        ...(secondApi ? [stopProcess(secondApi)] : []),
      ]);
    },
  };
}

function startProcess(name, args, env, logDir) {
  const out = createWriteStream(join(logDir, `${name}.log`));
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.on('exit', (code, signal) => {
    if (code && code !== 0) log(`${name} exited with ${code}; see ${join(logDir, `${name}.log`)}`);
    else if (signal && signal !== 'SIGTERM') log(`${name} stopped by ${signal}`);
  });
  return child;
}

function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
