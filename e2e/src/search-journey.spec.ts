import { businessDate } from '@platform/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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
const QUERY = '软件 开发 渝北';

const suffix = String(Date.now()).slice(-6);
const today = businessDate();
const graduateAccount = {
  phone: uniquePhone(),
  password: 'Graduate2026ok',
  name: `王同学${suffix.slice(-3)}`,
};

/** What the journey seeded, by role in the story. */
const seeded = {
  fairId: '',
  /** 渝北, 6000-9000: found by the query, gone once the graduate asks for 10000 or more. */
  modest: { id: '', title: `软件开发工程师${suffix}` },
  /** 渝北, 15000-22000: found, and still there after narrowing. */
  senior: { id: '', title: `高级软件开发工程师${suffix}` },
  /** 江北: the same words but elsewhere, never found by "… 渝北". */
  elsewhere: { id: '', title: `软件开发工程师${suffix}` },
};

let browser: Browser;
let desktop: BrowserContext;
let graduate: Page;

const login = (identifier: string, password: string) =>
  call<{ accessToken: string }>('POST', '/api/auth/login', undefined, { identifier, password });

/** This year's 软件工程 graduate with a resume naming the skills the 渝北 positions ask for. */
async function setUpGraduate(): Promise<void> {
  const year = Number(today.slice(0, 4));
  const { accessToken } = await call<{ accessToken: string }>('POST', '/api/auth/register', undefined, {
    phone: graduateAccount.phone,
    displayName: graduateAccount.name,
    password: graduateAccount.password,
    roles: ['seeker'],
  });
  await call('POST', '/api/seekers/me/verification', accessToken, {
    realName: '王小川',
    idNumber: residentIdNumber(year - 22),
  });
  await call('PUT', '/api/seekers/me', accessToken, {
    university: '重庆大学',
    major: '软件工程',
    degree: 'bachelor',
    cohort: year,
    flags: [],
  });
  await call('PUT', '/api/resumes/me', accessToken, {
    headline: '软件工程专业应届毕业生',
    summary: '参与过校园软件开发项目。',
    education: [
      { school: '重庆大学', major: '软件工程', degree: 'bachelor', from: `${year - 4}-09`, to: `${year}-06` },
    ],
    experience: [],
    skills: ['Java', 'Vue', 'MySQL'],
    certificates: [],
    expectations: { positionTitle: '软件开发工程师', district: '渝北区', salaryMin: 8000, salaryMax: 15000 },
    visibility: 'searchable',
  });
}

/** A running fair, an approved employer in it and three published positions, all through the api. */
async function seedPositions(): Promise<void> {
  const { accessToken: organizer } = await login(ORGANIZER.identifier, ORGANIZER.password);
  const fair = await runningFair(organizer, `岗位搜索专场 ${suffix}`);
  seeded.fairId = fair.id;
  const unitName = `重庆山城云智软件有限公司${suffix}`;
  const phone = `135${String((Date.now() + 11) % 1e8).padStart(8, '0')}`;
  const { token: owner } = await approvedEmployer(
    organizer,
    {
      phone,
      password: 'Employer2026ok',
      name: unitName,
      industry: '信息技术',
      district: '渝北区',
      intro: '政务云与工业软件研发。',
      contactName: '刘经理',
    },
    fair.id,
  );

  const publish = async (fields: Record<string, unknown>) => {
    const position = await call<{ id: string }>('POST', '/api/positions', owner, {
      fairId: fair.id,
      category: '软件开发',
      headcount: 2,
      duties: '参与政务云平台的软件开发与维护。',
      requirements: '计算机相关专业本科及以上学历，熟悉 Java 或 TypeScript，欢迎应届毕业生。',
      environment: '仙桃国际大数据谷，交通便利。',
      benefits: '五险一金，带薪年假，双休。',
      education: 'bachelor',
      ...fields,
    });
    await call('POST', `/api/positions/${position.id}/submission`, owner);
    await call('POST', `/api/positions/${position.id}/review`, organizer, { decision: 'approve' });
    return position.id;
  };
  seeded.modest.id = await publish({
    title: seeded.modest.title,
    district: '渝北区',
    salaryMin: 6000,
    salaryMax: 9000,
  });
  seeded.senior.id = await publish({
    title: seeded.senior.title,
    district: '渝北区',
    salaryMin: 15000,
    salaryMax: 22000,
  });
  seeded.elsewhere.id = await publish({
    title: seeded.elsewhere.title,
    district: '江北区',
    salaryMin: 6000,
    salaryMax: 9000,
  });
}

/** The outbox drains in the worker, a moment after the commits: wait until the index has all three. */
async function untilIndexed(): Promise<void> {
  for (;;) {
    const found = await call<{ total: number }>(
      'GET',
      `/api/search/positions?fairId=${seeded.fairId}&q=${encodeURIComponent(suffix)}`,
    );
    if (found.total === 3) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A full-page screenshot from the top, so the sticky header is not drawn over the middle. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return save(page, name);
}

const resultIds = (page: Page) =>
  page
    .getByTestId('search-result')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-position-id')));
const card = (page: Page, id: string) =>
  page.locator(`[data-testid="search-result"][data-position-id="${id}"]`);

beforeAll(async () => {
  await seedPositions();
  await setUpGraduate();
  await untilIndexed();
  browser = await launchBrowser();
  desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  graduate = await desktop.newPage();
}, 120_000);
afterAll(() => browser?.close());

// One graduate, one browser session, steps in order: a later step (recommendations) continues
// from where the last one left the page and the session.
describe('a graduate searches positions, narrows them by salary and opens one', () => {
  it('signs in and finds the position search in the menu', async () => {
    await graduate.goto(`${BASE_URL}/login`);
    await graduate.getByTestId('login-identifier').fill(graduateAccount.phone);
    await graduate.getByTestId('login-password').fill(graduateAccount.password);
    await graduate.getByTestId('login-submit').click();
    await graduate.getByTestId('home-welcome').waitFor();
    await graduate.locator('[data-nav="search"]').click();
    await graduate.getByTestId('search-input').waitFor();
    expect(new URL(graduate.url()).pathname).toBe('/search');
  });

  it('gets title suggestions while typing', async () => {
    const input = graduate.getByTestId('search-input');
    await input.click();
    await input.pressSequentially('高级软件开发');
    const suggestion = graduate.locator('.search-suggestions li', { hasText: seeded.senior.title });
    await suggestion.waitFor();
    await screenshot(graduate, 'search-01-suggestions');
  });

  it(`searches "${QUERY}" and sees the positions in 渝北 with the words highlighted`, async () => {
    const input = graduate.getByTestId('search-input');
    await input.fill(QUERY);
    await graduate.keyboard.press('Escape');
    await graduate.getByTestId('search-submit').click();
    // The list before the search (every position) stays until the answer comes: wait for it.
    await graduate.getByTestId('search-total').getByText(QUERY).waitFor();
    await card(graduate, seeded.elsewhere.id).waitFor({ state: 'detached' });
    await card(graduate, seeded.senior.id).waitFor();
    const ids = await resultIds(graduate);
    expect(ids).toEqual(expect.arrayContaining([seeded.modest.id, seeded.senior.id]));
    expect(ids).not.toContain(seeded.elsewhere.id);

    const modest = card(graduate, seeded.modest.id);
    const marked = await modest.locator('mark').allInnerTexts();
    expect(marked).toEqual(expect.arrayContaining(['软件', '渝北']));
    expect(await modest.getByTestId('search-result-title').innerText()).toBe(seeded.modest.title);
    expect(await graduate.getByTestId('search-total').innerText()).toContain(QUERY);
    expect(new URL(graduate.url()).searchParams.get('q')).toBe(QUERY);
    await screenshot(graduate, 'search-02-results');
  });

  it('narrows by salary with a facet: the 6000-9000 position goes, a removable chip says why', async () => {
    await card(graduate, seeded.modest.id).waitFor();
    await graduate.getByTestId('facet-salary').locator('[data-facet-value="10000"]').click();
    await card(graduate, seeded.modest.id).waitFor({ state: 'detached' });
    const ids = await resultIds(graduate);
    expect(ids).toContain(seeded.senior.id);
    for (const salary of await graduate.locator('[data-testid="search-result"] .salary').allInnerTexts()) {
      expect(Number(/-(\d+)/.exec(salary)![1])).toBeGreaterThanOrEqual(10000);
    }
    const chip = graduate.getByTestId('search-chips').locator('[data-chip="salaryFrom"]');
    expect(await chip.innerText()).toContain('10000 元以上');
    expect(new URL(graduate.url()).searchParams.get('salaryFrom')).toBe('10000');
    await screenshot(graduate, 'search-03-narrowed');
  });

  it('keeps the search in the URL: a reload shows the same, removing the chip brings the rest back', async () => {
    await graduate.reload();
    await card(graduate, seeded.senior.id).waitFor();
    expect(await resultIds(graduate)).not.toContain(seeded.modest.id);
    await graduate.getByTestId('search-chips').locator('[data-chip="salaryFrom"] .el-tag__close').click();
    await card(graduate, seeded.modest.id).waitFor();
    await graduate.goBack();
    await card(graduate, seeded.modest.id).waitFor({ state: 'detached' });
  });

  it('works on a phone: one column, the filters behind a button', async () => {
    const phone = await browser.newContext({
      viewport: { width: 375, height: 800 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    try {
      const page = await phone.newPage();
      await page.goto(graduate.url());
      await card(page, seeded.senior.id).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
      expect(await page.getByTestId('facet-salary').isVisible()).toBe(false);
      await screenshot(page, 'search-04-phone');
      await page.getByRole('button', { name: /筛选条件/ }).click();
      await page.getByTestId('facet-salary').waitFor();
      await screenshot(page, 'search-05-phone-filters');
    } finally {
      await phone.close();
    }
  });

  it('opens a result on the position page', async () => {
    await card(graduate, seeded.senior.id).click();
    await graduate.getByTestId('position-title').waitFor();
    expect(await graduate.getByTestId('position-title').innerText()).toBe(seeded.senior.title);
    expect(new URL(graduate.url()).pathname).toBe(`/fairs/${seeded.fairId}/positions/${seeded.senior.id}`);
  });

  it('opens 为你推荐 and sees why each position matches, factor by factor', async () => {
    await graduate.locator('[data-nav="seekerRecommendations"]').click();
    await graduate.getByTestId('recommendations').waitFor();
    const first = graduate.getByTestId('recommendation').first();
    await first.waitFor();
    // Other journeys' positions share the index; the two 渝北 ones fit this graduate best.
    const titles = await graduate.getByTestId('recommendation-title').allInnerTexts();
    expect(titles.some((title) => [seeded.senior.title, seeded.modest.title].includes(title))).toBe(true);
    await first.getByTestId('why').locator('.el-collapse-item__header').click();
    const breakdown = first.getByTestId('match-breakdown');
    await breakdown.waitFor();
    const points = await breakdown.getByTestId('factor-points').allInnerTexts();
    expect(points).toHaveLength(6);
    for (const value of points) expect(value).toMatch(/^\d+\/\d+$/);
    expect(await breakdown.innerText()).toContain('技能');
    await screenshot(graduate, 'search-06-recommendations-why');
  });
});
