import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiCall, BASE_URL, launchBrowser, screenshot } from './browser';
import { seedPublishedCourse } from './training-seed';

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };
const suffix = String(Date.now()).slice(-6);
const courseTitle = `育婴员（五级）线上培训${suffix}`;
const shanghaiToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

let browser: Browser;
let page: Page;
let organizerToken = '';
let courseId = '';

/** An institution and a course listed in both catalogues from today, through the api as staff. */
async function seedCatalogue(): Promise<void> {
  organizerToken = (await apiCall<{ accessToken: string }>('POST', '/api/auth/login', undefined, ORGANIZER))
    .accessToken;
  ({ courseId } = await seedPublishedCourse(organizerToken, {
    institution: {
      name: `重庆渝北家政职业培训学校${suffix}`,
      district: '渝北区',
      usccSerial: Number(suffix) * 7919,
    },
    platform: { name: `中国职业培训在线${suffix}`, url: 'http://px.class.com.cn' },
    course: {
      code: `YY-${suffix}`,
      title: courseTitle,
      occupation: '育婴员',
      level: 'level5',
      kind: 'domestic_service',
      description: '婴幼儿生活照料、日常保健与早期发展。',
      modules: [
        { name: '理论知识', kind: 'theory', hours: 40, delivery: 'online' },
        { name: '居家实操练习', kind: 'practical', hours: 12, delivery: 'online' },
        { name: '线下实训', kind: 'practical', hours: 8, delivery: 'offline' },
      ],
    },
    listedFrom: shanghaiToday,
  }));
}

beforeAll(async () => {
  await seedCatalogue();
  browser = await launchBrowser();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  ).newPage();
}, 60_000);
afterAll(() => browser?.close());

describe('anyone browses the training catalogue; staff keep it', () => {
  it('finds the course without signing in, only among courses subsidisable today, with the words marked', async () => {
    // The worker drains the search outbox on its own; wait for it, not for a fixed time.
    await vi.waitFor(
      async () => {
        const response = await fetch(`${BASE_URL}/api/search/courses?q=${encodeURIComponent(courseTitle)}`);
        expect(((await response.json()) as { total: number }).total).toBe(1);
      },
      { timeout: 60_000, interval: 500 },
    );
    await page.goto(`${BASE_URL}/courses`);
    await page.getByTestId('course-search-input').fill(`育婴员 ${suffix}`);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByTestId('subsidisable-today').click();
    const result = page.getByTestId('course-results').locator('a', { hasText: courseTitle });
    await result.waitFor();
    expect(await result.locator('mark').first().innerText()).toBeTruthy();
    expect(new URL(page.url()).searchParams.get('subsidisableOn')).toBe('today');
    await screenshot(page, 'training-01-catalogue');
  });

  it('opens the course: modules, hours and the 两目录 checks for today', async () => {
    await page.getByTestId('course-results').locator('a', { hasText: courseTitle }).click();
    const checks = page.getByTestId('catalogue-checks');
    await checks.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/courses/${courseId}`);
    const text = await checks.innerText();
    expect(text).toContain('培训机构目录');
    expect(text).toContain('在目录内');
    expect(text).toContain('遴选线上培训平台');
    expect(await page.locator('body').innerText()).toContain('当天可申请培训补贴');
    await screenshot(page, 'training-02-course');
  });

  it('shows the organizer the catalogue page with the course subsidisable today', async () => {
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('login-identifier').fill(ORGANIZER.identifier);
    await page.getByTestId('login-password').fill(ORGANIZER.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    await page.locator('[data-nav="organizerTraining"]').click();
    const row = page.getByTestId('courses-table').locator('tr', { hasText: courseTitle });
    await row.waitFor();
    expect(await row.innerText()).toContain('是');
    await page.getByTestId('new-course').click();
    await page.getByTestId('course-dialog').getByTestId('course-title').waitFor();
    await screenshot(page, 'training-03-organizer');
  });
});
