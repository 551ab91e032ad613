#!/usr/bin/env node
// The local Elasticsearch 8 engine: one real ES node (the server's own Node class, built from the
// artifacts Elastic publishes on Maven Central) started in the background by a small Java launcher
// in this folder. No Docker, no downloads other than Maven Central.
//
//   node search/engine/engine.mjs up [--port 9200] [--heap 1g] [--data-dir DIR]
//   node search/engine/engine.mjs status | down
//
// Plain Node ESM without dependencies, so the services script can import it before `npm install`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ENGINE_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(ENGINE_DIR, '../..');
const BUILD_DIR = path.join(ROOT, '.data', 'engine');
const DEFAULT_HOME = path.join(ROOT, '.data', 'elasticsearch');
const DEFAULT_PORT = 9200;
const DEFAULT_HEAP = '1g';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 45_000;
const MAIN_CLASS = 'platform.engine.EngineMain';
const MIN_JAVA = 17;
const TAGLINE = 'You Know, for Search';

const say = (message) => console.log(`\x1b[36m›\x1b[0m ${message}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function layout(dataDir) {
  const home = path.resolve(dataDir ?? DEFAULT_HOME);
  return { home, pidFile: path.join(home, 'engine.pid'), logFile: path.join(home, 'logs', 'engine.log') };
}

// ---------------------------------------------------------------- HTTP probes

/** fetch() refuses URLs with credentials, so user:pass moves into an Authorization header. */
function request(url, pathname, timeoutMs = 2000) {
  const target = new URL(pathname, url);
  const headers = {};
  if (target.username) {
    const user = decodeURIComponent(target.username);
    const pass = decodeURIComponent(target.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    target.username = '';
    target.password = '';
  }
  return fetch(target, { headers, signal: AbortSignal.timeout(timeoutMs) });
}

/**
 * What answers at url: { es: true, version, ... } for Elasticsearch, { es: false, detail } for
 * something else, null when nothing answers at all.
 */
async function probe(url) {
  let response;
  try {
    response = await request(url, '/');
  } catch {
    return null;
  }
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    if (body?.tagline === TAGLINE && body.version?.number) {
      return { es: true, version: body.version.number, name: body.name, cluster: body.cluster_name };
    }
  } catch {
    // not JSON: certainly not Elasticsearch
  }
  return { es: false, detail: `HTTP ${response.status} ${text.slice(0, 80).replace(/\s+/g, ' ')}` };
}

async function clusterHealth(url, timeoutMs = 2000) {
  try {
    const response = await request(url, '/_cluster/health?wait_for_status=yellow&timeout=1s', timeoutMs);
    return response.ok ? (await response.json()).status : null;
  } catch {
    return null;
  }
}

function portInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.createConnection({ port, host });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const shortPath = (p) => (path.relative(ROOT, p).startsWith('..') ? p : path.relative(ROOT, p));
const redact = (url) => url.replace(/\/\/[^@/]*@/, '//***@');
const isLocalUrl = (url) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
const majorOf = (version) => Number.parseInt(version, 10);

// ---------------------------------------------------------------- process bookkeeping

function readPid(pidFile) {
  const pid = Number.parseInt(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8') : '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function alive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The launcher's command line, or null when pid is not our launcher (gone, or a recycled pid). */
function engineCommand(pid) {
  if (!alive(pid)) return null;
  const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  return ps.status === 0 && ps.stdout.includes(MAIN_CLASS) ? ps.stdout : null;
}

const isEngine = (pid) => engineCommand(pid) !== null;

function logTail(logFile, lines = 40) {
  if (!fs.existsSync(logFile)) return '(no log written)';
  return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** One `up` at a time builds and spawns; the others wait for the node it starts. */
async function withLock(fn) {
  const lock = path.join(BUILD_DIR, 'up.lock');
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  const deadline = Date.now() + START_TIMEOUT_MS * 2;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = readPid(path.join(lock, 'pid'));
      if (owner && !alive(owner)) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline)
        throw new Error(`${lock} is held by process ${owner}; remove it if that is stale`);
      else await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- tools and build

function javaCommand() {
  const fromHome = process.env.JAVA_HOME && path.join(process.env.JAVA_HOME, 'bin', 'java');
  return fromHome && fs.existsSync(fromHome) ? fromHome : 'java';
}

function requireTools() {
  const java = javaCommand();
  const version = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error(
      `Java ${MIN_JAVA}+ is needed to run the local Elasticsearch (tried "${java}"): install a JDK (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME, or point ELASTICSEARCH_URL at a running cluster.`,
    );
  }
  const major = Number.parseInt(/version "(?:1\.)?(\d+)/.exec(version.stderr)?.[1] ?? '0', 10);
  if (major < MIN_JAVA)
    throw new Error(
      `"${java}" is Java ${major}; the local Elasticsearch needs Java ${MIN_JAVA}+ (set JAVA_HOME).`,
    );
  if (spawnSync('mvn', ['-v'], { encoding: 'utf8' }).status !== 0) {
    throw new Error(
      'Maven ("mvn") is needed once to fetch Elasticsearch from Maven Central and build the launcher: install it (apt-get install maven) or point ELASTICSEARCH_URL at a running cluster.',
    );
  }
  return java;
}

/** Hash of everything the launcher jar is built from. */
function sourceFingerprint() {
  const hash = createHash('sha256');
  const files = [path.join(ENGINE_DIR, 'pom.xml')];
  const walk = (dir) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(ENGINE_DIR, 'src'));
  for (const file of files)
    hash.update(path.relative(ENGINE_DIR, file)).update('\0').update(fs.readFileSync(file));
  return hash.digest('hex');
}

/** The jar Maven packaged under target/ (named from the pom's artifactId and version), if any. */
function launcherJar() {
  const target = path.join(ENGINE_DIR, 'target');
  const jar =
    fs.existsSync(target) &&
    fs.readdirSync(target).find((f) => f.startsWith('platform-search-engine-') && f.endsWith('.jar'));
  return jar ? path.join(target, jar) : null;
}

/** Builds with Maven only when the jar or the classpath is missing or a source changed. */
function ensureBuilt() {
  const stateFile = path.join(BUILD_DIR, 'build.json');
  const classpathFile = path.join(BUILD_DIR, 'classpath.txt');
  const jar = launcherJar();
  const fingerprint = sourceFingerprint();
  const state = fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, 'utf8')) : {};
  const readClasspath = () =>
    `${launcherJar()}${path.delimiter}${fs.readFileSync(classpathFile, 'utf8').trim()}`;
  if (state.fingerprint === fingerprint && jar && fs.existsSync(classpathFile)) {
    const classpath = readClasspath();
    if (classpath.split(path.delimiter).every((entry) => fs.existsSync(entry))) return classpath;
  }

  say(
    'building the engine launcher with Maven (Elasticsearch comes from Maven Central unless already in ~/.m2)',
  );
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  const buildLog = path.join(BUILD_DIR, 'build.log');
  const started = Date.now();
  const mvn = spawnSync(
    'mvn',
    [
      '-B',
      '-f',
      path.join(ENGINE_DIR, 'pom.xml'),
      'package',
      'dependency:build-classpath',
      '-Dmdep.includeScope=runtime',
      `-Dmdep.outputFile=${classpathFile}`,
    ],
    { cwd: ENGINE_DIR, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  fs.writeFileSync(buildLog, `${mvn.stdout ?? ''}${mvn.stderr ?? ''}`);
  if (mvn.status !== 0) {
    throw new Error(`Maven build of the engine failed (full log: ${buildLog}):\n${logTail(buildLog, 30)}`);
  }
  fs.writeFileSync(
    stateFile,
    `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  say(`engine launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return readClasspath();
}

// ---------------------------------------------------------------- start and wait

function rotate(logFile) {
  if (fs.existsSync(logFile) && fs.statSync(logFile).size > 20 * 1024 * 1024)
    fs.renameSync(logFile, `${logFile}.1`);
}

function spawnEngine({ java, classpath, home, pidFile, logFile, port, heap }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  rotate(logFile);
  const out = fs.openSync(logFile, 'a');
  fs.writeSync(
    out,
    `\n===== ${new Date().toISOString()} engine.mjs starting Elasticsearch on port ${port} =====\n`,
  );
  const args = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-Dfile.encoding=UTF-8',
    // as in Elasticsearch's own jvm.options: the node closes logging itself, after its last words
    '-Dlog4j.shutdownHookEnabled=false',
    '-Dlog4j2.disable.jmx=true',
    '-cp',
    classpath,
    MAIN_CLASS,
    '--home',
    home,
    '--http-port',
    String(port),
  ];
  const child = spawn(java, args, { cwd: ROOT, detached: true, stdio: ['ignore', out, out] });
  child.unref();
  fs.closeSync(out);
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  return child.pid;
}

async function waitHealthy({ url, pid, spawned, logFile, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) {
      throw new Error(`Elasticsearch exited during start-up. Last lines of ${logFile}:\n${logTail(logFile)}`);
    }
    const status = await clusterHealth(url);
    if (status === 'yellow' || status === 'green') return status;
    await sleep(500);
  }
  if (spawned) await stopPid(pid);
  throw new Error(
    `Elasticsearch did not become healthy within ${timeoutMs / 1000} s${spawned ? ' and was stopped' : ''}. Last lines of ${logFile}:\n${logTail(logFile)}`,
  );
}

async function stopPid(pid) {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (alive(pid) && Date.now() < deadline) await sleep(250);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  while (alive(pid)) await sleep(100);
}

// ---------------------------------------------------------------- public API

/**
 * Makes sure an Elasticsearch 8 answers and returns { url, version, started, external }.
 * ELASTICSEARCH_URL wins when it answers; otherwise a local node is started on 127.0.0.1:port.
 */
export async function engineUp({
  dataDir,
  port = DEFAULT_PORT,
  heap = DEFAULT_HEAP,
  timeoutMs = START_TIMEOUT_MS,
} = {}) {
  const configured = process.env.ELASTICSEARCH_URL;
  if (configured) {
    const found = await probe(configured);
    if (found?.es) {
      say(`Elasticsearch ${found.version} answers at ELASTICSEARCH_URL ${redact(configured)}`);
      return { url: configured, version: found.version, started: false, external: true };
    }
    if (!isLocalUrl(configured)) {
      throw new Error(
        `ELASTICSEARCH_URL=${redact(configured)} does not answer as Elasticsearch (${found?.detail ?? 'no connection'}); fix it or unset it to use the local engine.`,
      );
    }
    port = Number(new URL(configured).port || 80);
  }

  const url = `http://127.0.0.1:${port}`;
  const { home, pidFile, logFile } = layout(dataDir);
  const running = await probe(url);
  if (running?.es) {
    if (majorOf(running.version) !== 8)
      throw new Error(
        `port ${port} has Elasticsearch ${running.version}; the platform needs 8.x. Stop it or set ELASTICSEARCH_URL.`,
      );
    say(`Elasticsearch ${running.version} answers on ${url}`);
    return { url, version: running.version, started: false, external: false };
  }

  const started = Date.now();
  const { pid, spawned } = await withLock(async () => {
    const existing = readPid(pidFile);
    const command = engineCommand(existing);
    if (command) {
      // started a moment ago by another `up`: wait for it, unless it serves another port
      const itsPort = Number(/--http-port (\d+)/.exec(command)?.[1] ?? DEFAULT_PORT);
      if (itsPort !== port) {
        throw new Error(
          `the engine for ${home} already runs (pid ${existing}) on port ${itsPort}; stop it first (engine.mjs down) or use another --data-dir.`,
        );
      }
      return { pid: existing, spawned: false };
    }
    if (await portInUse(port)) {
      const what = (await probe(url))?.detail ?? 'it does not speak HTTP';
      throw new Error(
        `port ${port} is taken by something that is not Elasticsearch (${what}). Free port ${port} (see: ss -ltnp | grep ${port}) or set ELASTICSEARCH_URL.`,
      );
    }
    const java = requireTools();
    const classpath = ensureBuilt();
    say(`starting Elasticsearch on ${url} (data ${shortPath(home)}, log ${shortPath(logFile)})`);
    return { pid: spawnEngine({ java, classpath, home, pidFile, logFile, port, heap }), spawned: true };
  });
  const health = await waitHealthy({ url, pid, spawned, logFile, timeoutMs });
  const info = await probe(url);
  say(
    `Elasticsearch ${info?.version} is ${health} on ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { url, version: info?.version, started: true, external: false };
}

/** Stops the node this script started (by its pid file); does nothing when none runs. */
export async function engineDown({ dataDir } = {}) {
  const { pidFile } = layout(dataDir);
  const pid = readPid(pidFile);
  if (!isEngine(pid)) {
    fs.rmSync(pidFile, { force: true });
    say('local Elasticsearch is not running');
    return false;
  }
  say(`stopping local Elasticsearch (pid ${pid})`);
  await stopPid(pid);
  fs.rmSync(pidFile, { force: true });
  say('local Elasticsearch stopped');
  return true;
}

/** Prints one status line; returns { url, version, tagline, health } or null when not up. */
export async function engineStatus({ port = DEFAULT_PORT } = {}) {
  const url = process.env.ELASTICSEARCH_URL || `http://127.0.0.1:${port}`;
  const found = await probe(url);
  if (!found?.es) {
    console.log(
      `✗ Elasticsearch ${redact(url)}: ${found ? `not Elasticsearch (${found.detail})` : 'not answering'}`,
    );
    return null;
  }
  const health = await clusterHealth(url);
  console.log(
    `✓ Elasticsearch ${found.version} ${redact(url)} cluster "${found.cluster}" health ${health ?? 'unknown'} — "${TAGLINE}"`,
  );
  return { url, version: found.version, tagline: TAGLINE, health };
}

// ---------------------------------------------------------------- CLI

function parseFlags(argv) {
  const flags = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!['port', 'heap', 'data-dir'].includes(name) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option "${argv[i]}": use --port N, --heap 1g, --data-dir DIR`);
    }
    flags[name] = argv[i + 1];
  }
  return { port: flags.port ? Number(flags.port) : undefined, heap: flags.heap, dataDir: flags['data-dir'] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command = 'status', ...rest] = process.argv.slice(2);
  try {
    const flags = parseFlags(rest);
    const clean = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
    if (command === 'up') await engineUp(clean);
    else if (command === 'down') await engineDown(clean);
    else if (command === 'status') process.exitCode = (await engineStatus(clean)) ? 0 : 1;
    else throw new Error(`unknown command "${command}": use up, down or status`);
  } catch (error) {
    console.error(`\x1b[31m✗ ${error.message}\x1b[0m`);
    process.exitCode = 1;
  }
}
