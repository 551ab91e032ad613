import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  employer,
  organizer,
  publishedPosition as createPublishedPosition,
  submittedPosition,
} from '../../test-support/fair-fixtures';
import { readySeeker, validIdNumber } from '../../test-support/seeker-fixtures';
import { caller } from '../../test-support/fair-fixtures';
import { registerUser, startTestApp, TestApp } from '../../test-support/test-app';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
});
afterAll(() => t.close());

const publishedPosition = (fair: Record<string, unknown> = {}) =>
  createPublishedPosition(t.app, org, { fair });

const pool = async () =>
  t.app.get<import('pg').Pool>((await import('../../infra/database/database')).PG_POOL);

describe('D. graduates in the fair (recruitment.md §2.5, §2.7, §3.6)', () => {
  it('AS-22: a graduate registers, completes a resume, searches and applies without any payment; the employer sees it', async () => {
    const { fair, unit, positionId } = await publishedPosition();
    const seeker = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/fairs/${fair.id}/positions?q=${encodeURIComponent('Java')}`,
    });
    expect(found.json().items.map((p: { id: string }) => p.id)).toContain(positionId);
    const applied = await seeker.call('POST', `/api/positions/${positionId}/applications`);
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({
      status: 'submitted',
      timeline: [expect.objectContaining({ to: 'submitted', by: 'seeker' })],
    });
    // Ids are left out: a random UUID may well contain the hex letters "fee".
    const withoutIds = JSON.stringify(applied.json()).replace(
      /[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g,
      '',
    );
    expect(withoutIds).not.toMatch(/fee|price|payment|费用/i);

    const screening = (await unit.call('GET', `/api/positions/${positionId}/applications`)).json();
    expect(screening.items).toEqual([
      expect.objectContaining({
        seekerUserId: seeker.user.user.id,
        university: '重庆大学',
        status: 'submitted',
      }),
    ]);
    expect((await unit.call('GET', '/api/notifications')).json().items[0].kind).toBe('application.new');
  });

  it('AS-23: a 2019届 graduate flagged 离校未就业 is accepted in a later fair; others of that cohort are not', async () => {
    const { fair, positionId } = await publishedPosition({
      targetGroups: ['all_graduates', 'unemployed_graduates'],
    });
    const unemployed = await readySeeker(t.app, {
      cohort: 2019,
      leftSchoolOn: '2019-07-01',
      flags: [{ flag: 'unemployed_graduate', evidence: '重庆市渝中区就业服务中心登记' }],
    });
    const registered = await unemployed.call('POST', `/api/seekers/me/fairs/${fair.id}`);
    expect(registered.json()).toEqual({ fairId: fair.id, eligibleAs: 'unemployed_graduates' });
    expect((await unemployed.call('POST', `/api/positions/${positionId}/applications`)).statusCode).toBe(201);

    const employed = await readySeeker(t.app, { cohort: 2019 });
    const refused = await employed.call('POST', `/api/seekers/me/fairs/${fair.id}`);
    expect(refused.json()).toMatchObject({ code: 'SEEKER_NOT_ELIGIBLE', details: { cohort: 2019 } });
  });

  it('AS-25: every download is audited with employer, agency and time; the second one is not counted again', async () => {
    const { agency, unit, positionId } = await publishedPosition();
    const seeker = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    await seeker.call('POST', `/api/positions/${positionId}/applications`);
    for (let i = 0; i < 2; i++) {
      expect((await unit.call('POST', `/api/resumes/${seeker.user.user.id}/download`)).statusCode).toBe(201);
    }
    const db = await pool();
    const counted = await db.query(
      'select times, agency_ids from resume_downloads where employer_id = $1 and resume_user_id = $2',
      [unit.id, seeker.user.user.id],
    );
    expect(counted.rows).toEqual([{ times: 2, agency_ids: [agency.id] }]);
    const audited = await db.query(
      "select actor_id, details, created_at as at from audit_events where action = 'resume.download' and subject_id = $1",
      [seeker.user.user.id],
    );
    expect(audited.rows).toHaveLength(2);
    expect(audited.rows[0]).toMatchObject({
      actor_id: unit.user.user.id,
      details: { employerId: unit.id, agencyIds: [agency.id] },
    });
    expect(audited.rows[0].at).toBeInstanceOf(Date);
  });

  it('AS-26: an employer the graduate has not applied to sees phone, email and ID masked', async () => {
    const { unit, positionId } = await publishedPosition();
    const seeker = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    const stranger = await employer(t.app, org);
    const seen = (await stranger.call('GET', `/api/resumes/${seeker.user.user.id}`)).json();
    expect(seen.contacts).toEqual({
      phone: expect.stringMatching(/^\d{3}\*{4}\d{4}$/),
      email: null,
      masked: true,
    });
    expect(JSON.stringify(seen)).not.toContain(seeker.user.phone);
    expect(JSON.stringify(seen)).not.toContain(seeker.idNumber);
    const listed = (await stranger.call('GET', '/api/resumes?q=Java&pageSize=100')).json();
    expect(
      listed.items.find((r: { userId: string }) => r.userId === seeker.user.user.id).contacts.masked,
    ).toBe(true);

    await seeker.call('POST', `/api/positions/${positionId}/applications`);
    const applied = (await unit.call('GET', `/api/resumes/${seeker.user.user.id}`)).json();
    expect(applied.contacts).toMatchObject({ phone: seeker.user.phone, masked: false });
    const profile = (await seeker.call('GET', '/api/seekers/me')).json();
    expect(profile.idNumberMasked).toMatch(/^\d{4}\*+\w{4}$/);
    const stored = await (
      await pool()
    ).query('select id_number_cipher from seeker_profiles where user_id = $1', [seeker.user.user.id]);
    expect(stored.rows[0].id_number_cipher).not.toContain(seeker.idNumber.slice(0, 10));
  });
});

describe('applications and the pipeline (recruitment.md §2.7)', () => {
  it('moves only forward; a second active application, an illegal jump and a stranger are refused', async () => {
    const { unit, positionId } = await publishedPosition();
    const seeker = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    const application = (await seeker.call('POST', `/api/positions/${positionId}/applications`)).json();
    expect((await seeker.call('POST', `/api/positions/${positionId}/applications`)).json().code).toBe(
      'APPLICATION_DUPLICATE',
    );

    const jump = await unit.call('POST', `/api/applications/${application.id}/moves`, { to: 'hired' });
    expect(jump.json()).toMatchObject({
      code: 'STATE_TRANSITION_INVALID',
      details: { from: 'submitted', to: 'hired' },
    });
    await unit.call('GET', `/api/applications/${application.id}/resume`);
    for (const to of ['shortlisted', 'interview', 'offer', 'hired']) {
      expect(
        (await unit.call('POST', `/api/applications/${application.id}/moves`, { to })).json().status,
      ).toBe(to);
    }
    const timeline = (await seeker.call('GET', `/api/applications/${application.id}`))
      .json()
      .timeline.map((e: { to: string }) => e.to);
    expect(timeline).toEqual(['submitted', 'viewed', 'shortlisted', 'interview', 'offer', 'hired']);
    expect((await seeker.call('POST', `/api/applications/${application.id}/withdrawal`)).json().code).toBe(
      'STATE_TRANSITION_INVALID',
    );

    const other = await employer(t.app, org);
    expect(
      (
        await other.call('POST', `/api/applications/${application.id}/moves`, { to: 'rejected', reason: 'x' })
      ).json().code,
    ).toBe('FORBIDDEN_NOT_OWNER');
    expect((await other.call('GET', `/api/applications/${application.id}`)).json().code).toBe(
      'FORBIDDEN_NOT_OWNER',
    );
    expect((await seeker.call('GET', '/api/notifications')).json().items[0].title).toContain('已录用');
  });

  it('a rejection needs a reason; after a withdrawal the seeker may apply again', async () => {
    const { unit, positionId } = await publishedPosition();
    const seeker = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    const first = (await seeker.call('POST', `/api/positions/${positionId}/applications`)).json();
    expect(
      (await unit.call('POST', `/api/applications/${first.id}/moves`, { to: 'rejected' })).json().code,
    ).toBe('REASON_REQUIRED');
    expect((await seeker.call('POST', `/api/applications/${first.id}/withdrawal`)).json().status).toBe(
      'withdrawn',
    );
    expect((await seeker.call('POST', `/api/positions/${positionId}/applications`)).statusCode).toBe(201);
  });

  it('refuses an invalid ID number, an ID used by another account, no resume and an unpublished position', async () => {
    const user = await registerUser(t.app, ['seeker']);
    const call = caller(t.app, user.accessToken);
    const valid = validIdNumber();
    const wrongCheckDigit = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
    const bad = await call('POST', '/api/seekers/me/verification', {
      realName: '王五',
      idNumber: wrongCheckDigit,
    });
    expect(bad.json()).toMatchObject({ code: 'SEEKER_ID_INVALID', details: { field: 'idNumber' } });
    expect((await call('GET', '/api/seekers/me')).json().verified).toBe(false);
    const idNumber = validIdNumber();
    await call('POST', '/api/seekers/me/verification', { realName: '王五', idNumber });
    const twin = caller(t.app, (await registerUser(t.app, ['seeker'])).accessToken);
    expect(
      (await twin('POST', '/api/seekers/me/verification', { realName: '王五', idNumber })).json().code,
    ).toBe('SEEKER_ID_TAKEN');

    const { positionId, unit, fair } = await publishedPosition();
    expect((await call('POST', `/api/positions/${positionId}/applications`)).json().code).toBe(
      'RESUME_REQUIRED',
    );
    const draft = await submittedPosition(unit.call, fair.id, { title: '待审核岗位' });
    const ready = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    expect((await ready.call('POST', `/api/positions/${draft.id}/applications`)).json().code).toBe(
      'POSITION_NOT_OPEN',
    );
  });
});

describe('printable resume', () => {
  it('renders the resume as a PDF for its owner, and an employer PDF download is counted like any download', async () => {
    const { unit, positionId } = await createPublishedPosition(t.app, org);
    const seeker = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    const own = await seeker.call('GET', '/api/resumes/me.pdf');
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await seeker.call('POST', `/api/positions/${positionId}/applications`);
    expect((await unit.call('GET', `/api/resumes/${seeker.user.user.id}/pdf`)).statusCode).toBe(200);
    const db = await pool();
    const counted = await db.query(
      'select times from resume_downloads where employer_id = $1 and resume_user_id = $2',
      [unit.id, seeker.user.user.id],
    );
    expect(counted.rows).toEqual([{ times: 1 }]);
  });
});

describe('the screening list', () => {
  it('ranks applicants by an explainable match and names what each lacks', async () => {
    const { unit, positionId } = await createPublishedPosition(t.app, org);
    const strong = await readySeeker(t.app, { cohort: new Date().getUTCFullYear() });
    const weak = await readySeeker(
      t.app,
      {
        cohort: 2024,
        degree: 'associate',
        flags: [{ flag: 'unemployed_graduate', evidence: '万州区就业服务中心登记' }],
      },
      {
        education: [
          {
            school: '重庆某职业学院',
            major: '市场营销',
            degree: 'associate',
            from: '2021-09',
            to: '2024-06',
          },
        ],
        skills: ['销售'],
        expectations: { positionTitle: '销售', district: '万州区', salaryMin: 20000, salaryMax: 30000 },
      },
    );
    await weak.call('POST', `/api/positions/${positionId}/applications`);
    await strong.call('POST', `/api/positions/${positionId}/applications`);
    const list = (await unit.call('GET', `/api/positions/${positionId}/applications`)).json().items;
    expect(list.map((a: { seekerUserId: string }) => a.seekerUserId)).toEqual([
      strong.user.user.id,
      weak.user.user.id,
    ]);
    const [first, second] = list;
    expect(first.match.score).toBeGreaterThan(second.match.score);
    expect(first.match.factors.reduce((s: number, f: { points: number }) => s + f.points, 0)).toBe(
      first.match.score,
    );
    expect(second.match.missing).toEqual(expect.arrayContaining(['本科', 'Java', '期望地区渝北区']));
  });
});
