import { createServer, connect, type Server, type Socket } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as call, BASE_URL, screenshot, uniquePhone } from './browser';
import { approvedEmployer, runningFair } from './journey-seed';

// Seeded by `npm test` before the stack starts (backend/src/database/seed.ts).
const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };
const SECOND = process.env.E2E_SECOND_BASE_URL ?? 'http://127.0.0.1:3101';
const SECOND_PID = Number(process.env.E2E_SECOND_API_PID ?? 0);
const portOf = (url: string) => Number(new URL(url).port);

/**
 * One address per person in front of the api processes, as a load balancer would be: the
 * employer's goes to api 1, the seeker's to api 2. When api 2 dies, the seeker's address is
 * pointed at api 1 (the balancer's health check) and the page reconnects through it.
 */
class Balancer {
  private readonly server: Server;
  private readonly open = new Set<Socket>();
  port = 0;

  constructor(public target: number) {
    this.server = createServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      this.open.add(client).add(upstream);
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.open.delete(client);
        this.open.delete(upstream);
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
      client.pipe(upstream).pipe(client);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.open.forEach((s) => s.destroy());
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const suffix = String(Date.now()).slice(-6);
const unitName = `重庆渝音视讯科技有限公司${suffix}`;
const employer = {
  phone: `135${String((Date.now() + 11) % 1e8).padStart(8, '0')}`,
  password: 'Employer2026ok',
};
const seeker = { phone: uniquePhone(), password: 'Graduate2026ok' };

let browser: Browser;
let recruiter: Page;
let graduate: Page;
let toFirst: Balancer;
let toSecond: Balancer;
let recruiterUrl = '';
let graduateUrl = '';
let callUrl = '';
let fairId = '';

async function setUp(): Promise<void> {
  const { accessToken: organizer } = await call<{ accessToken: string }>(
    'POST',
    '/api/auth/login',
    undefined,
    ORGANIZER,
  );
  const fair = await runningFair(organizer, `就在山城 圆梦青春 视频面试 ${suffix}`);
  fairId = fair.id;
  await approvedEmployer(
    organizer,
    {
      phone: employer.phone,
      password: employer.password,
      name: unitName,
      displayName: '王面试官',
      industry: '信息技术',
      district: '渝北区',
      intro: '音视频通信与在线招聘服务。',
      contactName: '王经理',
    },
    fair.id,
  );
  await call('POST', '/api/auth/register', undefined, {
    phone: seeker.phone,
    displayName: '张同学',
    password: seeker.password,
    roles: ['seeker'],
  });
}

async function signIn(page: Page, base: string, account: { phone: string; password: string }) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-identifier').fill(account.phone);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Frames of the other side's camera arrive and keep arriving. */
async function receivesVideo(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
    return !!video && video.videoWidth > 0 && video.currentTime > 0;
  });
  const before = await page.evaluate(
    () => document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]')!.currentTime,
  );
  await page.waitForFunction(
    (t) => document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]')!.currentTime > t + 0.5,
    before,
  );
}

beforeAll(async () => {
  expect(SECOND_PID, 'scripts/test.mjs starts a second api and passes its pid').toBeGreaterThan(0);
  await setUp();
  toFirst = new Balancer(portOf(BASE_URL));
  toSecond = new Balancer(portOf(SECOND));
  recruiterUrl = await toFirst.listen();
  graduateUrl = await toSecond.listen();
  browser = await chromium.launch({
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
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      // Real host candidates between the two contexts (no mDNS names, which nothing resolves here).
      '--disable-features=WebRtcHideLocalIpsWithMdns',
    ],
  });
  recruiter = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  graduate = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  recruiter.setDefaultTimeout(30_000);
  graduate.setDefaultTimeout(30_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await toFirst?.close();
  await toSecond?.close();
});

describe('a fair-booth video interview across two api processes', () => {
  it('the employer opens the booth queue and the seeker, on the other api process, takes place 1', async () => {
    await signIn(recruiter, recruiterUrl, employer);
    await signIn(graduate, graduateUrl, seeker);
    // Other journeys run fairs too: open this one's booth, as its fair page links do.
    await recruiter.goto(`${recruiterUrl}/employer/booth?fairId=${fairId}`);
    await recruiter.getByTestId('booth-toggle').click();
    await expect.poll(() => recruiter.getByTestId('booth-state').textContent()).toContain('排队中');

    await graduate.goto(`${graduateUrl}/seeker/queues?fairId=${fairId}`);
    await graduate.getByTestId('open-booths').getByText(unitName).waitFor();
    await graduate.getByTestId('join-queue').first().click();
    await expect
      .poll(() => graduate.getByTestId('queue-position').textContent())
      .toContain('第 1 位 / 共 1 人');
    await recruiter.getByTestId('booth-queue').getByText('在线').waitFor();
    await screenshot(graduate, 'interview-call-01-seeker-queue');
    await screenshot(recruiter, 'interview-call-02-employer-console');
  }, 90_000);

  it('叫号: the seeker is called in live and both reach a connected call with each other’s video', async () => {
    await recruiter.getByTestId('call-next').click();
    await recruiter.waitForURL(/\/interviews\/call\//);
    callUrl = new URL(recruiter.url()).pathname;
    await graduate.getByTestId('call-in').waitFor();
    await screenshot(graduate, 'interview-call-03-call-in');
    await graduate.getByTestId('enter-call').click();
    await graduate.waitForURL(/\/interviews\/call\//);
    expect(new URL(graduate.url()).pathname).toBe(callUrl);

    await recruiter.locator('[data-connection="connected"]').waitFor();
    await graduate.locator('[data-connection="connected"]').waitFor();
    await receivesVideo(recruiter);
    await receivesVideo(graduate);
    await expect.poll(() => recruiter.getByTestId('peer-state').textContent()).toContain('对方已进入');
    await screenshot(recruiter, 'interview-call-04-employer-in-call');
    await screenshot(graduate, 'interview-call-05-seeker-in-call');
  }, 90_000);

  it('api process 2 dies: the seeker reconnects through api 1 and the call goes on', async () => {
    process.kill(SECOND_PID, 'SIGKILL');
    toSecond.target = portOf(BASE_URL);
    await graduate.locator('[data-signalling="reconnecting"]').waitFor();
    await graduate.locator('[data-signalling="connected"]').waitFor({ timeout: 45_000 });
    // Re-joined on the surviving process: the call, its presence and the media are all still there.
    await expect.poll(() => recruiter.getByTestId('peer-state').textContent()).toContain('对方已进入');
    expect(await graduate.locator('[data-connection]').getAttribute('data-connection')).toBe('connected');
    await receivesVideo(graduate);
    await receivesVideo(recruiter);
    await screenshot(graduate, 'interview-call-06-seeker-after-failover');

    // Signalling goes through api 1 now: muting reaches the employer.
    await graduate.getByTestId('toggle-audio').click();
    await recruiter.getByText('对方已静音').waitFor();
  }, 90_000);

  it('the employer ends the interview, sees the metered minutes and writes notes', async () => {
    await recruiter.getByTestId('end-call').click();
    await recruiter.getByTestId('call-ended').waitFor();
    await graduate.getByTestId('call-ended').waitFor();
    await expect.poll(() => recruiter.getByTestId('call-ended').textContent()).toMatch(/本次计时 \d+ 分钟/);
    await recruiter.getByTestId('call-notes').fill('表达清晰，音视频方向基础扎实。');
    await recruiter.getByTestId('call-outcome').getByText('待定').click();
    await recruiter.getByTestId('save-notes').click();
    await recruiter.getByText('已保存').waitFor();
    await screenshot(recruiter, 'interview-call-07-employer-notes');
  }, 60_000);
});
