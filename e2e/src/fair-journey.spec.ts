import { makeUnifiedSocialCreditCode } from '@platform/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, screenshot as save, signIn as signInPage } from './browser';

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };

const suffix = String(Date.now()).slice(-6);
const theme = `就在山城 圆梦青春 ${suffix}`;
const unitName = `重庆山城智造科技有限公司${suffix}`;
const positionTitle = `软件开发工程师${suffix}`;
const employerPhone = `137${String(Date.now() % 1e8).padStart(8, '0')}`;
const employerPassword = 'Employer2026ok';
// A credit code with a valid check character; the serial keeps reruns from colliding.
const uscc = makeUnifiedSocialCreditCode(Math.floor(Math.random() * 800_000_000));

let browser: Browser;
let organizer: Page;
let employer: Page;
let fairId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  organizer = await signIn(ORGANIZER);
  // A context of its own: the employer's refresh cookie must not mix with the organizer's.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  employer = await context.newPage();
});
afterAll(() => browser?.close());

const signIn = (account: { identifier: string; password: string }) =>
  signInPage(browser, account, { width: 1280, height: 900 });

/** A full-page screenshot from the top, so the sticky header sits where a user sees it. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, name);
}

/** Opens an Element Plus select and picks the option with exactly this label. */
async function choose(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).last().click();
}

async function fillNumber(page: Page, testId: string, value: number) {
  const input = page.getByTestId(testId).locator('input');
  await input.fill(String(value));
  await input.press('Tab');
}

describe('an online fair from creation to a published position', () => {
  it('lets the organizer create a fair that is running today', async () => {
    await organizer.goto(`${BASE_URL}/organizer/fairs`);
    await organizer.getByTestId('create-fair').click();
    await organizer.getByTestId('fair-theme-input').fill(theme);
    await organizer.getByTestId('fair-hosts-input').fill('重庆市教育委员会\n重庆市人力资源和社会保障局');
    // The dialog starts from today: deadline = launch = today, concentrated window a week long.
    await screenshot(organizer, 'fair-01-create-dialog');
    await organizer.getByTestId('fair-create-submit').click();
    const link = organizer.getByRole('link', { name: theme });
    await link.waitFor();
    fairId = (await link.getAttribute('href'))!.split('/').pop()!;
    expect(fairId).toMatch(/^[0-9a-f-]{36}$/);
    const row = organizer.locator('tr', { hasText: theme });
    expect(await row.innerText()).toContain('集中网络招聘');
    await screenshot(organizer, 'fair-02-organizer-fairs');
  });

  it('registers a new employer account and its unit, checking the credit code', async () => {
    await employer.goto(`${BASE_URL}/register`);
    await employer.getByTestId('register-phone').fill(employerPhone);
    await employer.getByTestId('register-name').fill(unitName);
    await employer.getByTestId('register-password').fill(employerPassword);
    await employer.getByTestId('register-role-employer').click();
    await employer.getByTestId('register-submit').click();
    await employer.getByTestId('home-welcome').waitFor();

    await employer.goto(`${BASE_URL}/employer/profile`);
    await employer.getByTestId('employer-name').fill(unitName);
    const badCode = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    await employer.getByTestId('employer-uscc').fill(badCode);
    await employer.getByTestId('employer-industry').click();
    await employer.getByText('统一社会信用代码不正确').waitFor();
    await employer.getByTestId('employer-uscc').fill(uscc);
    await choose(employer, 'employer-unit-type', '企业');
    await choose(employer, 'employer-size', '小型（20-299人）');
    await employer.getByTestId('employer-industry').fill('信息技术');
    await choose(employer, 'employer-district', '渝北区');
    await employer.getByTestId('employer-intro').fill('专注工业软件和智能制造解决方案，服务本地制造企业。');
    await employer.getByTestId('employer-contact-name').fill('张经理');
    await employer.getByTestId('employer-contact-phone').fill(employerPhone);
    await employer.getByTestId('employer-submit').click();
    await employer.locator('[data-testid="employer-status"][data-status="pending"]').waitFor();
    expect(await employer.getByTestId('employer-status').innerText()).toContain('待审核');
    await screenshot(employer, 'fair-03-employer-registered');
  });

  it('lets the organizer approve the unit', async () => {
    await organizer.goto(`${BASE_URL}/organizer/employers`);
    const row = organizer.locator('tr', { hasText: unitName });
    await row.waitFor();
    await screenshot(organizer, 'fair-04-employer-review');
    await row.getByTestId('employer-approve').click();
    await organizer.locator('tr', { hasText: unitName }).getByText('已通过').waitFor();
  });

  it('lets the employer join the fair', async () => {
    await employer.goto(`${BASE_URL}/employer/fairs`);
    const card = employer.getByTestId(`fair-participation-${fairId}`);
    await card.getByTestId('join-fair').click();
    await card.getByTestId('joined').waitFor();
    await screenshot(employer, 'fair-05-employer-joined');
    await card.getByTestId('post-position').click();
    await employer.getByTestId('position-title').waitFor();
  });

  it('explains, while the employer types, why "湖北籍勿扰" may not be published', async () => {
    await employer.getByTestId('position-title').fill(positionTitle);
    await employer.getByTestId('position-category').fill('软件开发');
    await fillNumber(employer, 'position-headcount', 3);
    await choose(employer, 'position-district', '渝北区');
    await employer.getByTestId('position-duties').fill('参与工业软件的设计、开发和测试。');
    await employer.getByTestId('position-requirements').fill('本科及以上学历，计算机相关专业，湖北籍勿扰。');
    await employer.getByTestId('position-environment').fill('渝北区写字楼办公，通勤方便。');
    await employer.getByTestId('position-benefits').fill('五险一金，带薪年假，餐补。');
    await fillNumber(employer, 'position-salary-min', 6000);
    await fillNumber(employer, 'position-salary-max', 9000);

    const finding = employer.locator(
      '[data-testid="rule-finding"][data-code="POSITION_ORIGIN_DISCRIMINATION"]',
    );
    await finding.first().waitFor();
    expect(await finding.first().getByTestId('rule-matched').innerText()).toBe('湖北籍勿扰');
    const panel = await employer.getByTestId('rule-panel').innerText();
    expect(panel).toContain('必须修改');
    expect(panel).toContain('S3:2778-2784');
    await screenshot(employer, 'fair-06-position-rule-live');
  });

  it('refuses the submission and shows the same findings', async () => {
    await employer.getByTestId('position-submit').click();
    await employer.getByTestId('submit-refused').waitFor();
    expect(await employer.getByTestId('position-error').innerText()).toContain('违反发布规定');
    await employer
      .locator('[data-testid="rule-finding"][data-code="POSITION_ORIGIN_DISCRIMINATION"]')
      .first()
      .waitFor();
    await screenshot(employer, 'fair-07-position-refused');
  });

  it('accepts the corrected text for review', async () => {
    await employer
      .getByTestId('position-requirements')
      .fill('本科及以上学历，计算机相关专业，欢迎各地高校毕业生。');
    await employer.locator('[data-testid="rule-check-status"][data-verdict="clean"]').waitFor();
    await employer.getByTestId('position-submit').click();
    const row = employer.locator('tr', { hasText: positionTitle });
    await row.waitFor();
    expect(await row.innerText()).toContain('待审核');
    await screenshot(employer, 'fair-08-my-positions');
  });

  it('lets the organizer approve the position from the review queue', async () => {
    await organizer.goto(`${BASE_URL}/organizer/reviews`);
    const card = organizer.locator(`[data-testid="review-card"][data-title="${positionTitle}"]`);
    await card.waitFor();
    await screenshot(organizer, 'fair-09-review-queue');
    await card.getByTestId('review-approve').click();
    await card.waitFor({ state: 'detached' });
  });

  it('shows the position on the public fair page, to a visitor who is not signed in', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const guest = await context.newPage();
    await guest.goto(`${BASE_URL}/fairs/${fairId}`);
    await guest.getByTestId('fair-theme').waitFor();
    expect(await guest.getByTestId('fair-theme').innerText()).toBe(theme);
    const text = await guest.locator('body').innerText();
    expect(text).toContain('集中网络招聘');
    expect(text).toContain('常态化招聘的结束日期暂不确定');
    const link = guest.getByTestId('position-link').filter({ hasText: positionTitle });
    await link.waitFor();
    await screenshot(guest, 'fair-10-public-fair');
    await link.click();
    await guest.getByTestId('position-title').waitFor();
    expect(await guest.locator('body').innerText()).toContain('欢迎各地高校毕业生');
    await screenshot(guest, 'fair-11-public-position');
    await context.close();
  });
});
