import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@platform/contracts';
import { randomInt } from 'node:crypto';
import { createApp } from '../bootstrap';
import { AppConfig } from '../config/config';
import { testConfig } from './test-config';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  close(): Promise<void>;
}

export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const app = await createApp(config);
  await app.getHttpAdapter().getInstance().ready();
  return { app, config, close: () => app.close() };
}

/**
 * A phone number for a test account. The 14x block is one the demo generators never draw from
 * (they use 13x/15x/17x/18x/19x), and nine random digits keep two tests apart almost always;
 * registerUser retries the rare collision.
 */
export function uniquePhone(): string {
  return `14${String(randomInt(0, 1e9)).padStart(9, '0')}`;
}

export async function registerUser(app: NestFastifyApplication, roles: Role[] = ['seeker']) {
  const password = 'Correct9horse';
  for (let attempt = 1; ; attempt++) {
    const phone = uniquePhone();
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { phone, password, displayName: '测试用户', roles },
    });
    if (response.statusCode === 201) {
      const session = response.json() as { accessToken: string; refreshToken: string; user: { id: string } };
      return { phone, password, ...session };
    }
    const taken = response.statusCode === 409 && response.body.includes('AUTH_PHONE_TAKEN');
    if (!taken || attempt === 3) throw new Error(`register failed: ${response.body}`);
  }
}

/** Staff roles are never self-service: tests grant them in the database, as an admin would. */
export async function registerStaff(
  app: NestFastifyApplication,
  roles: Role[],
): Promise<
  Awaited<ReturnType<typeof registerUser>> & { cookies: { name: string; value: string; path?: string }[] }
> {
  const user = await registerUser(app, ['seeker']);
  const { PG_POOL } = await import('../infra/database/database');
  const pool = app.get(PG_POOL) as import('pg').Pool;
  for (const role of roles) {
    await pool.query('insert into user_roles (user_id, role) values ($1, $2) on conflict do nothing', [
      user.user.id,
      role,
    ]);
  }
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { identifier: user.phone, password: user.password },
  });
  const session = login.json() as { accessToken: string; refreshToken: string };
  return { ...user, ...session, cookies: login.cookies };
}
