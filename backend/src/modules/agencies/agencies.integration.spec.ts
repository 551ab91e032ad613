import { AGENCY_TEAM_GROUPS } from '@platform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agency,
  approvedAgency,
  caller,
  daysFromToday,
  employer,
  employerInput,
  organizer,
  runningFair,
  submittedPosition,
  uniqueUscc,
} from '../../test-support/fair-fixtures';
import { readySeeker } from '../../test-support/seeker-fixtures';
import { registerStaff, registerUser, startTestApp, TestApp } from '../../test-support/test-app';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
});
afterAll(() => t.close());

const publicAgencies = async (fairId: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/fairs/${fairId}/agencies` })).json().items as {
    id: string;
    fairColumnUrl: string;
  }[];

describe('B. HR agency enrollment (recruitment.md §2.2)', () => {
  it('AS-07: each missing condition is named and blocks approval', async () => {
    const fair = await runningFair(org);
    const cases = [
      { application: { freeInterviewMinutesPerEmployer: 200 }, code: 'AGENCY_FREE_MINUTES_TOO_FEW' },
      {
        application: { teamLead: { name: '李四', rank: 'director', phone: '13800000000' } },
        code: 'AGENCY_LEAD_NOT_SENIOR',
      },
      {
        application: {
          groups: AGENCY_TEAM_GROUPS.slice(0, 4).map((group) => ({
            group,
            name: '负责人',
            phone: '13800000001',
          })),
        },
        code: 'AGENCY_TEAM_GROUPS_INCOMPLETE',
      },
      { attachments: ['application_form', 'team_roster'], code: 'AGENCY_NO_PRIVACY_MEASURES' },
    ];
    for (const { code, ...options } of cases) {
      const applicant = await agency(t.app, fair.id, options);
      expect(applicant.application.failedConditions.map((c) => c.code)).toEqual([code]);
      const approve = await org.call(
        'POST',
        `/api/agency-applications/${applicant.application.id}/decision`,
        { decision: 'approve' },
      );
      expect(approve.statusCode).toBe(409);
      expect(approve.json()).toMatchObject({
        code: 'AGENCY_INELIGIBLE',
        details: { failedConditions: [expect.objectContaining({ code })] },
      });
    }
    expect(await publicAgencies(fair.id)).toEqual([]);
  });

  it('AS-08: only the approved agency is published with its entry link and can be selected', async () => {
    const fair = await runningFair(org);
    const a = await approvedAgency(t.app, org, fair.id);
    const b = await agency(t.app, fair.id);
    expect(await publicAgencies(fair.id)).toEqual([
      expect.objectContaining({ id: a.id, fairColumnUrl: 'https://jobs.example.cn/fair' }),
    ]);
    const page = (await t.app.inject({ method: 'GET', url: `/api/fairs/${fair.id}` })).json();
    expect(page.agencies.map((x: { id: string }) => x.id)).toEqual([a.id]);

    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    expect((await unit.call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${b.id}`)).json().code).toBe(
      'AGENCY_NOT_APPROVED',
    );
    const chosen = await unit.call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${a.id}`);
    expect(chosen.json().agencies.map((x: { id: string }) => x.id)).toEqual([a.id]);
  });

  it('refuses applications after the deadline ("3月4日之前" is exclusive by default)', async () => {
    const fair = await runningFair(org, {
      agencyDeadlineOn: daysFromToday(0),
      agencyDeadlineInclusive: false,
    });
    const user = await registerUser(t.app, ['agency']);
    const call = caller(t.app, user.accessToken);
    await call('POST', '/api/agencies', {
      name: '迟到的机构',
      uscc: uniqueUscc(),
      siteUrl: 'https://late.example.cn',
    });
    const late = await call('POST', `/api/fairs/${fair.id}/agency-applications`, {
      licenseNumber: 'x',
      fairColumnUrl: 'https://late.example.cn/fair',
      features: { column: true, invitation: true, videoInterview: true },
      freeInterviewMinutesPerEmployer: 300,
      teamLead: { name: '王', rank: 'vice_general_manager', phone: '13800000000' },
      groups: [],
      privacyMeasures: '',
    });
    expect(late.json()).toMatchObject({
      code: 'AGENCY_DEADLINE_PASSED',
      details: { deadline: daysFromToday(0), inclusive: false },
    });
  });

  it('audits downloads of agency attachments and keeps them from other agencies', async () => {
    const fair = await runningFair(org);
    const a = await agency(t.app, fair.id);
    const other = await agency(t.app, fair.id);
    const [file] = (await org.call('GET', `/api/agencies/${a.id}/attachments`)).json().items;
    const download = await org.call('GET', `/api/agency-attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain('%PDF');
    expect((await other.call('GET', `/api/agency-attachments/${file.id}`)).json().code).toBe(
      'FORBIDDEN_NOT_OWNER',
    );
    const audit = await t.app
      .get<import('pg').Pool>((await import('../../infra/database/database')).PG_POOL)
      .query(
        "select actor_id from audit_events where action = 'agency.attachment.download' and subject_id = $1",
        [file.id],
      );
    expect(audit.rows).toEqual([{ actor_id: org.user.id }]);
  });
});

describe('B. employers (recruitment.md §2.3)', () => {
  it('AS-10: an unreviewed employer may keep drafts but cannot join or submit until approved', async () => {
    const fair = await runningFair(org);
    const unit = await employer(t.app, org, { approve: false });
    expect((await unit.call('POST', `/api/employers/me/fairs/${fair.id}`)).json().code).toBe(
      'EMPLOYER_NOT_APPROVED',
    );
    const draft = await submittedPosition(unit.call, fair.id);
    expect(draft.submission.json()).toMatchObject({
      code: 'EMPLOYER_NOT_APPROVED',
      details: { status: 'pending' },
    });
    expect((await unit.call('GET', `/api/positions/${draft.id}`)).json().status).toBe('draft');

    await org.call('POST', `/api/employers/${unit.id}/review`, { decision: 'approve' });
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    expect((await unit.call('POST', `/api/positions/${draft.id}/submission`)).json().status).toBe(
      'pending_review',
    );
  });

  it('AS-11: a fourth agency fails with 最多3家; deselecting one frees a place', async () => {
    const fair = await runningFair(org);
    const agencies = [];
    for (let i = 0; i < 4; i++) agencies.push(await approvedAgency(t.app, org, fair.id));
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    for (const a of agencies.slice(0, 3)) {
      expect((await unit.call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${a.id}`)).statusCode).toBe(
        200,
      );
    }
    const fourth = await unit.call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${agencies[3].id}`);
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().code).toBe('EMPLOYER_AGENCY_LIMIT');
    expect(fourth.json().message).toContain('最多选择3家');

    await unit.call('DELETE', `/api/employers/me/fairs/${fair.id}/agencies/${agencies[0].id}`);
    const swapped = await unit.call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${agencies[3].id}`);
    expect(
      swapped
        .json()
        .agencies.map((a: { id: string }) => a.id)
        .sort(),
    ).toEqual(
      agencies
        .slice(1)
        .map((a) => a.id)
        .sort(),
    );
  });

  it('AS-11: two simultaneous fourth choices still leave at most three', async () => {
    const fair = await runningFair(org);
    const agencies = [];
    for (let i = 0; i < 5; i++) agencies.push(await approvedAgency(t.app, org, fair.id));
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    const results = await Promise.all(
      agencies.map((a) => unit.call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${a.id}`)),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(3);
    expect((await unit.call('GET', `/api/employers/me/fairs/${fair.id}`)).json().agencies).toHaveLength(3);
  });

  it('AS-14: while 复工报备 is required, an employer without it cannot publish', async () => {
    const admin = caller(t.app, (await registerStaff(t.app, ['admin'])).accessToken);
    const fair = await runningFair(org);
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    await admin('PUT', '/api/settings', { resumptionFilingRequired: true });
    try {
      const blocked = await submittedPosition(unit.call, fair.id);
      expect(blocked.submission.json()).toMatchObject({
        code: 'EMPLOYER_RESUMPTION_NOT_FILED',
        details: { citation: 'S3:6866-6870' },
      });
      await org.call('PATCH', `/api/employers/${unit.id}/flags`, { resumptionFiled: true });
      expect((await unit.call('POST', `/api/positions/${blocked.id}/submission`)).json().status).toBe(
        'pending_review',
      );
    } finally {
      await admin('PUT', '/api/settings', { resumptionFilingRequired: false });
    }
  });

  it('refuses invalid or duplicate credit codes and saves nothing', async () => {
    const user = await registerUser(t.app, ['employer']);
    const call = caller(t.app, user.accessToken);
    const bad = await call('POST', '/api/employers', employerInput({ uscc: '91500000MA5U7TXX0X' }));
    expect(bad.json()).toMatchObject({ code: 'EMPLOYER_USCC_INVALID', details: { field: 'uscc' } });
    expect((await call('GET', '/api/employers/me')).statusCode).toBe(404);

    const uscc = uniqueUscc();
    expect(
      (await call('POST', '/api/employers', employerInput({ uscc: uscc.toLowerCase() }))).json().uscc,
    ).toBe(uscc);
    const twin = caller(t.app, (await registerUser(t.app, ['employer'])).accessToken);
    expect((await twin('POST', '/api/employers', employerInput({ uscc }))).json().code).toBe(
      'EMPLOYER_USCC_TAKEN',
    );
    expect((await call('POST', '/api/employers', employerInput())).json().code).toBe(
      'EMPLOYER_ALREADY_REGISTERED',
    );
  });

  it('a rejection carries its reason; resubmitting after changes goes back to review', async () => {
    const unit = await employer(t.app, org, { approve: false });
    expect(
      (await org.call('POST', `/api/employers/${unit.id}/review`, { decision: 'reject' })).json().code,
    ).toBe('REASON_REQUIRED');
    await org.call('POST', `/api/employers/${unit.id}/review`, {
      decision: 'reject',
      reason: '单位简介过于简单',
    });
    expect((await unit.call('GET', '/api/employers/me')).json()).toMatchObject({
      status: 'rejected',
      reviewReason: '单位简介过于简单',
    });
    const resubmitted = await unit.call(
      'PUT',
      '/api/employers/me',
      employerInput({ intro: '补充后的单位简介：主营政务软件，员工三百余人。' }),
    );
    expect(resubmitted.json()).toMatchObject({ status: 'pending', reviewReason: null });
    const pending = (await org.call('GET', '/api/employers?status=pending&pageSize=100')).json();
    expect(pending.items.map((e: { id: string }) => e.id)).toContain(unit.id);
  });

  it('reviewing needs the organizer role; an employer cannot see another employer', async () => {
    const a = await employer(t.app, org, { approve: false });
    const b = await employer(t.app, org, { approve: false });
    expect((await a.call('POST', `/api/employers/${b.id}/review`, { decision: 'approve' })).json().code).toBe(
      'FORBIDDEN_ROLE',
    );
    expect((await a.call('GET', `/api/employers/${b.id}`)).json().code).toBe('FORBIDDEN_NOT_OWNER');
  });
});

describe('addresses shown on public pages', () => {
  it('accepts only http(s) site and fair-column addresses', async () => {
    const user = await registerUser(t.app, ['agency']);
    const call = caller(t.app, user.accessToken);
    const script = await call('POST', '/api/agencies', {
      name: '脚本机构',
      uscc: uniqueUscc(),
      siteUrl: 'javascript:alert(1)',
    });
    expect(script.json().code).toBe('VALIDATION_FAILED');
    const fair = await runningFair(org);
    const applicant = await agency(t.app, fair.id);
    const bad = await applicant.call('POST', `/api/fairs/${fair.id}/agency-applications`, {
      licenseNumber: 'x',
      fairColumnUrl: 'javascript:alert(1)',
      features: { column: true, invitation: true, videoInterview: true },
      freeInterviewMinutesPerEmployer: 300,
      teamLead: { name: '王', rank: 'vice_general_manager', phone: '1' },
      groups: [],
      privacyMeasures: 'x',
    });
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('lists the fairs an employer joined; a fair not joined reads as 404', async () => {
    const fair = await runningFair(org);
    const other = await runningFair(org);
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    expect(
      (await unit.call('GET', '/api/employers/me/fairs'))
        .json()
        .items.map((p: { fairId: string }) => p.fairId),
    ).toEqual([fair.id]);
    expect((await unit.call('GET', `/api/employers/me/fairs/${other.id}`)).statusCode).toBe(404);
  });
});

describe('an agency’s fair column (recruitment.md §2.2: host the column, vet its employers)', () => {
  it('lists the employers that chose the agency, key enterprises first, with positions and applications', async () => {
    const fair = await runningFair(org, { year: new Date().getUTCFullYear() });
    const host = await approvedAgency(t.app, org, fair.id);
    const other = await approvedAgency(t.app, org, fair.id);
    const plain = await employer(t.app, org);
    const key = await employer(t.app, org);
    const elsewhere = await employer(t.app, org);
    const flagged = await org.call('PATCH', `/api/employers/${key.id}/flags`, { isKeyEnterprise: true });
    expect(flagged.statusCode).toBe(200);
    for (const [unit, chosen] of [
      [plain, host],
      [key, host],
      [elsewhere, other],
    ] as const) {
      await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
      const picked = await unit.call('PUT', `/api/employers/me/fairs/${fair.id}/agencies/${chosen.id}`);
      expect(picked.statusCode).toBe(200);
    }
    const published = await submittedPosition(plain.call, fair.id);
    await org.call('POST', `/api/positions/${published.id}/review`, { decision: 'approve' });
    await submittedPosition(plain.call, fair.id);
    await submittedPosition(key.call, fair.id);
    const seeker = await readySeeker(t.app);
    expect((await seeker.call('POST', `/api/positions/${published.id}/applications`)).statusCode).toBe(201);

    const column = await host.call('GET', `/api/agencies/me/fairs/${fair.id}/column`);
    expect(column.statusCode).toBe(200);
    const body = column.json();
    expect(body).toMatchObject({
      fairId: fair.id,
      applicationStatus: 'approved',
      fairColumnUrl: 'https://jobs.example.cn/fair',
      freeInterviewMinutesPerEmployer: 300,
      totals: { employers: 2, publishedPositions: 1, applications: 1 },
    });
    expect(body.employers).toEqual([
      expect.objectContaining({
        id: key.id,
        isKeyEnterprise: true,
        reviewStatus: 'approved',
        disqualified: false,
        publishedPositions: 0,
        positionsInReview: 1,
        applications: 0,
      }),
      expect.objectContaining({
        id: plain.id,
        isKeyEnterprise: false,
        publishedPositions: 1,
        positionsInReview: 1,
        applications: 1,
      }),
    ]);
    // The other agency's column holds only the employer that chose it.
    const theirs = (await other.call('GET', `/api/agencies/me/fairs/${fair.id}/column`)).json();
    expect(theirs.employers.map((e: { id: string }) => e.id)).toEqual([elsewhere.id]);
  });

  it('is empty for an agency that has not applied, 404 for an unknown fair, and refused to other roles', async () => {
    const fair = await runningFair(org);
    const host = await approvedAgency(t.app, org, fair.id);
    const newcomer = await agency(t.app, (await runningFair(org)).id);
    const empty = (await newcomer.call('GET', `/api/agencies/me/fairs/${fair.id}/column`)).json();
    expect(empty).toMatchObject({ applicationStatus: null, fairColumnUrl: null, employers: [] });
    const unknown = await host.call(
      'GET',
      '/api/agencies/me/fairs/00000000-0000-4000-8000-000000000000/column',
    );
    expect(unknown.statusCode).toBe(404);
    const unit = await employer(t.app, org);
    expect((await unit.call('GET', `/api/agencies/me/fairs/${fair.id}/column`)).json().code).toBe(
      'FORBIDDEN_ROLE',
    );
  });
});
