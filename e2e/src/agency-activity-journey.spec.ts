import { makeUnifiedSocialCreditCode } from '@platform/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall as call,
  BASE_URL,
  launchBrowser,
  saveUpload,
  screenshot,
  signIn,
  uniquePhone,
} from './browser';

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ADMIN = { identifier: '13800000001', password: 'Demo2026pass' };
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };
const suffix = String(Date.now()).slice(-6);
const agencyUscc = makeUnifiedSocialCreditCode(Math.floor(Math.random() * 800_000_000));
const agencyName = `重庆引才人力资源有限公司${suffix}`;
const employerUscc = makeUnifiedSocialCreditCode(Math.floor(Math.random() * 800_000_000));

let browser: Browser;
let organizerId: string;

type Session = { accessToken: string; user: { id: string } };

beforeAll(async () => {
  browser = await launchBrowser();
  organizerId = (await call<Session>('POST', '/api/auth/login', undefined, ORGANIZER)).user.id;
  const agency = await call<Session>('POST', '/api/auth/register', undefined, {
    phone: uniquePhone(),
    displayName: `引才${suffix}`,
    password: 'Agency2026ok',
    roles: ['agency'],
  });
  await call('POST', '/api/agencies', agency.accessToken, {
    name: agencyName,
    uscc: agencyUscc,
    siteUrl: 'https://yincai.example.cn',
  });
});
afterAll(() => browser?.close());

describe('重庆英才网 activity records (A4/A5)', () => {
  it('lets the admin name the organizer for the activity import on 人员与指定专人权限', async () => {
    const page = await signIn(browser, ADMIN);
    await page.goto(`${BASE_URL}/system/users`);
    const box = page.getByTestId(`perm-activity_import-${organizerId}`);
    await box.waitFor();
    if (!(await box.locator('input').isChecked())) await box.locator('.el-checkbox').click();
    await expect.poll(() => box.locator('input').isChecked()).toBe(true);
    await screenshot(page, 'admin-staff-permissions');
  });

  it('lets the named organizer import 引才 services with row errors and list the agency', async () => {
    const page = await signIn(browser, ORGANIZER);
    await page.goto(`${BASE_URL}/organizer/activity-records`);
    await page.getByTestId('a4-import').waitFor();
    const lines = [
      '机构统一社会信用代码,用人单位统一社会信用代码,用人单位名称,已提供网上引才服务(是/否)',
      `${agencyUscc},${employerUscc},重庆渝州智造有限公司${suffix},是`,
      `${agencyUscc},ABC,坏代码单位,是`,
    ];
    const file = saveUpload(`a4-${suffix}.csv`, Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`));
    await page.getByTestId('a4-import-input').setInputFiles(file);
    await page.getByTestId('a4-import-summary').getByText('共 2 行，导入 1 行').waitFor();
    const cells = await page.getByTestId('a4-import-errors').locator('tbody tr td').allInnerTexts();
    expect(cells.slice(0, 3).map((c) => c.trim())).toEqual(['3', '用人单位统一社会信用代码', 'USCC_INVALID']);
    await page.getByTestId('a4-table').getByText(`重庆渝州智造有限公司${suffix}`).waitFor();

    await page.getByTestId('listed-uscc').fill(agencyUscc);
    await page.getByTestId('listed-add').click();
    await page.getByTestId('listed-table').getByText(agencyName).waitFor();
    await page.getByTestId('activity-batches').getByText(`a4-${suffix}.csv`).waitFor();
    await screenshot(page, 'organizer-activity-records');
  });
});
