import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, screenshot, signIn } from './browser';

const VIEWPORT = { width: 1280, height: 900 };

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ADMIN = { identifier: '13800000001', password: 'Demo2026pass' };
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };
const occupation = `缝纫工${String(Date.now()).slice(-5)}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('training policy, reports and the public notice', () => {
  it('lets an administrator see which values are inferred and set a local subsidy standard', async () => {
    const page = await signIn(browser, ADMIN, VIEWPORT);
    await page.goto(`${BASE_URL}/system/training-policy`);
    const current = page.getByTestId('policy-current');
    await current.waitFor();
    expect(await current.innerText()).toContain('推断·可配置');
    expect(await current.innerText()).toContain('每学时分钟数');

    await page.getByTestId('subsidy-policy').getByText('每次培训补贴上限').waitFor();
    const subsidy = page.getByTestId('subsidy-policy-form');
    await subsidy.getByText('尚未设定任何标准').or(subsidy.locator('table')).first().waitFor();
    await subsidy.getByPlaceholder('职业（工种）').fill(occupation);
    await subsidy.locator('.el-input-number input').first().fill('1800');
    await subsidy.getByRole('button', { name: '添加/替换标准' }).click();
    await subsidy.getByText(occupation).waitFor();
    await page.getByTestId('subsidy-policy-save').click();
    await page.getByText(/已创建版本/).waitFor();
    await screenshot(page, 'training-policy-admin');
  });

  it('shows the organizer the training figures by dimension and exports the biweekly workbook', async () => {
    const page = await signIn(browser, ORGANIZER, VIEWPORT);
    await page.goto(`${BASE_URL}/organizer/dashboard`);
    const card = page.getByTestId('training-report');
    await card.getByText(/统计区间：\d{4}-\d{2}-\d{2} 至/).waitFor();
    await card.getByText('培训机构').first().click();
    await card.locator('th', { hasText: '培训机构' }).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('training-report-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^线上培训双周调度表_\d{4}-\d{2}-\d{2}\.xlsx$/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-training');
  });

  it('shows anyone the 公示 of training subsidies without signing in', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 }, locale: 'zh-CN' });
    await page.goto(`${BASE_URL}/training/notices`);
    await page.getByText('培训补贴公示').first().waitFor();
    await page
      .getByText(/当前没有公示中的培训补贴|公示期/)
      .first()
      .waitFor();
    await screenshot(page, 'training-notices-phone');
  });
});
