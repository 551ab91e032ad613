import { businessDate } from '@platform/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, screenshot as save } from './browser';

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };
const suffix = String(Date.now()).slice(-6);
const theme = `重点群体专场 ${suffix}`;

let browser: Browser;
let organizer: Page;

/** A 身份证 number with a correct GB 11643 check character. */
function residentIdNumber(): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const first17 = `50010320020${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 10)}${String(
    Math.floor(Math.random() * 1000),
  ).padStart(3, '0')}`;
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return save(page, name);
}

beforeAll(async () => {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ORGANIZER),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const today = businessDate();
  const created = await fetch(`${BASE_URL}/api/fairs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({
      theme,
      year: Number(today.slice(0, 4)),
      hosts: ['重庆市人力资源和社会保障局'],
      targetGroups: ['all_graduates', 'low_income_families'],
      launchOn: today,
      concentratedEndOn: today,
      agencyDeadlineOn: today,
    }),
  });
  if (!created.ok) throw new Error(`create fair: ${created.status} ${await created.text()}`);

  browser = await launchBrowser();
  organizer = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  ).newPage();
  await organizer.goto(`${BASE_URL}/login`);
  await organizer.getByTestId('login-identifier').fill(ORGANIZER.identifier);
  await organizer.getByTestId('login-password').fill(ORGANIZER.password);
  await organizer.getByTestId('login-submit').click();
  await organizer.getByTestId('home-welcome').waitFor();
});
afterAll(() => browser?.close());

describe('the organizer’s dashboard, key-group coverage and export', () => {
  it('shows the totals and draws the charts', async () => {
    await organizer.goto(`${BASE_URL}/organizer/dashboard`);
    await organizer.getByTestId('dashboard-total-applications').waitFor();
    expect(await organizer.getByTestId('dashboard-total-employers').innerText()).toContain('用人单位');
    await organizer.locator('[data-testid="chart-byDistrict"] canvas').first().waitFor();
    await screenshot(organizer, 'reports-01-dashboard');
  });

  it('explains why the applications CSV is refused to staff without the bulk-export permission', async () => {
    await organizer.getByTestId('export-csv').click();
    const refusal = organizer.getByTestId('export-forbidden');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('批量导出');
  });

  it('checks a pasted roster line by line, imports it and lists who has not joined, masked', async () => {
    const id = residentIdNumber();
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    await organizer.goto(`${BASE_URL}/organizer/coverage`);
    await organizer.getByTestId('coverage-fair').click();
    await organizer.getByRole('option', { name: theme, exact: true }).click();
    const text = organizer.getByTestId('roster-text');
    await text.fill(`高校,姓名,身份证号,群体\n重庆大学,张三,${wrong},家庭经济困难|湖北籍`);
    const problems = organizer.getByTestId('roster-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('第 2 行');
    expect(await organizer.getByTestId('roster-import').isDisabled()).toBe(true);
    await text.fill(`高校,姓名,身份证号,群体\n重庆大学,张三,${id},家庭经济困难|湖北籍`);
    await organizer.getByTestId('roster-import').click();
    await organizer.getByText('已导入 1 人').waitFor();
    await organizer.getByTestId('coverage-show').getByText('未参加').click();
    await organizer.locator('[data-testid="coverage-show"] .is-active', { hasText: '未参加' }).waitFor();
    const row = organizer.getByTestId('coverage-list').locator('tr', { hasText: '张三' });
    await row.waitFor();
    const shown = await row.innerText();
    expect(shown).toContain(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    expect(shown).toContain('未参加');
    expect(shown).not.toContain(id);
    await screenshot(organizer, 'reports-02-coverage');
  });

  it('lists SOE revocations to look into', async () => {
    await organizer.goto(`${BASE_URL}/organizer/agreements`);
    await organizer.getByTestId('flagged-agreements').waitFor();
  });
});
