import {
  businessDate,
  DEFAULT_AGENCY_SUBSIDY_POLICY,
  makeUnifiedSocialCreditCode,
} from '@platform/contracts';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall as call,
  BASE_URL,
  launchBrowser,
  residentIdNumber,
  saveUpload,
  screenshot,
  signIn,
  uniquePhone,
} from './browser';
import { approvedEmployer } from './journey-seed';

/**
 * Issue 7 acceptance: an agency imports placements from an Excel file, the period is computed
 * (the BullMQ flow in the real worker), the agency opens a rejected line and sees why, claims
 * the eligible one; a reviewer approves it and it appears in the public notice list.
 */
const ADMIN = { identifier: '13800000001', password: 'Demo2026pass' };
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };
const AGENCY_PASSWORD = 'Agency2026ok';
const suffix = String(Date.now()).slice(-6);
const employerUscc = makeUnifiedSocialCreditCode(Math.floor(Math.random() * 800_000_000));
const agencyPhone = uniquePhone();
const hard = { name: '孙困难', idNumber: residentIdNumber(1985) };
const short = { name: '钱短期', idNumber: residentIdNumber(1992) };
const periodLabel = `补贴期${suffix}`;

type Session = { accessToken: string; user: { id: string } };
const login = (account: { identifier: string; password: string }) =>
  call<Session>('POST', '/api/auth/login', undefined, account);
let browser: Browser;
let organizerToken: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await login(ADMIN);
  const organizer = await login(ORGANIZER);
  organizerToken = organizer.accessToken;
  await call('POST', `/api/users/${organizer.user.id}/permissions`, admin.accessToken, {
    permission: 'si_import',
  });
  // The [GAP] dates set by the administrator, so A1 lines can be decided rather than held.
  await call('POST', '/api/agency-subsidies/policies', admin.accessToken, {
    version: `e2e-${suffix}`,
    effectiveFrom: new Date(Date.now() - 1_000).toISOString(),
    values: {
      ...DEFAULT_AGENCY_SUBSIDY_POLICY.values,
      epidemicEndDate: '2020-12-31',
      cqLevel1ResponseEndDate: '2020-12-31',
    },
    note: 'e2e：补齐疫情结束日期',
  });
  const employerPhone = uniquePhone().replace(/^136/, '137');
  await approvedEmployer(organizer.accessToken, {
    phone: employerPhone,
    password: 'Employer2026ok',
    name: `重庆两江智造有限公司${suffix}`,
    size: 'medium',
    uscc: employerUscc,
    industry: '制造业',
    district: '渝北区',
    intro: '智能装备制造。',
    contactName: '吴经理',
  });
  await call('POST', '/api/key-enterprises', organizer.accessToken, {
    uscc: employerUscc,
    name: `重庆两江智造有限公司${suffix}`,
    listName: '工业"双百企业"',
    fromDate: '2020-01-01',
  });
  const agency = await call<Session>('POST', '/api/auth/register', undefined, {
    phone: agencyPhone,
    displayName: `渝才人力${suffix}`,
    password: AGENCY_PASSWORD,
    roles: ['agency'],
  });
  await call('POST', '/api/agencies', agency.accessToken, {
    name: `重庆渝才人力资源服务有限公司${suffix}`,
    uscc: makeUnifiedSocialCreditCode(Math.floor(Math.random() * 800_000_000)),
    siteUrl: 'https://jobs.example.cn',
  });
});
afterAll(() => browser?.close());

/** Six paid months for both workers, imported as staff do from the 社保 export. */
async function importSocialInsurance() {
  const rows = ['身份证号,姓名,单位统一社会信用代码,缴费月份,缴费状态'];
  for (const w of [hard, short])
    for (const m of ['04', '05', '06', '07', '08', '09'])
      rows.push(`${w.idNumber},${w.name},${employerUscc},2020-${m},已缴费`);
  const content = Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`).toString('base64');
  await call('POST', '/api/social-insurance-months/imports', organizerToken, {
    fileName: `si-${suffix}.csv`,
    contentBase64: content,
  });
}

describe('agency subsidies from import to public notice', () => {
  it('the agency imports its placements from Excel', async () => {
    const page = await signIn(browser, { identifier: agencyPhone, password: AGENCY_PASSWORD });
    await page.goto(`${BASE_URL}/agency/placements`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('placement-import-template').click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const row = (cells: Record<string, string>) => header.map((label) => cells[label] ?? '');
    const base = {
      用人单位统一社会信用代码: employerUscc,
      岗位: '装配工',
      推荐日期: '2020-03-20',
      '向劳动者收费(元)': '0',
      渠道: '其他',
      合同签订日期: '2020-04-01',
      合同开始日期: '2020-04-01',
      合同结束日期: '2021-03-31',
      人员类别: '就业困难人员',
    };
    sheet.addRow(row({ ...base, 姓名: hard.name, 身份证号: hard.idNumber, 手机号: '13900003333' }));
    // Six months: too short a contract for the subsidy.
    sheet.addRow(
      row({
        ...base,
        姓名: short.name,
        身份证号: short.idNumber,
        手机号: '13900004444',
        合同结束日期: '2020-09-30',
      }),
    );
    const file = saveUpload(`subsidy-placements-${suffix}.xlsx`, Buffer.from(await book.xlsx.writeBuffer()));
    await page.getByTestId('placement-import-input').setInputFiles(file);
    await page.getByTestId('placement-import-summary').getByText('共 2 行，导入 2 行').waitFor();
    await importSocialInsurance();
    await page.close();
  });

  it('the organizer runs the period and watches it complete', async () => {
    const today = businessDate();
    await call('POST', '/api/admin/subsidy-periods', organizerToken, {
      label: periodLabel,
      fromDate: today,
      toDate: today,
    });
    const page = await signIn(browser, ORGANIZER);
    await page.goto(`${BASE_URL}/organizer/agency-subsidies`);
    await page.getByTestId(`run-${periodLabel}`).click();
    await page.getByTestId('periods-table').getByTestId('run-status-completed').waitFor({ timeout: 60_000 });
    await screenshot(page, 'agency-subsidy-run');
    await page.close();
  });

  it('the agency opens the rejected line, sees why, and claims the eligible one', async () => {
    const page = await signIn(browser, { identifier: agencyPhone, password: AGENCY_PASSWORD });
    await page.goto(`${BASE_URL}/agency/subsidies`);
    const table = page.getByTestId('lines-table');
    await table.getByText('钱*期').waitFor();
    const rejected = table.locator('tr', { hasText: '钱*期' });
    await rejected.getByTestId('line-status-REJECTED').waitFor();
    await rejected.getByRole('button', { name: '为什么' }).click();
    const drawer = page.getByTestId('why-drawer');
    await drawer.getByTestId('why-reason').waitFor();
    expect(await drawer.getByTestId('why-reason').innerText()).toMatch(/合同/);
    expect(await drawer.getByTestId('why-trail').innerText()).toContain('003:L');
    await screenshot(page, 'agency-subsidy-why');
    await page.keyboard.press('Escape');
    await table.locator('tr', { hasText: '孙*难' }).getByTestId('line-status-ELIGIBLE').waitFor();
    await page.getByTestId('submit-claim').click();
    await page.getByTestId('claim-submitted').waitFor();
    await page.close();
  });

  it('a reviewer approves the claim and it appears in the public notice list', async () => {
    const page = await signIn(browser, ORGANIZER);
    await page.goto(`${BASE_URL}/organizer/agency-subsidies`);
    const card = page.getByTestId('review-claim-submitted').filter({ hasText: suffix });
    await card.getByText('孙*难').waitFor();
    await card.getByTestId('submit-review').click();
    // The reviewed claim leaves the 已提交 list once the decision is stored; switching tabs before
    // that would read the 公示 list too early.
    await card.waitFor({ state: 'detached' });
    await page.getByTestId('claims-in_notice').click();
    await page.getByTestId('review-claim-in_notice').filter({ hasText: suffix }).waitFor();
    await page.close();

    const visitor = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await visitor.goto(`${BASE_URL}/subsidy-notices`);
    const notices = visitor.getByTestId('notices-table');
    const line = notices.locator('tr', { hasText: `重庆渝才人力资源服务有限公司${suffix}` });
    await line.getByText('孙*难').waitFor();
    expect(await line.innerText()).toContain('500.00');
    expect(await notices.innerText()).not.toContain(hard.name);
    await screenshot(visitor, 'agency-subsidy-notices');
    await visitor.close();
  });
});
