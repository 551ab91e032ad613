import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Development-only secrets; production refuses to start with them (see `refineProductionSecrets`). */
export const DEV_SECRETS = {
  JWT_ACCESS_SECRET: 'dev-only-access-secret-change-me-0123456789',
  PII_ENCRYPTION_KEY: 'ZGV2LW9ubHktcGlpLWtleS0zMi1ieXRlcy1sb25nISE=',
  PII_HASH_KEY: 'dev-only-pii-hash-key-change-me-0123456789',
} as const;

/**
 * Every environment variable the api and the worker read, with its default. This is the only
 * place that knows about process.env; docker/ compose files are checked against it by a test.
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/platform'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379/0'),
  QUEUE_PREFIX: z.string().min(1).default('bull'),
  /**
   * Entries kept in the Socket.IO Redis stream (trimmed approximately). It bounds Redis memory and
   * how far back a reader may fall: at a few hundred live messages a second, 10,000 is half a minute.
   */
  REALTIME_STREAM_MAX_LEN: z.coerce.number().int().min(1000).max(1_000_000).default(10_000),
  ELASTICSEARCH_URL: z.string().url().default('http://127.0.0.1:9200'),
  SEARCH_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('platform'),
  JWT_ACCESS_SECRET: z.string().min(32).default(DEV_SECRETS.JWT_ACCESS_SECRET),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  /** base64 of 32 random bytes: AES-256-GCM key for 身份证 numbers and other personal data. */
  PII_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of 32 bytes')
    .default(DEV_SECRETS.PII_ENCRYPTION_KEY),
  /** HMAC key for looking personal data up by keyed hash. */
  PII_HASH_KEY: z.string().min(32).default(DEV_SECRETS.PII_HASH_KEY),
  COOKIE_SECURE: bool.default(false),
  /** Built SPA to serve at /; empty to serve the api only. */
  WEB_DIST_DIR: z.string().default(''),
  /** Schedule the repeatable maintenance jobs from this process (one api node in production). */
  SCHEDULE_REPEATABLE_JOBS: bool.default(true),
  /** How often the fair feed for 中国公共招聘网 is re-exported (AS-43: "within the configured interval"). */
  SYNDICATION_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  /** Where course videos and documents are kept (a volume every api node shares in production). */
  COURSE_CONTENT_DIR: z.string().default('.data/course-content'),
  COURSE_CONTENT_MAX_MB: z.coerce.number().int().min(1).max(4096).default(500),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** RTCIceServer[] as JSON, e.g. [{"urls":"stun:stun.example.cn:3478"},{"urls":"turn:…","username":"…","credential":"…"}] (docker/README.md). */
  CALL_ICE_SERVERS: z
    .string()
    .default('[]')
    .refine((value) => IceServersSchema.safeParse(safeJson(value)).success, {
      message: 'must be a JSON array of {urls, username?, credential?}',
    }),
  /** Free interview minutes per employer: 不少于300分钟 (S3:3740-3742), so never below 300. */
  INTERVIEW_FREE_MINUTES: z.coerce.number().int().min(300).max(100_000).default(300),
  /** Booth queues a seeker may hold a place in at once [INFERRED]. */
  QUEUE_MAX_PER_SEEKER: z.coerce.number().int().min(1).max(20).default(3),
  /** How long a called seeker has to take the call-in [INFERRED]. */
  QUEUE_CALL_IN_SECONDS: z.coerce.number().int().min(10).max(900).default(90),
  /** How long a dropped connection keeps its place in a queue [INFERRED]. */
  QUEUE_GRACE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /** How often the worker expires lapsed waiting-room places and call-ins and tells the line [INFERRED]. */
  QUEUE_SWEEP_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  /** A booth's call length before it has a history, for the estimated wait [INFERRED]. */
  QUEUE_DEFAULT_CALL_SECONDS: z.coerce.number().int().min(30).max(7200).default(600),
  /** Seconds before an interview's start at which reminders go out [INFERRED: 24 h and 15 min]. */
  INTERVIEW_REMINDER_OFFSETS_SECONDS: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .default('86400,900')
    .transform((v) => v.split(',').map(Number)),
  /** An interview nobody started this many seconds after its start is marked NO_SHOW [INFERRED]. */
  INTERVIEW_NO_SHOW_GRACE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(900),
  /** How long a seeker has to answer an invitation unless the employer says otherwise [INFERRED]. */
  INVITATION_RESPONSE_HOURS: z.coerce.number().int().min(1).max(336).default(48),
});

export const IceServersSchema = z.array(
  z.object({
    urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    username: z.string().optional(),
    credential: z.string().optional(),
  }),
);

/** The ICE servers handed to the browsers' RTCPeerConnection (validated at start). */
export function iceServersOf(config: { CALL_ICE_SERVERS: string }): z.infer<typeof IceServersSchema> {
  return IceServersSchema.parse(JSON.parse(config.CALL_ICE_SERVERS));
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export type AppConfig = z.infer<typeof ConfigSchema>;

export function refineProductionSecrets(config: AppConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  return (Object.keys(DEV_SECRETS) as (keyof typeof DEV_SECRETS)[])
    .filter((key) => config[key] === DEV_SECRETS[key])
    .map((key) => `${key} must be set in production`);
}
