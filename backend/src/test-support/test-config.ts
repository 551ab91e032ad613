import { AppConfig, loadConfig } from '../config/config';

/**
 * Tests run against the real services with their own database, Redis db, queue prefix and
 * index prefix, so a demo running beside them keeps its data.
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform_test',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1',
    ELASTICSEARCH_URL: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200',
    QUEUE_PREFIX: process.env.TEST_QUEUE_PREFIX ?? 'test',
    SEARCH_INDEX_PREFIX: process.env.TEST_SEARCH_INDEX_PREFIX ?? 'test',
    SCHEDULE_REPEATABLE_JOBS: 'false',
    ...overrides,
  });
}
