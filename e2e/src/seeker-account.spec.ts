import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, screenshot, uniquePhone } from './browser';

let browser: Browser;
let page: Page;
const phone = uniquePhone();
const password = 'Graduate2026ok';

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
});
afterAll(() => browser?.close());

describe('a graduate creates an account and signs in', () => {
  it('shows the login page in Chinese at the root', async () => {
    await page.goto(BASE_URL);
    await page.getByTestId('login-submit').waitFor();
    expect(page.url()).toContain('/login');
    expect(await page.locator('body').innerText()).toContain('登录');
    await screenshot(page, 'login');
  });

  it('explains a weak password before anything is sent', async () => {
    await page.goto(`${BASE_URL}/register`);
    await page.getByTestId('register-password').fill('123');
    expect(await page.locator('body').innerText()).toMatch(/至少\s*8/);
  });

  it('registers as a seeker and lands on the home page', async () => {
    await page.goto(`${BASE_URL}/register`);
    await page.getByTestId('register-phone').fill(phone);
    await page.getByTestId('register-name').fill('王同学');
    await page.getByTestId('register-password').fill(password);
    await page.getByTestId('register-role-seeker').click();
    await page.getByTestId('register-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    expect(await page.getByTestId('home-welcome').innerText()).toContain('王同学');
  });

  it('refuses a second account with the same phone number with a clear message', async () => {
    const other = await browser.newPage({ locale: 'zh-CN' });
    await other.goto(`${BASE_URL}/register`);
    await other.getByTestId('register-phone').fill(phone);
    await other.getByTestId('register-name').fill('冒名者');
    await other.getByTestId('register-password').fill('Another2026ok');
    await other.getByTestId('register-role-seeker').click();
    await other.getByTestId('register-submit').click();
    await other.getByText('该手机号已注册').first().waitFor();
    await other.close();
  });

  it('logs out, signs in again and shows the home page in Chinese', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();

    await page.getByTestId('login-identifier').fill(phone);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain('欢迎');
    expect(text).toContain('求职者');
    await screenshot(page, 'home-logged-in');
  });

  it('keeps the session across a reload through the refresh cookie', async () => {
    await page.reload();
    await page.getByTestId('home-welcome').waitFor();
    expect(page.url()).not.toContain('/login');
  });
});
