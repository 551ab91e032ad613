import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  employer,
  organizer,
  positionInput,
  runningFair,
  submittedPosition,
} from '../../test-support/fair-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
let fairId: string;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
  fairId = (await runningFair(org)).id;
});
afterAll(() => t.close());

async function joinedEmployer(input: Record<string, unknown> = {}) {
  const unit = await employer(t.app, org, { input });
  await unit.call('POST', `/api/employers/me/fairs/${fairId}`);
  return unit;
}

describe('D. position content validation (recruitment.md §3.4)', () => {
  it('AS-16: origin exclusion is refused as 就业歧视 and the matched phrase is shown; nothing is saved', async () => {
    const unit = await joinedEmployer();
    for (const phrase of ['湖北籍勿扰', '不招湖北人员', '近期去过疫区者谢绝']) {
      const { id, submission } = await submittedPosition(unit.call, fairId, {
        requirements: `本科学历，${phrase}。`,
      });
      expect(submission.statusCode).toBe(422);
      const body = submission.json();
      expect(body.code).toBe('POSITION_CONTENT_REJECTED');
      expect(body.details.check.findings).toEqual([
        expect.objectContaining({
          code: 'POSITION_ORIGIN_DISCRIMINATION',
          field: 'requirements',
          matched: expect.any(String),
          citation: expect.stringContaining('S3:2778'),
        }),
      ]);
      expect(phrase).toContain(body.details.check.findings[0].matched.slice(0, 2));
      expect((await unit.call('GET', `/api/positions/${id}`)).json()).toMatchObject({
        status: 'draft',
        check: null,
      });
    }
  });

  it('AS-17: a Hubei 事业单位 专项招聘 passes the origin filter; the same text from a Chongqing enterprise is held', async () => {
    const hubei = await joinedEmployer({
      unitType: 'public_institution',
      province: '湖北省',
      district: '武汉市洪山区',
      name: '湖北省某研究院',
    });
    const targeted = { requirements: '面向湖北籍高校毕业生。', specialRecruitment: true };
    const passed = await submittedPosition(hubei.call, fairId, targeted);
    expect(passed.submission.json()).toMatchObject({
      status: 'pending_review',
      check: { verdict: 'clean', findings: [] },
    });
    expect(passed.submission.json().check.exemptions[0].because).toContain('R-DIS-6');

    const chongqing = await joinedEmployer();
    const held = await submittedPosition(chongqing.call, fairId, targeted);
    const outcome = held.submission.json();
    const findings = outcome.check?.findings ?? outcome.details.check.findings;
    expect(findings.map((f: { code: string }) => f.code)).toContain('POSITION_ORIGIN_TARGETING');
  });

  it('AS-19: an SOE making an internship at the unit a precondition is flagged', async () => {
    const soe = await joinedEmployer({ unitType: 'soe', name: '重庆某国有集团' });
    const { submission } = await submittedPosition(soe.call, fairId, {
      requirements: '须在本单位实习满3个月方可录用。',
    });
    const body = submission.json();
    const findings = body.check?.findings ?? body.details.check.findings;
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'POSITION_SOE_INTERNSHIP_PRECONDITION',
        citation: expect.stringContaining('S3:2436'),
      }),
    ]);
  });

  it('AS-20: "三严禁" restrictions (985/211 only, gender) are flagged and marked EXTERNAL', async () => {
    const unit = await joinedEmployer();
    for (const [text, code] of [
      ['仅限985/211院校毕业生', 'POSITION_ELITE_SCHOOL_ONLY'],
      ['限男性', 'POSITION_GENDER_RESTRICTION'],
    ]) {
      const { submission } = await submittedPosition(unit.call, fairId, { requirements: `${text}。` });
      const body = submission.json();
      const findings = body.check?.findings ?? body.details.check.findings;
      expect(findings).toEqual([expect.objectContaining({ code, label: 'EXTERNAL' })]);
    }
  });

  it('AS-50: "湖北籍不招" is refused, a health-code check at onboarding is allowed', async () => {
    const unit = await joinedEmployer();
    const refused = await submittedPosition(unit.call, fairId, { requirements: '湖北籍不招。' });
    expect(refused.submission.json().code).toBe('POSITION_CONTENT_REJECTED');
    const allowed = await submittedPosition(unit.call, fairId, {
      requirements: '本科学历。',
      environment: '入职时须出示有效健康码并配合体温检测。',
    });
    expect(allowed.submission.json()).toMatchObject({
      status: 'pending_review',
      check: { verdict: 'clean' },
    });
  });

  it('the editor preview explains findings without saving anything', async () => {
    const unit = await joinedEmployer();
    const preview = await unit.call('POST', '/api/positions/check', {
      title: '行政助理',
      requirements: '限女性，湖北籍勿扰',
    });
    expect(preview.statusCode).toBe(200);
    expect(
      preview
        .json()
        .findings.map((f: { code: string }) => f.code)
        .sort(),
    ).toEqual(['POSITION_GENDER_RESTRICTION', 'POSITION_ORIGIN_DISCRIMINATION']);
    expect(preview.json().findings[0].explanation.zh).toBeTruthy();
    expect((await unit.call('GET', '/api/positions/mine')).json().total).toBe(0);
  });
});

describe('position lifecycle (recruitment.md §2.4)', () => {
  it('draft → review → published; editing sends it back to review; a rejected edit keeps the published text', async () => {
    const unit = await joinedEmployer();
    const { id } = await submittedPosition(unit.call, fairId);
    const queue = (await org.call('GET', '/api/positions/review-queue?pageSize=100')).json();
    expect(queue.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(
      (await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' })).json().status,
    ).toBe('published');

    const badEdit = await unit.call(
      'PUT',
      `/api/positions/${id}`,
      positionInput(fairId, { requirements: '湖北籍勿扰' }),
    );
    expect(badEdit.json().code).toBe('POSITION_CONTENT_REJECTED');
    expect((await unit.call('GET', `/api/positions/${id}`)).json()).toMatchObject({
      status: 'published',
      requirements: expect.not.stringContaining('湖北'),
    });

    const edited = await unit.call(
      'PUT',
      `/api/positions/${id}`,
      positionInput(fairId, { salaryMax: 12000 }),
    );
    expect(edited.json()).toMatchObject({ status: 'pending_review', salaryMax: 12000 });
    expect((await t.app.inject({ method: 'GET', url: `/api/positions/${id}` })).json().code).toBe(
      'NOT_FOUND',
    );

    expect((await org.call('POST', `/api/positions/${id}/review`, { decision: 'reject' })).json().code).toBe(
      'REASON_REQUIRED',
    );
    expect(
      (
        await org.call('POST', `/api/positions/${id}/review`, { decision: 'reject', reason: '薪资描述不清' })
      ).json(),
    ).toMatchObject({ status: 'rejected', reviewReason: '薪资描述不清' });
    expect((await unit.call('POST', `/api/positions/${id}/submission`)).json().status).toBe('pending_review');
    await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' });
    expect((await unit.call('POST', `/api/positions/${id}/closure`)).json().status).toBe('closed');
    expect((await unit.call('POST', `/api/positions/${id}/submission`)).json().code).toBe(
      'POSITION_NOT_EDITABLE',
    );
  });

  it('key enterprises come first in the public list', async () => {
    const ordinary = await joinedEmployer();
    const key = await joinedEmployer();
    await org.call('PATCH', `/api/employers/${key.id}/flags`, { isKeyEnterprise: true });
    for (const unit of [ordinary, key]) {
      const { id } = await submittedPosition(unit.call, fairId);
      await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' });
    }
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/fairs/${fairId}/positions?pageSize=100` })
    ).json();
    expect(list.items[0]).toMatchObject({ employerId: key.id, isKeyEnterprise: true });
  });

  it("refuses a salary range upside down, a missing field, a foreign session and another employer's position", async () => {
    const unit = await joinedEmployer();
    const upside = await unit.call(
      'POST',
      '/api/positions',
      positionInput(fairId, { salaryMin: 9000, salaryMax: 6000 }),
    );
    expect(upside.json()).toMatchObject({
      code: 'POSITION_SALARY_RANGE_INVALID',
      details: { field: 'salaryMin' },
    });
    const missing = await unit.call('POST', '/api/positions', {
      ...positionInput(fairId),
      benefits: undefined,
    });
    expect(missing.json().code).toBe('VALIDATION_FAILED');
    const otherFair = await runningFair(org);
    const session = (
      await org.call('POST', `/api/fairs/${otherFair.id}/sessions`, {
        name: '别的专场',
        targetGroup: 'key_enterprises',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      })
    ).json();
    const foreign = await unit.call(
      'POST',
      '/api/positions',
      positionInput(fairId, { sessionIds: [session.id] }),
    );
    expect(foreign.json().code).toBe('FAIR_SESSION_NOT_IN_FAIR');
    expect((await unit.call('GET', '/api/positions/mine')).json().total).toBe(0);

    const { id } = await submittedPosition(unit.call, fairId);
    const intruder = await joinedEmployer();
    expect((await intruder.call('PUT', `/api/positions/${id}`, positionInput(fairId))).json().code).toBe(
      'FORBIDDEN_NOT_OWNER',
    );
    expect((await intruder.call('POST', `/api/positions/${id}/closure`)).json().code).toBe(
      'FORBIDDEN_NOT_OWNER',
    );
    expect(
      (await intruder.call('POST', `/api/positions/${id}/review`, { decision: 'approve' })).json().code,
    ).toBe('FORBIDDEN_ROLE');
  });

  it('stores the rule check with its inputs, so the decision can be replayed', async () => {
    const unit = await joinedEmployer();
    const { id, submission } = await submittedPosition(unit.call, fairId, {
      requirements: '面向湖北籍高校毕业生',
    });
    expect(submission.json().check.verdict).toBe('review');
    const pool = t.app.get<import('pg').Pool>((await import('../../infra/database/database')).PG_POOL);
    const { rows } = await pool.query('select rule_check from positions where id = $1', [id]);
    const stored = rows[0].rule_check;
    const { checkPosting, postingRuleSetFor } = await import('@platform/contracts');
    const replayed = checkPosting(
      stored.input.text,
      stored.input.context,
      postingRuleSetFor(stored.input.context.submittedOn),
    );
    expect(replayed).toEqual(stored.result);
    expect(stored.result.ruleSetVersion).toBe('2020.1');
  });
});
