import {
  agencyEligibilityFailures,
  checkPosting,
  CHONGQING_DISTRICTS,
  fairPhase,
  isValidUnifiedSocialCreditCode,
  postingRuleSetFor,
  UNIT_SIZES,
  UNIT_TYPES,
  type PostingContext,
} from '@platform/contracts';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildAgencies } from './build-agencies';
import { buildEmployer, type GeneratedEmployer } from './build-employers';
import { buildFair } from './build-fairs';
import { buildPosition, type PositionFair, type PositionRow } from './build-positions';
import { insertStatement } from './bulk-writer';
import { type DemoContext, fairDates } from './demo-context';
import { DemoIds } from './demo-ids';
import { type GeneratedPositionStatus, planDemo } from './plan';
import { positions } from '../schema';
import { INDUSTRIES, POSITION_TEMPLATES } from './vocab/industries';
import {
  ENTERPRISE_BENEFITS,
  ENVIRONMENTS,
  GRADUATE_WELCOME,
  HUBEI_WELCOME,
  INSTITUTION_BENEFITS,
  STATE_BENEFITS,
  TRAITS,
} from './vocab/phrases';

const TODAY = '2026-06-15';

function testContext(positions: number): DemoContext {
  const ids = new DemoIds('spec');
  const { running, history } = fairDates(ids, TODAY, true);
  return {
    seed: 'spec',
    ids,
    plan: planDemo(positions, true),
    today: TODAY,
    running,
    history,
    organizerId: ids.id('organizer'),
    passwordHash: 'not-a-real-hash',
    demoEmployerUserId: null,
    demoAgencyUserId: null,
  };
}

function employersOf(ctx: DemoContext): GeneratedEmployer[] {
  const names = new Set<string>();
  return Array.from({ length: ctx.plan.employers }, (_, i) => buildEmployer(ctx, i, names));
}

function runningFair(ctx: DemoContext): PositionFair {
  const { sessions } = buildFair(ctx, ctx.running);
  return {
    dates: ctx.running,
    sessionIds: Object.fromEntries(Object.entries(sessions).map(([k, s]) => [k, s.id!])) as never,
  };
}

/** Re-checks a generated posting with the contracts' checker, independently of the generator. */
function recheck(position: PositionRow, employer: GeneratedEmployer) {
  const context: PostingContext = {
    employerType: employer.row.unitType as PostingContext['employerType'],
    employerProvince: employer.row.province,
    specialRecruitment: position.specialRecruitment!,
    graduatePosition: position.graduateSuitable!,
    submittedOn: TODAY,
  };
  const { title, duties, requirements, environment, benefits } = position;
  return checkPosting(
    { title, duties, requirements, environment, benefits },
    context,
    postingRuleSetFor(TODAY),
  );
}

describe('generated fairs', () => {
  it('runs the fair today and keeps the 2020 dates of the source', () => {
    const ctx = testContext(100);
    const { fair, sessions, announcements } = buildFair(ctx, ctx.running);
    const phase = fairPhase({ ...ctx.running, normalizedMonthsAfterEpidemicEnd: 3 }, TODAY, null).phase;
    expect(phase).toBe('concentrated');
    expect(fair.theme).toBe('就在山城 圆梦青春');
    expect(fair.hosts).toEqual(['重庆市人力资源和社会保障局', '重庆市教育委员会']);
    expect(Object.keys(sessions)).toEqual(
      expect.arrayContaining(['key_enterprises', 'hubei_graduates', 'poverty_counties']),
    );
    expect(announcements[0].publishedAt!.getTime()).toBeLessThan(
      Date.parse(`${fair.launchOn}T00:00:00+08:00`),
    );
    expect(ctx.history).toMatchObject({
      launchOn: '2020-03-05',
      concentratedEndOn: '2020-03-12',
      agencyDeadlineOn: '2020-03-04',
    });
  });
});

describe('generated agencies', () => {
  it('admits five agencies that meet all five conditions and rejects one that does not', () => {
    const agencies = buildAgencies(testContext(100));
    const running = agencies.map((a) => a.applications.at(-1)!);
    const approved = running.filter((a) => a.status === 'approved');
    expect(approved).toHaveLength(5);
    for (const application of approved) {
      expect(agencyEligibilityFailures(application.facts)).toEqual([]);
      expect(application.facts.fairColumnUrl).toMatch(/^https:\/\//);
    }
    const rejected = running.find((a) => a.status === 'rejected')!;
    expect(agencyEligibilityFailures(rejected.facts).length).toBeGreaterThan(0);
    expect(rejected.decisionReason).toContain('运维团队牵头负责人须为公司副总级以上');
  });

  it('attaches real PDF files with their hash', () => {
    for (const { attachments } of buildAgencies(testContext(100)))
      for (const file of attachments) {
        expect(file.content.subarray(0, 5).toString()).toBe('%PDF-');
        expect(file.sha256).toBe(createHash('sha256').update(file.content).digest('hex'));
      }
  });
});

describe('generated employers', () => {
  const ctx = testContext(50_000);
  const employers = employersOf(ctx);

  it('have valid, unique credit codes and unique names', () => {
    for (const { row } of employers) expect(isValidUnifiedSocialCreditCode(row.uscc)).toBe(true);
    expect(new Set(employers.map((e) => e.row.uscc)).size).toBe(employers.length);
    expect(new Set(employers.map((e) => e.row.name)).size).toBe(employers.length);
  });

  it('draw from the shared vocabularies, with SOEs, 事业单位 and 重点企业 among them', () => {
    for (const { row } of employers) {
      expect(CHONGQING_DISTRICTS).toContain(row.district);
      expect(UNIT_TYPES).toContain(row.unitType);
      expect(UNIT_SIZES).toContain(row.size);
    }
    const types = new Set(employers.map((e) => e.row.unitType));
    expect(types).toEqual(new Set(['enterprise', 'soe', 'public_institution', 'social_organization']));
    expect(employers.filter((e) => e.row.isKeyEnterprise).length).toBeGreaterThan(employers.length * 0.05);
    expect(employers[0].row.name).toBe('重庆示例科技有限公司');
  });

  it('are mostly approved, a few pending, one rejected with a reason; approved ones pick 1-3 agencies', () => {
    const by = (status: string) => employers.filter((e) => e.row.status === status);
    expect(by('approved').length).toBe(ctx.plan.approvedEmployers);
    expect(by('pending').every((e) => e.row.reviewedAt === null && e.joinedRunningAt === null)).toBe(true);
    expect(by('rejected')).toHaveLength(1);
    expect(by('rejected')[0].row.reviewReason).toBeTruthy();
    for (const e of by('approved')) expect(e.agencies.length).toBeGreaterThanOrEqual(1);
    for (const e of by('approved')) expect(e.agencies.length).toBeLessThanOrEqual(3);
  });
});

describe('position vocabulary', () => {
  it('offers every template in some industry', () => {
    const offered = new Set(INDUSTRIES.flatMap((i) => i.titles.map((t) => t.title)));
    expect(POSITION_TEMPLATES.filter((t) => !offered.has(t.title)).map((t) => t.title)).toEqual([]);
  });

  it('has no phrase that any posting rule flags, even for an SOE hiring graduates in March 2020', () => {
    const strictest: PostingContext = {
      employerType: 'soe',
      employerProvince: '重庆市',
      specialRecruitment: false,
      graduatePosition: true,
      submittedOn: '2020-03-05',
    };
    const shared = [...GRADUATE_WELCOME, ...TRAITS, HUBEI_WELCOME].join('；');
    const benefits = [...ENTERPRISE_BENEFITS, ...STATE_BENEFITS, ...INSTITUTION_BENEFITS].join('，');
    for (const t of POSITION_TEMPLATES) {
      const text = {
        title: t.title,
        duties: t.duties.join('；'),
        requirements: [t.majors.join('、'), ...t.skills, shared].join('；'),
        environment: Object.values(ENVIRONMENTS).flat().join(''),
        benefits,
      };
      const check = checkPosting(text, strictest, postingRuleSetFor('2020-03-05'));
      expect(check.findings, t.title).toEqual([]);
    }
  });
});

describe('generated positions', () => {
  const ctx = testContext(3000);
  const approved = employersOf(ctx).filter((e) => e.row.status === 'approved');
  const fair = runningFair(ctx);
  const build = (status: GeneratedPositionStatus, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const employer = approved[i % approved.length];
      return { employer, position: buildPosition(ctx, fair, employer, i, status) };
    });

  it('publish clean postings with all four texts and a stored clean check', () => {
    for (const { employer, position } of [...build('published', 3000), ...build('closed', 200)]) {
      expect(recheck(position, employer).verdict).toBe('clean');
      expect(position.ruleCheck!.result.verdict).toBe('clean');
      for (const text of [position.duties, position.requirements, position.environment, position.benefits])
        expect(text.length).toBeGreaterThan(10);
      expect(position.salaryMin).toBeGreaterThanOrEqual(2100);
      expect(position.salaryMax).toBeGreaterThan(position.salaryMin);
    }
  });

  it('keep drafts clean too, unchecked until submitted', () => {
    for (const { employer, position } of build('draft', 500)) {
      expect(recheck(position, employer).verdict).toBe('clean');
      expect(position.ruleCheck).toBeNull();
    }
  });

  it('queue pending postings with the review-level Hubei finding (R-DIS-6)', () => {
    for (const { employer, position } of build('pending_review', 50)) {
      const check = recheck(position, employer);
      expect(check.verdict).toBe('review');
      expect(check.findings.map((f) => f.ruleId)).toEqual(['R-DIS-6']);
      expect(position.ruleCheck!.result).toEqual(check);
    }
  });

  it('come out identical when built again', () => {
    const first = build('published', 200).map((b) => b.position);
    expect(build('published', 200).map((b) => b.position)).toEqual(first);
  });
});

describe('bulk insert statement', () => {
  it('sends one array per column and casts JSON and arrays from text', () => {
    const ctx = testContext(100);
    const employer = employersOf(ctx)[0];
    const row = buildPosition(ctx, runningFair(ctx), employer, 0, 'published');
    const { text, values } = insertStatement(positions, [row, row]);
    expect(text).toMatch(
      /^insert into "positions" \("id", "employer_id", .*\) select .* from unnest\(\$1::uuid\[\]/,
    );
    expect(text).toContain('::jsonb');
    expect(text).toContain('::uuid[]');
    expect(values.every((column) => column.length === 2)).toBe(true);
  });
});
