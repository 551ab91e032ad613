import { businessDate } from '@platform/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  apiCall as call,
  BASE_URL,
  launchBrowser,
  residentIdNumber,
  screenshot as save,
  uniquePhone,
} from './browser';
import { approvedEmployer, runningFair } from './journey-seed';

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };

const suffix = String(Date.now()).slice(-6);
const today = businessDate();
const year = Number(today.slice(0, 4));
const day = addDays(today, 2);
const slotA = `${day} 10:00-10:30`;
const slotB = `${day} 14:00-14:30`;
const employer = {
  phone: `135${String((Date.now() + 11) % 1e8).padStart(8, '0')}`,
  password: 'Employer2026ok',
};
const seeker = { phone: uniquePhone(), password: 'Graduate2026ok' };

let browser: Browser;
let graduate: Page;
let recruiter: Page;
let applicationId = '';

/** The fair, an approved employer with a published position and a graduate who applied, through the api. */
async function setUp(): Promise<string> {
  const { accessToken: organizer } = await call<{ accessToken: string }>(
    'POST',
    '/api/auth/login',
    undefined,
    ORGANIZER,
  );
  const fair = await runningFair(organizer, `就在山城 圆梦青春 面试 ${suffix}`);
  const { token: owner } = await approvedEmployer(
    organizer,
    {
      phone: employer.phone,
      password: employer.password,
      name: `重庆渝新软件有限公司${suffix}`,
      industry: '信息技术',
      district: '渝北区',
      intro: '政务与教育信息化软件研发。',
      contactName: '周经理',
    },
    fair.id,
  );
  const position = await call<{ id: string }>('POST', '/api/positions', owner, {
    fairId: fair.id,
    title: `Java 开发工程师${suffix}`,
    category: '软件开发',
    headcount: 1,
    duties: '负责政务平台后端开发，使用 Java 和 PostgreSQL。',
    requirements: '本科及以上学历，计算机相关专业，欢迎应届毕业生。',
    environment: '两江新区。',
    benefits: '五险一金，双休。',
    salaryMin: 6000,
    salaryMax: 9000,
    education: 'bachelor',
    district: '渝北区',
  });
  await call('POST', `/api/positions/${position.id}/submission`, owner);
  await call('POST', `/api/positions/${position.id}/review`, organizer, { decision: 'approve' });

  const { accessToken: grad } = await call<{ accessToken: string }>('POST', '/api/auth/register', undefined, {
    phone: seeker.phone,
    displayName: '赵同学',
    password: seeker.password,
    roles: ['seeker'],
  });
  await call('POST', '/api/seekers/me/verification', grad, {
    realName: '赵小雨',
    idNumber: residentIdNumber(year - 22),
  });
  await call('PUT', '/api/seekers/me', grad, {
    university: '重庆大学',
    major: '软件工程',
    degree: 'bachelor',
    cohort: year,
    flags: [],
  });
  await call('PUT', '/api/resumes/me', grad, {
    headline: '软件工程应届毕业生',
    summary: '熟悉 Java 与 PostgreSQL。',
    education: [
      { school: '重庆大学', major: '软件工程', degree: 'bachelor', from: `${year - 4}-09`, to: `${year}-06` },
    ],
    experience: [],
    skills: ['Java', 'PostgreSQL'],
    certificates: [],
    expectations: { positionTitle: 'Java 开发工程师', district: '渝北区', salaryMin: 6000, salaryMax: 9000 },
    visibility: 'searchable',
  });
  const application = await call<{ id: string }>('POST', `/api/positions/${position.id}/applications`, grad);
  return application.id;
}

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return save(page, name);
}

async function login(page: Page, account: { phone: string; password: string }) {
  await page.goto(`${BASE_URL}/login`);
  await page.getByTestId('login-identifier').fill(account.phone);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Types a time into an Element Plus date-time picker (the format it shows) and confirms it. */
async function fillDateTime(page: Page, testId: string, value: string) {
  const wrapped = page.getByTestId(testId).locator('input').first();
  const input = (await wrapped.count()) ? wrapped : page.locator(`input[data-testid="${testId}"]`);
  await input.fill(value);
  await input.press('Enter');
}

beforeAll(async () => {
  applicationId = await setUp();
  browser = await launchBrowser();
  const options = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' };
  graduate = await (await browser.newContext(options)).newPage();
  recruiter = await (await browser.newContext(options)).newPage();
});
afterAll(() => browser?.close());

describe('interview scheduling: slots, 邀约, booking and a reschedule that does not cancel', () => {
  it('the employer adds an interviewer and publishes two slots (Beijing time)', async () => {
    await login(recruiter, employer);
    await recruiter.goto(`${BASE_URL}/employer/interviews`);
    await recruiter.getByRole('tab', { name: '面试官与时段' }).click();
    await recruiter.getByTestId('interviewer-name').fill('王面试官');
    await recruiter.getByTestId('add-interviewer').click();
    await expect.poll(() => recruiter.getByTestId('interviewer').count()).toBe(1);
    for (const [start, end] of [
      ['10:00', '10:30'],
      ['14:00', '14:30'],
    ]) {
      await fillDateTime(recruiter, 'slot-start', `${day} ${start}`);
      await fillDateTime(recruiter, 'slot-end', `${day} ${end}`);
      await recruiter.getByTestId('publish-slot').click();
      await recruiter.getByTestId('slot-table').getByText(`${day} ${start}-${end}`).waitFor();
    }
    await screenshot(recruiter, 'interviews-01-employer-slots');
  });

  it('the employer sends a 邀约 from the application page with both slots', async () => {
    await recruiter.goto(`${BASE_URL}/employer/applications/${applicationId}`);
    await recruiter.getByTestId('invite-button').click();
    const dialog = recruiter.getByTestId('invite-dialog');
    await dialog.getByTestId(`invite-slot-${slotA}`).click();
    await dialog.getByTestId(`invite-slot-${slotB}`).click();
    await screenshot(recruiter, 'interviews-02-invite-dialog');
    await dialog.getByTestId('invite-send').click();
    await recruiter.getByText('面试邀约已发送').first().waitFor();
    await expect
      .poll(() => recruiter.getByTestId('employer-application-status').innerText())
      .toContain('面试');
  });

  it('the graduate accepts the invitation by booking the morning slot', async () => {
    await login(graduate, seeker);
    await graduate.goto(`${BASE_URL}/seeker/interviews`);
    await graduate.getByTestId('open-invitation').waitFor();
    await graduate.getByTestId('accept-invitation').click();
    const dialog = graduate.getByTestId('accept-dialog');
    await dialog.getByTestId(`slot-${slotA}`).click();
    await dialog.getByTestId('accept-submit').click();
    await expect.poll(() => graduate.getByTestId('interview-time').first().innerText()).toBe(slotA);
    await expect.poll(() => graduate.getByTestId('open-invitation').count()).toBe(0);
    await screenshot(graduate, 'interviews-03-seeker-booked');
  });

  it('the employer proposes the afternoon slot; the interview keeps its time until confirmed', async () => {
    await recruiter.goto(`${BASE_URL}/employer/interviews`);
    await expect.poll(() => recruiter.getByTestId('interview-time').first().innerText()).toBe(slotA);
    await recruiter.getByTestId('request-reschedule').click();
    const dialog = recruiter.getByTestId('reschedule-dialog');
    await dialog.getByTestId(`slot-${slotB}`).click();
    await dialog.getByTestId('reschedule-reason').fill('面试官上午临时参加招聘会');
    await dialog.getByTestId('reschedule-submit').click();
    await expect.poll(() => recruiter.getByTestId('pending-reschedule').count()).toBe(1);
    expect(await recruiter.getByTestId('interview-time').first().innerText()).toBe(slotA);
    await screenshot(recruiter, 'interviews-04-employer-proposed');
  });

  it('the graduate confirms the new time: the same interview moves to the afternoon', async () => {
    await graduate.goto(`${BASE_URL}/seeker/interviews`);
    await graduate.getByTestId('pending-reschedule').waitFor();
    await screenshot(graduate, 'interviews-05-seeker-confirm');
    await graduate.getByTestId('confirm-reschedule').click();
    await expect.poll(() => graduate.getByTestId('interview-time').first().innerText()).toBe(slotB);
    await expect.poll(() => graduate.getByTestId('pending-reschedule').count()).toBe(0);
    expect(await graduate.getByTestId('interview-table').locator('[data-status="scheduled"]').count()).toBe(
      1,
    );
    await screenshot(graduate, 'interviews-06-seeker-moved');
  });
});
