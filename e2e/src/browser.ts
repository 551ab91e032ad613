import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Browser, chromium, Page } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const ARTIFACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../artifacts');

/**
 * Debian's Chromium, headless. The network flags matter here: this machine's network is closed
 * and Chromium's background connections would otherwise be refused by the dozen. Playwright
 * gives every launch a fresh temporary profile itself.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A synthetic camera and no permission prompt: the learning player's webcam stills.
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A fresh page signed in through the login form, landing on the home page (zh-CN). */
export async function signIn(
  browser: Browser,
  account: { identifier: string; password: string },
  viewport = { width: 1366, height: 900 },
): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  await page.goto(`${BASE_URL}/login`);
  await page.getByTestId('login-identifier').fill(account.identifier);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
  return page;
}

/** Writes a file a journey will upload, under artifacts/uploads; returns its path. */
export function saveUpload(name: string, content: Buffer): string {
  const dir = join(ARTIFACTS, 'uploads');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function uniquePhone(): string {
  return `136${String(Date.now() % 1e8).padStart(8, '0')}`;
}

/** A 身份证 number of someone born in `birthYear` (Chongqing), with a correct GB 11643 check character. */
export function residentIdNumber(birthYear: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const sequence = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const first17 = `500103${birthYear}${month}${day}${sequence}`;
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A JSON call to the api, as the journeys seed their data; a failed call stops the journey. */
export async function apiCall<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** `date` (YYYY-MM-DD) moved by `days`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
