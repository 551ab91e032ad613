import { businessDate } from '@platform/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  apiCall as call,
  BASE_URL,
  launchBrowser,
  residentIdNumber,
  screenshot as save,
  signIn,
} from './browser';
import { approvedEmployer, runningFair } from './journey-seed';

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };

const suffix = String(Date.now()).slice(-6);
const today = businessDate();
const year = Number(today.slice(0, 4));
/** A word only this run uses, so the fitting position is the best match whatever else is indexed. */
const word = `kx${suffix}`;
const fittingTitle = `Vue 前端开发工程师 ${word}`;
const stretchTitle = `${word} 算法研究员`;
const employerPhone = `135${String(Date.now() % 1e8).padStart(8, '0')}`;
const graduate = {
  phone: `134${String((Date.now() + 3) % 1e8).padStart(8, '0')}`,
  password: 'Graduate2026ok',
};

interface Factor {
  factor: string;
  points: number;
  max: number;
  detail: string;
}
interface Recommendation {
  position: { id: string; title: string };
  combined: number;
  match: { score: number; factors: Factor[]; missingText: string | null };
}

let browser: Browser;
let page: Page;
const positionIds: string[] = [];
let employerToken = '';
let graduateToken = '';

/** A fair, an approved employer with two published positions (one fits the graduate, one is a stretch). */
async function setUpPositions(): Promise<void> {
  const { accessToken: organizer } = await call<{ accessToken: string }>(
    'POST',
    '/api/auth/login',
    undefined,
    ORGANIZER,
  );
  const fair = await runningFair(organizer, `就在山城 圆梦青春 推荐 ${suffix}`);
  employerToken = (
    await approvedEmployer(
      organizer,
      {
        phone: employerPhone,
        password: 'Employer2026ok',
        name: `重庆渝北推荐科技有限公司${suffix}`,
        industry: '信息技术',
        district: '渝北区',
        intro: '政务与教育信息化软件研发。',
        contactName: '王经理',
      },
      fair.id,
    )
  ).token;
  const common = {
    fairId: fair.id,
    category: '软件开发',
    headcount: 2,
    environment: '两江新区写字楼。',
    benefits: '五险一金，双休。',
  };
  const positions = [
    {
      ...common,
      title: fittingTitle,
      duties: `使用 Vue 开发政务平台前端，参与 ${word} 组件库建设。`,
      requirements: '本科及以上学历，熟悉 Vue 与 TypeScript，欢迎应届毕业生。',
      salaryMin: 6000,
      salaryMax: 9000,
      education: 'bachelor',
      district: '渝北区',
      graduateSuitable: true,
    },
    {
      ...common,
      title: stretchTitle,
      duties: `研究推荐算法，维护 ${word} 模型。`,
      requirements: '硕士及以上学历，精通 Python 与机器学习。',
      salaryMin: 20000,
      salaryMax: 30000,
      education: 'master',
      district: '江北区',
    },
  ];
  for (const input of positions) {
    const { id } = await call<{ id: string }>('POST', '/api/positions', employerToken, input);
    await call('POST', `/api/positions/${id}/submission`, employerToken);
    await call('POST', `/api/positions/${id}/review`, organizer, { decision: 'approve' });
    positionIds.push(id);
  }
}

/** This year's graduate with a searchable resume naming Vue and TypeScript. */
async function setUpGraduate(): Promise<void> {
  const session = await call<{ accessToken: string }>('POST', '/api/auth/register', undefined, {
    phone: graduate.phone,
    displayName: `张同学${suffix.slice(-3)}`,
    password: graduate.password,
    roles: ['seeker'],
  });
  graduateToken = session.accessToken;
  await call('POST', '/api/seekers/me/verification', graduateToken, {
    realName: '张小雨',
    idNumber: residentIdNumber(year - 22),
  });
  await call('PUT', '/api/seekers/me', graduateToken, {
    university: '重庆邮电大学',
    major: '软件工程',
    degree: 'bachelor',
    cohort: year,
    flags: [],
  });
  await call('PUT', '/api/resumes/me', graduateToken, {
    headline: '软件工程专业应届毕业生',
    summary: '做过校园活动报名系统的前端。',
    education: [
      {
        school: '重庆邮电大学',
        major: '软件工程',
        degree: 'bachelor',
        from: `${year - 4}-09`,
        to: `${year}-06`,
      },
    ],
    experience: [],
    skills: ['Vue', 'TypeScript', word],
    certificates: ['大学英语六级'],
    expectations: { positionTitle: '前端开发工程师', district: '渝北区', salaryMin: 6000, salaryMax: 9000 },
    visibility: 'searchable',
  });
}

async function screenshot(target: Page, name: string) {
  await target.evaluate(() => window.scrollTo(0, 0));
  return save(target, name);
}

beforeAll(async () => {
  await setUpPositions();
  await setUpGraduate();
  browser = await launchBrowser();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  ).newPage();
});
afterAll(() => browser?.close());

describe('a graduate opens 为你推荐 and sees why each position matches', () => {
  let api: Recommendation[] = [];

  it('gets both positions recommended once the worker has indexed them, the fitting one first', async () => {
    // The worker drains the search outbox on its own; wait for it, not for a fixed time.
    await vi.waitFor(
      async () => {
        api = (
          await call<{ items: Recommendation[] }>('GET', '/api/seekers/me/recommendations', graduateToken)
        ).items;
        expect(api.map((r) => r.position.id)).toEqual(expect.arrayContaining(positionIds));
      },
      { timeout: 60_000, interval: 500 },
    );
    expect(api[0].position.id).toBe(positionIds[0]);
  });

  it('opens the page from the menu, expands 为什么推荐 and sees the same numbers as the api', async () => {
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('login-identifier').fill(graduate.phone);
    await page.getByTestId('login-password').fill(graduate.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    await page.locator('[data-nav="seekerRecommendations"]').click();
    await page.getByTestId('recommendations').waitFor();

    const cards = page.getByTestId('recommendation');
    expect(await cards.first().getByTestId('recommendation-title').innerText()).toBe(fittingTitle);
    expect(await cards.first().getByTestId('combined-score').innerText()).toContain(String(api[0].combined));
    await screenshot(page, 'recommendations-01-list');

    await cards.first().getByTestId('why').locator('.el-collapse-item__header').click();
    const breakdown = cards.first().getByTestId('match-breakdown');
    await breakdown.waitFor();
    const points = await breakdown.getByTestId('factor-points').allInnerTexts();
    expect(points).toEqual(api[0].match.factors.map((f) => `${f.points}/${f.max}`));
    expect(await breakdown.innerText()).toContain(api[0].match.factors[0].detail);

    const stretch = cards.filter({ hasText: stretchTitle });
    await stretch.getByTestId('why').locator('.el-collapse-item__header').click();
    const missing = stretch.getByTestId('match-missing');
    await missing.waitFor();
    const expected = api.find((r) => r.position.id === positionIds[1])!;
    expect(await missing.innerText()).toBe(expected.match.missingText);
    expect(expected.match.missingText).toContain('硕士');
    await screenshot(page, 'recommendations-02-why');
  });

  it('reads on a phone: the breakdown of the first position fits a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const first = page.getByTestId('recommendation').first();
    await first.getByTestId('why').locator('.el-collapse-item__header').click();
    await first.getByTestId('match-breakdown').waitFor();
    // The collapse animates its height; the picture is taken once it has opened fully.
    await page.waitForFunction(
      () => !document.querySelector('.el-collapse-item__wrap')?.getAttribute('style')?.includes('height'),
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'recommendations-04-phone');
  });

  it('shows the employer the graduate among the candidates of the fitting position, contacts hidden', async () => {
    // The resume reaches the index through the worker's outbox drain, on its own time: wait for
    // the api to list the graduate before opening the page (which reads the list once).
    await vi.waitFor(
      async () => {
        const { items } = await call<{ items: { displayName: string }[] }>(
          'GET',
          `/api/positions/${positionIds[0]}/candidates?limit=20`,
          employerToken,
        );
        expect(items.map((c) => c.displayName)).toContain(`张同学${suffix.slice(-3)}`);
      },
      { timeout: 60_000, interval: 500 },
    );
    const employerPage = await signIn(
      browser,
      { identifier: employerPhone, password: 'Employer2026ok' },
      { width: 1280, height: 900 },
    );
    await employerPage.goto(`${BASE_URL}/employer/positions/${positionIds[0]}/candidates`);
    const row = employerPage
      .getByTestId('candidates')
      .locator('tr', { hasText: `张同学${suffix.slice(-3)}` });
    await row.waitFor();
    expect(await row.innerText()).toContain('公开简历');
    expect(await row.innerText()).not.toContain(graduate.phone);
    await row.locator('.el-table__expand-icon').click();
    await employerPage.getByTestId('match-breakdown').first().waitFor();
    await screenshot(employerPage, 'recommendations-03-candidates');
  });
});
