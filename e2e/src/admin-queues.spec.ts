import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, screenshot, signIn } from './browser';

const VIEWPORT = { width: 1280, height: 800 };

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ADMIN = { identifier: '13800000001', password: 'Demo2026pass' };
const SEEKER = { identifier: '13800000005', password: 'Demo2026pass' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the queue dashboard at /admin/queues', () => {
  it('opens for a signed-in administrator', async () => {
    const page = await signIn(browser, ADMIN, VIEWPORT);
    expect(await page.locator('body').innerText()).toContain('任务队列');
    const response = await page.goto(`${BASE_URL}/admin/queues`);
    expect(response?.status()).toBe(200);
    await page.getByText('maintenance').first().waitFor();
    await screenshot(page, 'admin-queues');
  });

  it('is refused to a job seeker', async () => {
    const page = await signIn(browser, SEEKER, VIEWPORT);
    const response = await page.goto(`${BASE_URL}/admin/queues`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('body').innerText()).toContain('FORBIDDEN_ROLE');
  });
});
