import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { ConfigSchema, DEV_SECRETS } from '../config/config.schema';

/**
 * Docker does not run on the development machines, so docker/ is kept true by reading it: the
 * deployment must set exactly the variables the api and the worker read (ConfigSchema), document
 * them, and wire health checks, start order and the Elasticsearch cluster correctly.
 */

const REPO = resolve(__dirname, '../../..');
const DOCKER = resolve(REPO, 'docker');
const SCHEMA_KEYS = Object.keys(ConfigSchema.shape).sort();
const REQUIRED_SERVICES = [
  'api-1',
  'api-2',
  'worker-1',
  'worker-2',
  'web',
  'postgres',
  'redis',
  'es01',
  'es02',
  'es03',
];
const APP_SERVICES = ['api-1', 'api-2', 'worker-1', 'worker-2'];
const ES_NODES = ['es01', 'es02', 'es03'];
/** Variables of the infrastructure (compose only), as opposed to the application's own. */
const INFRA_VARIABLE = /^(POSTGRES|REDIS|ES|NGINX|IMAGE|TURN)_[A-Z0-9_]+$/;
const SECRETS = Object.keys(DEV_SECRETS);

type Service = {
  environment?: Record<string, string> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition?: string }> | string[];
  networks?: string[] | Record<string, { aliases?: string[] } | null>;
  build?: { context?: string; dockerfile?: string };
  ulimits?: Record<string, { soft: number; hard: number } | number>;
  stop_grace_period?: string;
  profiles?: string[];
};
type Compose = { services: Record<string, Service> };

const readDocker = (file: string) => readFileSync(resolve(DOCKER, file), 'utf8');
// `merge: true` applies YAML merge keys (`<<: *app-env`) the way Docker Compose does.
const compose = parse(readDocker('compose.yml'), { merge: true }) as Compose;
const envExample = parseEnvFile(readDocker('.env.example'));
const readmeRows = environmentTableRows(readDocker('README.md'));

function parseEnvFile(text: string): Map<string, string> {
  const entries = text
    .split('\n')
    .map((line) => /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1], match[2]] as const);
  return new Map(entries);
}

/** Rows of the tables under "## Environment variables": variable name -> cells after the name. */
function environmentTableRows(readme: string): Map<string, string[]> {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Environment variables')) ?? '';
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const name = /^`([A-Z][A-Z0-9_]*)`$/.exec(cells[0] ?? '')?.[1];
    if (name) rows.set(name, cells.slice(1));
  }
  return rows;
}

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (!Array.isArray(env))
    return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]));
  return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
}

const VARIABLE_REFERENCE =
  /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Docker Compose interpolation: ${V}, ${V:-default}, ${V-default}, ${V:?error}, ${V?error}, ${V:+alt}, $$. */
function interpolate(value: string, vars: Map<string, string>): string {
  return value.replace(VARIABLE_REFERENCE, (whole, braced?: string, op?: string, arg = '', bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare)!;
    const set = vars.get(name);
    const present = op?.startsWith(':') ? !!set : set !== undefined;
    if (op?.endsWith('-')) return present ? set! : arg;
    if (op?.endsWith('?')) {
      if (!present) throw new Error(`required variable ${name} is missing: ${arg}`);
      return set!;
    }
    if (op?.endsWith('+')) return present ? arg : '';
    return set ?? '';
  });
}

function referencedVariables(node: unknown, found = new Set<string>()): Set<string> {
  if (typeof node === 'string') {
    for (const match of node.matchAll(VARIABLE_REFERENCE))
      if (match[0] !== '$$') found.add((match[1] ?? match[4])!);
  } else if (node && typeof node === 'object') {
    for (const value of Object.values(node)) referencedVariables(value, found);
  }
  return found;
}

/** Variables compose.yml insists on (`${V:?…}`): the deployment cannot start without them. */
function requiredVariables(node: unknown): Set<string> {
  const text = JSON.stringify(node);
  return new Set(
    [...text.matchAll(VARIABLE_REFERENCE)]
      .filter((match) => match[2]?.endsWith('?'))
      .map((match) => match[1]!),
  );
}

/** .env.example with its empty secrets filled in, as an operator would. */
function filledEnv(): Map<string, string> {
  const vars = new Map(envExample);
  vars.set('JWT_ACCESS_SECRET', randomBytes(32).toString('hex'));
  vars.set('PII_ENCRYPTION_KEY', randomBytes(32).toString('base64'));
  vars.set('PII_HASH_KEY', randomBytes(32).toString('hex'));
  vars.set('POSTGRES_PASSWORD', randomBytes(16).toString('hex'));
  vars.set('REDIS_PASSWORD', randomBytes(16).toString('hex'));
  return vars;
}

function resolvedEnvironment(name: string, vars: Map<string, string>): Record<string, string> {
  const env = environmentOf(compose.services[name]);
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, interpolate(value, vars)]));
}

function networksOf(service: Service): Map<string, string[]> {
  const networks = service.networks ?? ['default'];
  if (Array.isArray(networks)) return new Map(networks.map((network) => [network, []]));
  return new Map(Object.entries(networks).map(([network, options]) => [network, options?.aliases ?? []]));
}

/** Host names a service can resolve: service names and aliases on the networks it is attached to. */
function reachableHosts(from: string): Set<string> {
  const own = networksOf(compose.services[from]);
  const hosts = new Set<string>();
  for (const [name, service] of Object.entries(compose.services)) {
    for (const [network, aliases] of networksOf(service)) {
      if (own.has(network)) [name, ...aliases].forEach((host) => hosts.add(host));
    }
  }
  return hosts;
}

function seconds(duration: string | undefined): number {
  const match = /^(\d+)(ms|s|m)?$/.exec(duration ?? '10s');
  if (!match) throw new Error(`unreadable duration ${duration}`);
  return Number(match[1]) * ({ ms: 0.001, s: 1, m: 60 }[match[2] ?? 's'] ?? 1);
}

function dependencyConditions(service: Service): Record<string, string | undefined> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(deps).map(([name, dep]) => [name, dep?.condition]));
}

describe('docker/compose.yml', () => {
  it('defines every service of the deployment', () => {
    const missing = REQUIRED_SERVICES.filter((name) => !compose.services?.[name]);
    expect(missing).toEqual([]);
  });

  it.each(APP_SERVICES)('gives %s exactly the keys of ConfigSchema', (name) => {
    const keys = Object.keys(environmentOf(compose.services[name]));
    expect({
      missing: SCHEMA_KEYS.filter((key) => !keys.includes(key)),
      unknown: keys.filter((key) => !SCHEMA_KEYS.includes(key)),
    }).toEqual({
      missing: [],
      unknown: [],
    });
  });

  it.each(APP_SERVICES)('starts %s with a valid production configuration from .env.example', (name) => {
    const env = resolvedEnvironment(name, filledEnv());
    const config = loadConfig(env);
    expect(config.NODE_ENV).toBe('production');
    expect(config.WEB_DIST_DIR).toBe('');
    const hosts = [config.DATABASE_URL, config.REDIS_URL, config.ELASTICSEARCH_URL].map(
      (url) => new URL(url).hostname,
    );
    const reachable = reachableHosts(name);
    expect(hosts.filter((host) => !reachable.has(host))).toEqual([]);
  });

  it.each(APP_SERVICES)(
    'starts %s with compose defaults when docker/.env sets only the required variables',
    (name) => {
      const all = filledEnv();
      const required = new Map([...requiredVariables(compose)].map((key) => [key, all.get(key) ?? '']));
      expect(loadConfig(resolvedEnvironment(name, required)).NODE_ENV).toBe('production');
    },
  );

  it.each(SECRETS)('refuses to start without %s', (secret) => {
    const vars = filledEnv();
    vars.delete(secret);
    for (const name of APP_SERVICES) expect(() => resolvedEnvironment(name, vars)).toThrow(secret);
  });

  it('lets at least one api node schedule the repeatable jobs', () => {
    const vars = filledEnv();
    const scheduling = APP_SERVICES.filter(
      (name) =>
        name.startsWith('api-') && loadConfig(resolvedEnvironment(name, vars)).SCHEDULE_REPEATABLE_JOBS,
    );
    expect(scheduling.length).toBeGreaterThan(0);
  });

  it.each(APP_SERVICES)('lets %s drain for SHUTDOWN_TIMEOUT_MS before Docker kills it', (name) => {
    const config = loadConfig(resolvedEnvironment(name, filledEnv()));
    expect(seconds(compose.services[name].stop_grace_period) * 1000).toBeGreaterThan(
      config.SHUTDOWN_TIMEOUT_MS,
    );
  });

  it('has a health check on every service', () => {
    const without = Object.entries(compose.services)
      .filter(([, service]) => !service.healthcheck?.test?.length || service.healthcheck.disable)
      .map(([name]) => name);
    expect(without).toEqual([]);
  });

  it.each(APP_SERVICES)('starts %s only once postgres, redis and es01 are healthy', (name) => {
    const conditions = dependencyConditions(compose.services[name]);
    for (const dependency of ['postgres', 'redis', 'es01'])
      expect(conditions[dependency], dependency).toBe('service_healthy');
  });

  it('forms one three-node Elasticsearch cluster', () => {
    const vars = filledEnv();
    const nodes = ES_NODES.map((name) => ({
      name,
      env: resolvedEnvironment(name, vars),
      service: compose.services[name],
    }));
    const list = (value: string | undefined) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
        .sort();
    for (const { name, env, service } of nodes) {
      expect(env['node.name'], name).toBe(name);
      expect(list(env['cluster.initial_master_nodes']), name).toEqual(ES_NODES);
      expect([...new Set([name, ...list(env['discovery.seed_hosts'])])].sort(), name).toEqual(ES_NODES);
      expect(env['cluster.name'], name).toBe(nodes[0].env['cluster.name']);
      // Elasticsearch's bootstrap checks: equal -Xms/-Xmx, and memlock unlimited when memory_lock is on.
      const heap = /-Xms(\S+)/.exec(env.ES_JAVA_OPTS ?? '')?.[1];
      expect(heap, name).toBeTruthy();
      expect(env.ES_JAVA_OPTS, name).toContain(`-Xmx${heap}`);
      if (env['bootstrap.memory_lock'] === 'true')
        expect(service.ulimits?.memlock, name).toEqual({ soft: -1, hard: -1 });
    }
    const dataVolumes = nodes.map(({ service }) =>
      (service as { volumes?: string[] }).volumes?.find((v) => v.endsWith(':/usr/share/elasticsearch/data')),
    );
    expect(new Set(dataVolumes).size).toBe(ES_NODES.length);
  });

  it('lets nginx reach every api node', () => {
    const upstreamHosts = [...readDocker('nginx.conf').matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map(
      (match) => match[1],
    );
    const apiNodes = Object.keys(compose.services).filter((name) => name.startsWith('api-'));
    expect([...new Set(upstreamHosts)].sort()).toEqual(apiNodes.sort());
    const reachable = reachableHosts('web');
    expect(apiNodes.filter((name) => !reachable.has(name))).toEqual([]);
  });
});

describe('documentation of the variables', () => {
  const isKnown = (name: string) => SCHEMA_KEYS.includes(name) || INFRA_VARIABLE.test(name);
  const composeVariables = [...referencedVariables(compose)].sort();

  it('lists in .env.example only ConfigSchema keys and infrastructure variables', () => {
    expect([...envExample.keys()].filter((name) => !isKnown(name))).toEqual([]);
  });

  it('lists in .env.example every variable compose.yml reads, and only those', () => {
    expect(composeVariables.filter((name) => !envExample.has(name))).toEqual([]);
    // A variable compose never reads would be set by the operator and silently ignored.
    expect([...envExample.keys()].filter((name) => !composeVariables.includes(name))).toEqual([]);
  });

  it('documents every ConfigSchema key in the README table', () => {
    expect(SCHEMA_KEYS.filter((key) => !readmeRows.has(key))).toEqual([]);
  });

  it('documents in the README table every variable compose.yml reads, and nothing unknown', () => {
    expect(composeVariables.filter((name) => !readmeRows.has(name))).toEqual([]);
    expect([...readmeRows.keys()].filter((name) => !isKnown(name))).toEqual([]);
  });

  it('gives the schema defaults in the README table as ConfigSchema has them', () => {
    const defaults = ConfigSchema.parse({}) as Record<string, unknown>;
    const shown = (value: unknown) => (value === '' ? '(empty)' : `\`${String(value)}\``);
    const wrong = SCHEMA_KEYS.filter((key) => !SECRETS.includes(key))
      .filter((key) => readmeRows.get(key)?.[1] !== shown(defaults[key]))
      .map((key) => `${key}: README ${readmeRows.get(key)?.[1]}, schema ${shown(defaults[key])}`);
    expect(wrong).toEqual([]);
  });
});

describe('Dockerfiles', () => {
  const builds = Object.entries(compose.services)
    .filter(([, service]) => service.build)
    .map(([name, service]) => {
      const context = resolve(DOCKER, service.build!.context ?? '.');
      return { name, context, dockerfile: resolve(context, service.build!.dockerfile ?? 'Dockerfile') };
    });

  /** COPY sources taken from the build context (not from another stage). */
  function copySources(dockerfile: string): string[] {
    return readFileSync(dockerfile, 'utf8')
      .split('\n')
      .filter((line) => /^COPY\s/i.test(line) && !/--from=/.test(line))
      .flatMap((line) =>
        line
          .trim()
          .split(/\s+/)
          .slice(1)
          .filter((token) => !token.startsWith('--'))
          .slice(0, -1),
      );
  }

  it.each(builds.map((build) => [build.name, build]))(
    '%s: the Dockerfile and every file it copies exist',
    (_name, build) => {
      expect(existsSync(build.dockerfile), build.dockerfile).toBe(true);
      const missing = copySources(build.dockerfile).filter(
        (source) => !existsSync(resolve(build.context, source)),
      );
      expect(missing).toEqual([]);
    },
  );

  it.each(['Dockerfile.api', 'Dockerfile.worker'])(
    '%s: ships the migrations and starts an entry point that exists',
    (file) => {
      const text = readDocker(file);
      expect(text).toContain('backend/src/database/migrations');
      const migrations = resolve(REPO, 'backend/src/database/migrations');
      expect(readdirSync(migrations).filter((name) => name.endsWith('.sql')).length).toBeGreaterThan(0);
      expect(existsSync(resolve(migrations, 'meta/_journal.json'))).toBe(true);
      // CMD ["node", "<pkg>/dist/<file>.js"] is compiled from <pkg>/src/<file>.ts.
      const entry = /^CMD \["node", "([\w-]+)\/dist\/([\w/-]+)\.js"\]/m.exec(text);
      expect(entry, 'CMD').not.toBeNull();
      expect(
        existsSync(resolve(REPO, entry![1], 'src', `${entry![2]}.ts`)),
        `${entry![1]}/src/${entry![2]}.ts`,
      ).toBe(true);
    },
  );

  /** `ENV K=V [K=V ...]` instructions (with `\` continuations) of one stage. */
  function dockerfileEnv(stage: string): Record<string, string> {
    const instructions = stage.replace(/\\\n/g, ' ').split('\n');
    return Object.fromEntries(
      instructions
        .filter((line) => /^ENV\s/.test(line))
        .flatMap((line) => line.trim().split(/\s+/).slice(1))
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    );
  }

  it('runs the api the way scripts/lib/api-runtime.mjs says the demo, e2e and benches do', async () => {
    const { API_RUNTIME_ENV } = (await import(resolve(REPO, 'scripts/lib/api-runtime.mjs'))) as {
      API_RUNTIME_ENV: Record<string, string>;
    };
    const runtime = readDocker('Dockerfile.api').split(/^FROM \S+ AS runtime$/m)[1] ?? '';
    const env = dockerfileEnv(runtime);
    expect(Object.fromEntries(Object.keys(API_RUNTIME_ENV).map((key) => [key, env[key]]))).toEqual(
      API_RUNTIME_ENV,
    );
    // `npm start -w backend` too.
    const backend = JSON.parse(readFileSync(resolve(REPO, 'backend/package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const { NODE_OPTIONS, ...rest } = API_RUNTIME_ENV;
    const assignments = Object.entries(rest).map(([key, value]) => `${key}=${value}`);
    expect(backend.scripts.start).toBe([...assignments, 'node', NODE_OPTIONS, 'dist/main.js'].join(' '));
  });

  it('installs every file nginx.conf includes', () => {
    const copied = [...readDocker('Dockerfile.web').matchAll(/^COPY\s+(?!--from)\S+\s+(\S+)$/gm)].map(
      (match) => match[1],
    );
    const included = [...readDocker('nginx.conf').matchAll(/^\s*include\s+(\S+);/gm)].map(
      (match) => match[1],
    );
    expect(included.filter((path) => path !== '/etc/nginx/mime.types' && !copied.includes(path))).toEqual([]);
  });
});
