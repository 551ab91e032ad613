import { isValidResidentIdNumber } from '@platform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../test-support/fair-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { DEMO_PASSWORD, seedDemoData } from '../seed';
import { DEMO_INSTITUTION_PHONE, DEMO_STUDENT_IDENTITY } from './seed-training';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function login(phone: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { identifier: phone, password: DEMO_PASSWORD },
  });
  return caller(t.app, (response.json() as { accessToken: string }).accessToken);
}

describe('training demo data', () => {
  it('is idempotent and lets the demo student enrol at once in an approved class', async () => {
    expect(isValidResidentIdNumber(DEMO_STUDENT_IDENTITY.idNumber)).toBe(true);
    await seedDemoData(t.config);
    await seedDemoData(t.config);

    const school = await login(DEMO_INSTITUTION_PHONE);
    const institutions = (await school('GET', '/api/training/my-institutions')).json().items;
    expect(institutions).toHaveLength(1);
    const classes = (await school('GET', `/api/training/institutions/${institutions[0].id}/classes`)).json()
      .items;
    expect(classes).toHaveLength(2);
    expect(classes.every((c: { planStatus: string }) => c.planStatus === 'approved')).toBe(true);

    const open = await t.app.inject({
      method: 'GET',
      url: `/api/training/courses/${classes[0].course.id}/classes`,
    });
    expect(open.json().items).toHaveLength(1);
    const student = await login('13800000005');
    expect((await student('GET', '/api/seekers/me')).json()).toMatchObject({
      verified: true,
      realName: '李明',
    });
    const enrolled = await student('POST', `/api/training/classes/${classes[0].id}/enrolments`);
    expect(enrolled.statusCode).toBe(201);

    // The demo carries the programme on past 2021 (T1), so what the student learns counts.
    const admin = await login('13800000001');
    const policies = (await admin('GET', '/api/training/policies')).json();
    const demo = policies.items.find((p: { version: string }) => p.version === 'demo-continuation');
    expect(demo.values.programWindow.to > new Date().toISOString().slice(0, 10)).toBe(true);
    const subsidies = (await admin('GET', '/api/training/subsidy-policies')).json().items;
    expect(subsidies.map((p: { version: string }) => p.version)).toContain('demo-continuation');
  });
});
