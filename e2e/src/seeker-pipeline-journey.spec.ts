import { businessDate } from '@platform/contracts';
import type { Browser, Page } from 'playwright-core';
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

const suffix = String(Date.now()).slice(-6);
const today = businessDate();
const year = Number(today.slice(0, 4));
const positionTitle = `前端开发工程师${suffix}`;
const unitName = `重庆两江数智科技有限公司${suffix}`;
const employer = {
  phone: `137${String((Date.now() + 7) % 1e8).padStart(8, '0')}`,
  password: 'Employer2026ok',
};
const seeker = { phone: uniquePhone(), password: 'Graduate2026ok', name: `李同学${suffix.slice(-3)}` };
const idNumber = residentIdNumber(year - 22);

let browser: Browser;
let graduate: Page;
let recruiter: Page;
let fairId = '';

/**
 * The fair, the employer and its approved position, set up through the api: the fair journey
 * already walks these pages, this one is about the graduate and the pipeline.
 */
async function setUpFairWithPosition(): Promise<string> {
  const { accessToken: organizer } = await call<{ accessToken: string }>(
    'POST',
    '/api/auth/login',
    undefined,
    ORGANIZER,
  );
  const fair = await runningFair(organizer, `就在山城 圆梦青春 ${suffix}`);
  const { token: owner } = await approvedEmployer(
    organizer,
    {
      phone: employer.phone,
      password: employer.password,
      name: unitName,
      industry: '信息技术',
      district: '渝北区',
      intro: '面向制造企业的工业互联网平台研发与运营。',
      contactName: '陈经理',
    },
    fair.id,
  );
  const position = await call<{ id: string }>('POST', '/api/positions', owner, {
    fairId: fair.id,
    title: positionTitle,
    category: '软件开发',
    headcount: 2,
    duties: '负责工业互联网平台的前端开发，使用 Vue 和 TypeScript。',
    requirements: '本科及以上学历，计算机相关专业，熟悉 JavaScript，欢迎应届毕业生。',
    environment: '两江新区写字楼，交通便利。',
    benefits: '五险一金，带薪年假，双休。',
    salaryMin: 6000,
    salaryMax: 9000,
    education: 'bachelor',
    district: '渝北区',
  });
  await call('POST', `/api/positions/${position.id}/submission`, owner);
  await call('POST', `/api/positions/${position.id}/review`, organizer, { decision: 'approve' });
  return fair.id;
}

/** A full-page screenshot from the top, so the sticky header is not drawn over the middle. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return save(page, name);
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

/** Types a date into an Element Plus date picker (the format it shows) and confirms it. */
async function fillDate(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId).locator('input').first();
  const target = (await input.count()) ? input : page.locator(`input[data-testid="${testId}"]`);
  await target.fill(value);
  await target.press('Enter');
}

beforeAll(async () => {
  fairId = await setUpFairWithPosition();
  browser = await launchBrowser();
  // Two contexts: two people, two sessions, two live sockets.
  const options = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' };
  graduate = await (await browser.newContext(options)).newPage();
  recruiter = await (await browser.newContext(options)).newPage();
});
afterAll(() => browser?.close());

describe('a graduate applies and follows the employer’s screening live', () => {
  it('registers as a graduate in the browser', async () => {
    await graduate.goto(`${BASE_URL}/register`);
    await graduate.getByTestId('register-phone').fill(seeker.phone);
    await graduate.getByTestId('register-name').fill(seeker.name);
    await graduate.getByTestId('register-password').fill(seeker.password);
    await graduate.getByTestId('register-role-seeker').click();
    await graduate.getByTestId('register-submit').click();
    await graduate.getByTestId('home-welcome').waitFor();
  });

  it('is told to verify the real name first when applying too early, with the way there', async () => {
    await graduate.goto(`${BASE_URL}/fairs/${fairId}`);
    await graduate.getByTestId('position-link').filter({ hasText: positionTitle }).click();
    await graduate.getByTestId('apply-button').click();
    const refusal = graduate.locator('[data-testid="apply-error"][data-code="SEEKER_NOT_VERIFIED"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('请先完成实名认证');
    await screenshot(graduate, 'pipeline-01-apply-refused');
    await refusal.getByRole('link', { name: '去实名认证' }).click();
    await graduate.getByTestId('seeker-real-name').waitFor();
  });

  it('verifies the real name; a wrong check digit is caught, and afterwards only the masked number shows', async () => {
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
    await graduate.getByTestId('seeker-real-name').fill(seeker.name);
    await graduate.getByTestId('seeker-id-number').fill(wrong);
    await graduate.getByTestId('seeker-real-name').click();
    await graduate.getByText('身份证号码校验不通过').waitFor();
    await graduate.getByTestId('seeker-id-number').fill(idNumber);
    await graduate.getByTestId('seeker-verify').click();
    const identity = graduate.getByTestId('verified-identity');
    await identity.waitFor();
    const shown = await identity.innerText();
    expect(shown).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(await graduate.locator('body').innerText()).not.toContain(idNumber);
  });

  it('fills the profile for this year’s cohort', async () => {
    await graduate.getByTestId('seeker-university').fill('重庆大学');
    await graduate.getByTestId('seeker-major').fill('软件工程');
    await choose(graduate, 'seeker-degree', '本科');
    await fillNumber(graduate, 'seeker-cohort', year);
    await graduate.getByTestId('seeker-profile-save').click();
    await graduate.getByText('求职信息已保存').waitFor();
    await screenshot(graduate, 'pipeline-02-profile');
  });

  it('writes the resume, choosing who may see it', async () => {
    await graduate.getByTestId('to-resume').click();
    await graduate.getByTestId('resume-headline').fill('软件工程应届本科生，求职前端开发');
    const education = graduate.getByTestId('education-0');
    await education.getByTestId('edu-school').fill('重庆大学');
    await education.getByTestId('edu-major').fill('软件工程');
    await choose(graduate, 'edu-degree', '本科');
    await fillDate(graduate, 'edu-from', `${year - 4}-09`);
    await fillDate(graduate, 'edu-to', `${year}-06`);
    await graduate.getByTestId('resume-skills').fill('JavaScript、Vue、TypeScript');
    await graduate.getByTestId('resume-position').fill('前端开发');
    await choose(graduate, 'resume-district', '渝北区');
    await fillNumber(graduate, 'resume-salary-min', 6000);
    await fillNumber(graduate, 'resume-salary-max', 9000);
    await graduate.getByTestId('resume-visibility').getByText('公开给审核通过的用人单位').click();
    await graduate.getByTestId('resume-save').click();
    await graduate.getByText('简历已保存').waitFor();
    expect(await graduate.getByTestId('resume-pdf').isEnabled()).toBe(true);
    await screenshot(graduate, 'pipeline-03-resume');
  });

  it('applies to the position from the fair page and sees it submitted', async () => {
    await graduate.goto(`${BASE_URL}/fairs/${fairId}`);
    await graduate.getByTestId('position-link').filter({ hasText: positionTitle }).click();
    await graduate.getByTestId('apply-button').click();
    await graduate.getByTestId('apply-success').waitFor();
    await graduate.getByTestId('apply-view-application').click();
    await graduate.locator('[data-testid="application-status"] [data-status="submitted"]').waitFor();
    await graduate.locator('[data-testid="live-indicator"][data-connected="true"]').waitFor();
    await screenshot(graduate, 'pipeline-04-applied');
  });

  it('lets the employer open the resume with contacts and shortlist the graduate', async () => {
    // Marks this document: if the graduate's page reloads, the mark is gone.
    await graduate.evaluate(() => Object.assign(window, { pipelineMark: 'same-document' }));

    await recruiter.goto(`${BASE_URL}/login`);
    await recruiter.getByTestId('login-identifier').fill(employer.phone);
    await recruiter.getByTestId('login-password').fill(employer.password);
    await recruiter.getByTestId('login-submit').click();
    await recruiter.getByTestId('home-welcome').waitFor();
    await recruiter.goto(`${BASE_URL}/employer/screening`);
    const row = recruiter.getByTestId('screening-list').locator('tr', { hasText: seeker.name });
    await row.waitFor();
    expect(await row.innerText()).toContain('重庆大学');
    await screenshot(recruiter, 'pipeline-05-screening-list');
    await row.getByTestId('screening-open').click();

    const contacts = recruiter.getByTestId('resume-contacts');
    await contacts.waitFor();
    expect(await contacts.getAttribute('data-masked')).toBe('false');
    expect(await contacts.innerText()).toContain(seeker.phone);
    // Opening the resume recorded the first look.
    await recruiter.locator('[data-testid="employer-application-status"] [data-status="viewed"]').waitFor();
    await recruiter.getByTestId('move-shortlisted').click();
    await recruiter
      .locator('[data-testid="employer-application-status"] [data-status="shortlisted"]')
      .waitFor();
    await screenshot(recruiter, 'pipeline-06-employer-shortlisted');
  });

  it('shows 初筛通过 on the graduate’s open page without a reload', async () => {
    const status = graduate.locator('[data-testid="application-status"] [data-status="shortlisted"]');
    await status.waitFor();
    expect(await status.innerText()).toBe('初筛通过');
    expect(await graduate.evaluate(() => (window as unknown as { pipelineMark?: string }).pipelineMark)).toBe(
      'same-document',
    );
    await graduate.locator('.live-notification').first().waitFor();
    expect(await graduate.getByTestId('application-timeline').innerText()).toContain('初筛通过');
    await screenshot(graduate, 'pipeline-07-live-shortlisted');
  });

  it('finds the graduate’s open resume in search with the contacts masked, and downloads it as PDF', async () => {
    const applicationUrl = recruiter.url();
    await recruiter.goto(`${BASE_URL}/employer/resumes`);
    await recruiter.getByTestId('resume-search').fill('前端开发');
    const row = recruiter.getByTestId('resume-results').locator('tr', { hasText: seeker.name });
    await row.waitFor();
    const masked = `${seeker.phone.slice(0, 3)}****${seeker.phone.slice(-4)}`;
    expect(await row.getByTestId('masked-phone').innerText()).toBe(masked);
    expect(await row.innerText()).not.toContain(seeker.phone);
    const download = recruiter.waitForEvent('download');
    await row.getByTestId('resume-search-download').click();
    expect((await download).suggestedFilename()).toBe(`${seeker.name}-简历.pdf`);
    await recruiter.locator('[data-testid="resume-results"] .el-loading-mask').waitFor({ state: 'detached' });
    await screenshot(recruiter, 'pipeline-07b-resume-search');
    await recruiter.goto(applicationUrl);
    await recruiter
      .locator('[data-testid="employer-application-status"] [data-status="shortlisted"]')
      .waitFor();
  });

  it('takes the graduate through interview to an offer agreement the employer signs and verifies', async () => {
    await recruiter.getByTestId('move-interview').click();
    await recruiter
      .locator('[data-testid="employer-application-status"] [data-status="interview"]')
      .waitFor();
    await recruiter.getByTestId('move-offer').click();
    await recruiter.locator('[data-testid="employer-application-status"] [data-status="offer"]').waitFor();
    await recruiter.getByTestId('offer-open').click();
    await recruiter.getByTestId('offer-workplace').fill('重庆市渝北区');
    await fillNumber(recruiter, 'offer-salary', 8000);
    await fillDate(recruiter, 'offer-start', `${year}-07-01`);
    await recruiter.getByTestId('offer-open-ended').click();
    await recruiter.getByTestId('offer-send').click();
    await recruiter.getByTestId('offered-agreement').waitFor();
    await recruiter.getByTestId('agreement-verify').click();
    await recruiter.locator('[data-testid="agreement-verification"][data-intact="true"]').waitFor();
    await screenshot(recruiter, 'pipeline-08-offer-sent');
  });

  it('lets the graduate sign only after consenting to the electronic form, and is hired', async () => {
    await graduate.locator('[data-testid="application-status"] [data-status="offer"]').waitFor();
    await graduate.getByTestId('open-agreement').click();
    const sign = graduate.getByTestId('agreement-sign');
    await sign.waitFor();
    expect(await sign.isDisabled()).toBe(true);
    await graduate.getByTestId('agreement-consent').click();
    await sign.click();
    await graduate.locator('[data-testid="agreement-status"][data-status="signed"]').waitFor();
    await graduate.getByTestId('agreement-verify').click();
    await graduate.locator('[data-testid="agreement-verification"][data-intact="true"]').waitFor();
    await screenshot(graduate, 'pipeline-09-signed');
    await graduate.goto(`${BASE_URL}/seeker/applications`);
    const row = graduate.getByTestId('my-applications').locator('tr', { hasText: positionTitle });
    await row.locator('[data-status="hired"]').waitFor();
  });
});
