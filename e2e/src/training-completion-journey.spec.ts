import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  completionCatalogue,
  completionClass,
  enrolWithLearning,
  realNameTrainee,
} from '../../backend/src/test-support/completion-fixtures';
import { apiCall, BASE_URL, launchBrowser, screenshot, uniquePhone } from './browser';

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };
const TRAINEE = { phone: uniquePhone(), password: 'Trainee2026ok' };

let browser: Browser;
let pool: pg.Pool;
let enrolmentId = '';
let code = '';

/**
 * The learning the course player would have logged (another branch builds it) goes straight into
 * PostgreSQL; the decision itself comes from the real worker, queued by an organizer.
 */
beforeAll(async () => {
  pool = new pg.Pool({
    connectionString: process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform_e2e',
    options: '-c timezone=UTC',
  });
  const registered = await apiCall<{ user: { id: string } }>('POST', '/api/auth/register', undefined, {
    phone: TRAINEE.phone,
    password: TRAINEE.password,
    displayName: '学员小明',
    roles: ['seeker', 'trainee'],
  });
  await realNameTrainee(pool, '王小明', registered.user.id);
  const classId = await completionClass(pool, await completionCatalogue(pool), '2020-03-02', '2020-04-30');
  enrolmentId = await enrolWithLearning(pool, classId, registered.user.id, '2020-03-02');
  const { accessToken } = await apiCall<{ accessToken: string }>(
    'POST',
    '/api/auth/login',
    undefined,
    ORGANIZER,
  );
  await apiCall('POST', `/api/training/enrolments/${enrolmentId}/completion/evaluate`, accessToken);
  await vi.waitFor(
    async () => {
      const view = await apiCall<{ certificate: { verificationCode: string } | null }>(
        'GET',
        `/api/training/enrolments/${enrolmentId}/completion`,
        accessToken,
      );
      if (!view.certificate) throw new Error('not decided yet');
      code = view.certificate.verificationCode;
    },
    { timeout: 30_000, interval: 250 },
  );
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await pool?.end();
});

describe('a trainee sees the completion and its certificate; anyone verifies the code', () => {
  it('TR-19: the trainee finds 已结业 and the certificate in the ledger and downloads it', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('login-identifier').fill(TRAINEE.phone);
    await page.getByTestId('login-password').fill(TRAINEE.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    await page.locator('[data-nav="traineeLedger"]').click();
    await page.getByTestId('ledger').waitFor();
    expect(await page.getByTestId('ledger').innerText()).toContain(code);
    await screenshot(page, 'training-completion-01-ledger');

    await page.getByRole('link', { name: '结业详情' }).click();
    await page.getByTestId('completion-state').waitFor();
    expect(await page.getByTestId('completion-state').innerText()).toBe('已结业，待结业审核');
    expect(await page.getByTestId('certificate-code').innerText()).toBe(code);
    const [download] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByTestId('download-certificate').click(),
    ]);
    expect(download).toBeTruthy();
    await screenshot(page, 'training-completion-02-status');
  });

  it('a verifier without an account types the code and sees a valid, name-masked certificate', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await page.goto(`${BASE_URL}/verify`);
    await page.getByPlaceholder('例如 7Q2M-XK4D-9TRB').fill(code.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByTestId('verify-result').waitFor();
    const text = await page.locator('.verify').innerText();
    expect(text).toContain('证明有效');
    expect(text).toContain('王*明');
    expect(text).not.toContain('王小明');
    await screenshot(page, 'training-completion-03-verified');

    await page.goto(`${BASE_URL}/verify/ZZZZ-ZZZZ-ZZZ0`);
    await page.getByTestId('verify-failure').waitFor();
    expect(await page.getByTestId('verify-failure').innerText()).toContain('未找到');
  });

  it('a reviewer revokes the certificate with a reason; the public check and the trainee then say so', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('login-identifier').fill(ORGANIZER.identifier);
    await page.getByTestId('login-password').fill(ORGANIZER.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    await page.locator('[data-nav="organizerCompletions"]').click();
    const row = page.getByTestId('completions').locator('tr', { hasText: code });
    await row.getByRole('button', { name: '追溯' }).click();
    await page.getByTestId('revoke-certificate').click();
    // The prompt is a dialog of its own, above the evidence drawer.
    const prompt = page.locator('.el-message-box');
    await prompt.getByRole('textbox').fill('抽查发现学时记录造假');
    await prompt.getByRole('button', { name: '撤销证明' }).click();
    await page.getByText('证明已撤销').first().waitFor();
    await screenshot(page, 'training-completion-04-revoked');

    await page.goto(`${BASE_URL}/verify/${code}`);
    await page.getByTestId('verify-result').waitFor();
    expect(await page.locator('.verify').innerText()).toContain('已于');
  });
});
