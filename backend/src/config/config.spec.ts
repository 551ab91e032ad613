import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('gives a working local configuration with no variables set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/platform');
    expect(config.COOKIE_SECURE).toBe(false);
  });

  it('lists every bad value at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'not a url' })).toThrow(/PORT[\s\S]*REDIS_URL/);
  });

  it('refuses to run production with the development secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_ACCESS_SECRET must be set in production/,
    );
  });

  it('bounds the Socket.IO stream length', () => {
    expect(loadConfig({}).REALTIME_STREAM_MAX_LEN).toBe(10_000);
    expect(() => loadConfig({ REALTIME_STREAM_MAX_LEN: '10' })).toThrow(/REALTIME_STREAM_MAX_LEN/);
    expect(() => loadConfig({ REALTIME_STREAM_MAX_LEN: 'lots' })).toThrow(/REALTIME_STREAM_MAX_LEN/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });
});
