import { makeUnifiedSocialCreditCode } from '@platform/contracts';
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

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ADMIN = { identifier: '13800000001', password: 'Demo2026pass' };
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };
const AGENCY_PASSWORD = 'Agency2026ok';
const suffix = String(Date.now()).slice(-6);
const employerUscc = makeUnifiedSocialCreditCode(Math.floor(Math.random() * 800_000_000));
const agencyPhone = uniquePhone();
const workers = [
  { name: '陈好学', idNumber: residentIdNumber(1999) },
  { name: '刘木匠', idNumber: residentIdNumber(1988) },
  { name: '错行员', idNumber: residentIdNumber(1995) },
];

let browser: Browser;

type Session = { accessToken: string; user: { id: string } };
const login = (account: { identifier: string; password: string }) =>
  call<Session>('POST', '/api/auth/login', undefined, account);

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await login(ADMIN);
  const organizer = await login(ORGANIZER);
  // 社保 imports are for named staff only: the admin names the demo organizer.
  await call('POST', `/api/users/${organizer.user.id}/permissions`, admin.accessToken, {
    permission: 'si_import',
  });
  const employerPhone = uniquePhone().replace(/^136/, '137');
  await approvedEmployer(organizer.accessToken, {
    phone: employerPhone,
    password: 'Employer2026ok',
    name: `重庆璧山精密制造有限公司${suffix}`,
    size: 'medium',
    uscc: employerUscc,
    industry: '制造业',
    district: '璧山区',
    intro: '汽车零部件精密加工。',
    contactName: '周经理',
  });
  const agency = await call<Session>('POST', '/api/auth/register', undefined, {
    phone: agencyPhone,
    displayName: `山城人力${suffix}`,
    password: AGENCY_PASSWORD,
    roles: ['agency'],
  });
  await call('POST', '/api/agencies', agency.accessToken, {
    name: `重庆山城人力资源服务有限公司${suffix}`,
    uscc: makeUnifiedSocialCreditCode(Math.floor(Math.random() * 800_000_000)),
    siteUrl: 'https://jobs.example.cn',
  });
});
afterAll(() => browser?.close());

describe('agency placements and 社保 months', () => {
  it('lets an agency fill the downloaded template, see the bad row by row and column, and keep the good rows', async () => {
    const page = await signIn(browser, { identifier: agencyPhone, password: AGENCY_PASSWORD });
    await page.goto(`${BASE_URL}/agency/placements`);
    await page.getByText('尚无登记').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('placement-import-template').click(),
    ]);
    expect(download.suggestedFilename()).toBe('推荐就业登记导入模板.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const row = (cells: Record<string, string>) => header.map((label) => cells[label] ?? '');
    const base = {
      手机号: '13900002222',
      用人单位统一社会信用代码: employerUscc,
      岗位: '数控车工',
      推荐日期: '2020-03-05',
      '向劳动者收费(元)': '0',
      渠道: '网络双选会',
      合同签订日期: '2020-03-12',
      合同开始日期: '2020-03-16',
      合同结束日期: '2021-03-15',
      人员类别: '农民工',
    };
    sheet.addRow(row({ ...base, 姓名: workers[0].name, 身份证号: workers[0].idNumber }));
    // The bad row: the contract ends before it starts.
    sheet.addRow(
      row({ ...base, 姓名: workers[2].name, 身份证号: workers[2].idNumber, 合同结束日期: '2020-03-01' }),
    );
    sheet.addRow(row({ ...base, 姓名: workers[1].name, 身份证号: workers[1].idNumber, 渠道: '其他' }));
    const file = saveUpload(`placements-${suffix}.xlsx`, Buffer.from(await book.xlsx.writeBuffer()));
    await page.getByTestId('placement-import-input').setInputFiles(file);

    const summary = page.getByTestId('placement-import-summary');
    await summary.getByText('共 3 行，导入 2 行').waitFor();
    const errors = page.getByTestId('placement-import-errors');
    const errorRow = errors.locator('tbody tr');
    expect(await errorRow.count()).toBe(1);
    const cells = await errorRow.locator('td').allInnerTexts();
    expect(cells.slice(0, 3).map((c) => c.trim())).toEqual([
      '3',
      '合同结束日期',
      'CONTRACT_END_BEFORE_START',
    ]);

    const table = page.getByTestId('placement-table');
    await table.getByText('陈*学').waitFor();
    await table.getByText('刘*匠').waitFor();
    expect(await table.getByText('错*员').count()).toBe(0);
    expect(await table.innerText()).not.toContain(workers[0].idNumber);
    await screenshot(page, 'agency-placements-import');
  });

  it('lets the organizer import 社保 months and reports a month given twice', async () => {
    const page = await signIn(browser, ORGANIZER);
    await page.goto(`${BASE_URL}/organizer/social-insurance`);
    await page.getByTestId('si-import').waitFor();
    const lines = [
      '身份证号,姓名,单位统一社会信用代码,缴费月份,缴费状态',
      `${workers[0].idNumber},${workers[0].name},${employerUscc},2020-04,已缴费`,
      `${workers[0].idNumber},${workers[0].name},${employerUscc},2020-05,单位部分减免`,
      `${workers[0].idNumber},${workers[0].name},${employerUscc},2020-04,已缴费`,
      `${workers[1].idNumber},${workers[1].name},${employerUscc},2020-04,缓缴未补缴`,
    ];
    const file = saveUpload(`si-${suffix}.csv`, Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`));
    await page.getByTestId('si-import-input').setInputFiles(file);
    await page.getByTestId('si-import-summary').getByText('共 4 行，导入 3 行').waitFor();
    const cells = await page.getByTestId('si-import-errors').locator('tbody tr td').allInnerTexts();
    expect(cells.slice(0, 3).map((c) => c.trim())).toEqual(['4', '缴费月份', 'SI_MONTH_DUPLICATE']);

    await page.getByPlaceholder('姓名或身份证后四位').fill('陈');
    await page.getByPlaceholder('姓名或身份证后四位').press('Enter');
    const table = page.getByTestId('si-table');
    // Filtered to 陈: the other worker's month leaves the list.
    await table.getByText('刘*匠').waitFor({ state: 'detached' });
    await table.getByText('单位部分减免').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'organizer-social-insurance');
  });

  it('shows the administrator which policy values the sources leave open', async () => {
    const page = await signIn(browser, ADMIN);
    await page.goto(`${BASE_URL}/system/agency-subsidy-policy`);
    const current = page.getByTestId('agency-policy-current');
    await current.waitFor();
    // A value no journey sets (the subsidy journey fills in the epidemic dates for its own run).
    expect(await page.getByTestId('agency-policy-value-claimDeadlineA1').innerText()).toContain(
      '待定/未给出',
    );
    expect(await page.getByTestId('agency-policy-value-kAmountHardFen').innerText()).toContain('500.00');
    await screenshot(page, 'agency-subsidy-policy');
  });
});
