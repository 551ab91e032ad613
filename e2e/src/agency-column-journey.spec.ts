import { AGENCY_TEAM_GROUPS, makeUnifiedSocialCreditCode } from '@platform/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall as call, BASE_URL, launchBrowser, screenshot, signIn, uniquePhone } from './browser';
import { approvedEmployer, runningFair } from './journey-seed';
import { tinyPdf } from './tiny-pdf';

const ORGANIZER = { identifier: '13800000002', password: 'Demo2026pass' };
const AGENCY_PASSWORD = 'Agency2026ok';
const suffix = String(Date.now()).slice(-6);
const agencyPhone = uniquePhone();
const unitName = `重庆两江智能装备有限公司${suffix}`;

let browser: Browser;

const login = (identifier: string, password: string) =>
  call<{ accessToken: string }>('POST', '/api/auth/login', undefined, { identifier, password });

/** An approved agency in a running fair, chosen by one approved employer with one published position. */
async function seedColumn(): Promise<void> {
  const { accessToken: organizer } = await login(ORGANIZER.identifier, ORGANIZER.password);
  const fair = await runningFair(organizer, `机构专栏专场 ${suffix}`, { agencyDeadlineInclusive: true });

  const { accessToken: agency } = await call<{ accessToken: string }>(
    'POST',
    '/api/auth/register',
    undefined,
    {
      phone: agencyPhone,
      displayName: `山城人力${suffix}`,
      password: AGENCY_PASSWORD,
      roles: ['agency'],
    },
  );
  const profile = await call<{ id: string }>('POST', '/api/agencies', agency, {
    name: `重庆渝才人力资源服务有限公司${suffix}`,
    uscc: makeUnifiedSocialCreditCode(Math.floor(Math.random() * 800_000_000)),
    siteUrl: 'https://jobs.example.cn',
  });
  for (const kind of ['application_form', 'team_roster', 'privacy_measures']) {
    await call('POST', '/api/agencies/me/attachments', agency, {
      kind,
      fileName: `${kind}.pdf`,
      contentType: 'application/pdf',
      contentBase64: tinyPdf(kind).toString('base64'),
    });
  }
  const application = await call<{ id: string }>(
    'POST',
    `/api/fairs/${fair.id}/agency-applications`,
    agency,
    {
      licenseNumber: '（渝）人服证字〔2019〕第0002号',
      fairColumnUrl: 'https://jobs.example.cn/fair-column',
      features: { column: true, invitation: true, videoInterview: true },
      freeInterviewMinutesPerEmployer: 300,
      teamLead: { name: '王强', rank: 'vice_general_manager', phone: '13800000000' },
      groups: AGENCY_TEAM_GROUPS.map((group, i) => ({
        group,
        name: `负责人${i + 1}`,
        phone: `1380000001${i}`,
      })),
      privacyMeasures: '个人信息加密存储，按需最小授权，下载留痕审计。',
    },
  );
  await call('POST', `/api/agency-applications/${application.id}/decision`, organizer, {
    decision: 'approve',
  });

  const { token: owner } = await approvedEmployer(
    organizer,
    {
      phone: uniquePhone().replace(/^136/, '135'),
      password: 'Employer2026ok',
      name: unitName,
      size: 'medium',
      industry: '智能装备制造',
      district: '渝北区',
      intro: '工业机器人与智能产线集成。',
      contactName: '陈经理',
    },
    fair.id,
  );
  await call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${profile.id}`, owner);
  const position = await call<{ id: string }>('POST', '/api/positions', owner, {
    fairId: fair.id,
    title: `机器人调试工程师${suffix}`,
    category: '机械设计',
    headcount: 3,
    district: '渝北区',
    duties: '负责工业机器人工作站的安装、调试与现场技术支持。',
    requirements: '机械、电气或自动化相关专业，大专及以上学历，欢迎应届毕业生。',
    environment: '两江新区厂区，提供班车。',
    benefits: '五险一金，餐补，年度体检。',
    education: 'associate',
    salaryMin: 6000,
    salaryMax: 9000,
  });
  await call('POST', `/api/positions/${position.id}/submission`, owner);
  await call('POST', `/api/positions/${position.id}/review`, organizer, { decision: 'approve' });
}

beforeAll(async () => {
  browser = await launchBrowser();
  await seedColumn();
});
afterAll(() => browser?.close());

describe('an agency’s fair column', () => {
  it('shows the agency the employer that chose it, with its published position', async () => {
    const page = await signIn(browser, { identifier: agencyPhone, password: AGENCY_PASSWORD });
    await page.getByRole('menuitem', { name: '双选会专栏' }).click();
    await page.waitForURL(`${BASE_URL}/agency/fair-columns`);
    const row = page.getByTestId('column-employers').getByRole('row', { name: new RegExp(unitName) });
    await row.waitFor();
    expect(await row.innerText()).toContain('已通过');
    expect(await page.getByTestId('column-total-employers').innerText()).toBe('1');
    await expect
      .poll(() => page.getByTestId('column-facts').innerText())
      .toContain('https://jobs.example.cn/fair-column');
    await screenshot(page, 'agency-fair-column');
  });
});
