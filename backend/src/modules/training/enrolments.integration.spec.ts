import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, daysFromToday, employer, organizer } from '../../test-support/fair-fixtures';
import { registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import { validIdNumber } from '../../test-support/seeker-fixtures';
import {
  approvedClass,
  cataloguedCourse,
  classInput,
  institutionAccount,
  trainee,
} from '../../test-support/training-fixtures';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
});
afterAll(() => t.close());

describe('real-name enrolment (§2.2)', () => {
  it('TR-1 refuses enrolment without real-name verification, while the course stays browsable', async () => {
    const { cls, course } = await approvedClass(t.app, org);
    const phoneOnly = await trainee(t.app, { verified: false });
    const refused = await phoneOnly.call('POST', `/api/training/classes/${cls.id}/enrolments`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_REAL_NAME');
    expect((await phoneOnly.call('GET', `/api/training/courses/${course.id}`)).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/training/courses/${course.id}/classes` })).statusCode,
    ).toBe(200);

    // Verifying through the shared identity endpoint lets the same account enrol.
    const verified = await phoneOnly.call('POST', '/api/seekers/me/verification', {
      realName: '赵强',
      idNumber: validIdNumber(),
    });
    expect(verified.statusCode).toBe(201);
    const enrolled = await phoneOnly.call('POST', `/api/training/classes/${cls.id}/enrolments`);
    expect(enrolled.statusCode).toBe(201);
  });

  it('enrols once (idempotent), lists it as mine, and withdraws', async () => {
    const { cls, course, institution } = await approvedClass(t.app, org);
    const person = await trainee(t.app);
    const first = await person.call('POST', `/api/training/classes/${cls.id}/enrolments`);
    const second = await person.call('POST', `/api/training/classes/${cls.id}/enrolments`);
    expect(second.json().id).toBe(first.json().id);
    const mine = await person.call('GET', '/api/training/enrolments/mine');
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        id: first.json().id,
        status: 'enrolled',
        sponsorKind: 'individual',
        completionStatus: null,
        class: expect.objectContaining({ id: cls.id }),
        course: expect.objectContaining({ id: course.id }),
        institution: expect.objectContaining({ id: institution.id }),
      }),
    ]);
    const other = await trainee(t.app);
    const theft = await other.call('POST', `/api/training/enrolments/${first.json().id}/withdrawal`);
    expect(theft.json().code).toBe('FORBIDDEN_NOT_OWNER');
    const withdrawn = await person.call('POST', `/api/training/enrolments/${first.json().id}/withdrawal`);
    expect(withdrawn.json().status).toBe('withdrawn');
  });

  it('CLASS_PLAN_NOT_APPROVED: a class whose plan the district has not approved takes no one', async () => {
    const { institution, course, platform } = await cataloguedCourse(org.call);
    const member = await institutionAccount(t.app, org, institution.id);
    const created = await member.call(
      'POST',
      `/api/training/institutions/${institution.id}/classes`,
      classInput(course.id, platform.id),
    );
    const person = await trainee(t.app);
    const draft = await person.call('POST', `/api/training/classes/${created.json().id}/enrolments`);
    expect(draft.statusCode).toBe(409);
    expect(draft.json().code).toBe('CLASS_PLAN_NOT_APPROVED');
    await member.call('POST', `/api/training/classes/${created.json().id}/submission`);
    const submitted = await person.call('POST', `/api/training/classes/${created.json().id}/enrolments`);
    expect(submitted.json().code).toBe('CLASS_PLAN_NOT_APPROVED');
    const listed = await t.app.inject({ method: 'GET', url: `/api/training/courses/${course.id}/classes` });
    expect(listed.json().items).toEqual([]);
  });

  it('refuses a full class', async () => {
    const { cls } = await approvedClass(t.app, org, { capacity: 1 });
    expect(
      (await (await trainee(t.app)).call('POST', `/api/training/classes/${cls.id}/enrolments`)).statusCode,
    ).toBe(201);
    const late = await (await trainee(t.app)).call('POST', `/api/training/classes/${cls.id}/enrolments`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('CLASS_FULL');
  });

  it('refuses enrolment after the class has ended (Asia/Shanghai date)', async () => {
    const { cls } = await approvedClass(t.app, org, {
      startsOn: daysFromToday(-20),
      endsOn: daysFromToday(-1),
    });
    const late = await (await trainee(t.app)).call('POST', `/api/training/classes/${cls.id}/enrolments`);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'CLASS_ENDED', details: { endsOn: daysFromToday(-1) } });
  });
});

describe('enterprise sponsorship (E8-E10)', () => {
  it('TR-35 enrols staff and platform workers matched to verified identities, row by row', async () => {
    const { cls, member } = await approvedClass(t.app, org);
    const unit = await employer(t.app, org);
    const rider = await trainee(t.app, { realName: '陈骑手' });
    const clerk = await trainee(t.app, { realName: '刘文员' });
    const valid = validIdNumber();
    const wrongCheckDigit = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const staff = [
      { realName: '陈骑手', idNumber: rider.idNumber, workRelation: 'platform_worker' },
      { realName: '刘文员', idNumber: clerk.idNumber, workRelation: 'labour_contract' },
      { realName: '王冒名', idNumber: clerk.idNumber, workRelation: 'labour_contract' },
      { realName: '未注册', idNumber: validIdNumber(), workRelation: 'labour_contract' },
      { realName: '错号码', idNumber: wrongCheckDigit, workRelation: 'labour_contract' },
    ];
    const response = await unit.call('POST', `/api/training/classes/${cls.id}/sponsored-enrolments`, {
      staff,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.enrolled).toBe(2);
    expect(body.rows.map((r: { result: string }) => r.result)).toEqual([
      'enrolled',
      'enrolled',
      'NAME_MISMATCH',
      'TRAINEE_NOT_REGISTERED',
      'ID_NUMBER_INVALID',
    ]);
    expect(body.rows[0].idNumberMasked).not.toContain(rider.idNumber.slice(6, 14));

    const again = await unit.call('POST', `/api/training/classes/${cls.id}/sponsored-enrolments`, {
      staff: staff.slice(0, 1),
    });
    expect(again.json().rows[0].result).toBe('already_enrolled');

    const riderView = (await rider.call('GET', '/api/training/enrolments/mine')).json().items[0];
    expect(riderView).toMatchObject({ sponsorKind: 'enterprise', workRelation: 'platform_worker' });
    const roster = (await member.call('GET', `/api/training/classes/${cls.id}/roster`)).json().items;
    expect(roster).toHaveLength(2);
  });

  it('keeps the rows that fit and reports the rest as CLASS_FULL', async () => {
    const { cls } = await approvedClass(t.app, org, { capacity: 1 });
    const unit = await employer(t.app, org);
    const first = await trainee(t.app, { realName: '甲' });
    const second = await trainee(t.app, { realName: '乙' });
    const response = await unit.call('POST', `/api/training/classes/${cls.id}/sponsored-enrolments`, {
      staff: [first, second].map((p) => ({
        realName: p.realName,
        idNumber: p.idNumber,
        workRelation: 'labour_contract',
      })),
    });
    expect(response.json()).toMatchObject({
      enrolled: 1,
      rows: [{ result: 'enrolled' }, { result: 'CLASS_FULL', enrolmentId: null }],
    });
  });

  it('only an employer with its unit registered may sponsor', async () => {
    const { cls } = await approvedClass(t.app, org);
    const person = await trainee(t.app);
    const asTrainee = await person.call('POST', `/api/training/classes/${cls.id}/sponsored-enrolments`, {
      staff: [{ realName: person.realName, idNumber: person.idNumber, workRelation: 'labour_contract' }],
    });
    expect(asTrainee.json().code).toBe('FORBIDDEN_ROLE');
    const bare = await registerUser(t.app, ['employer']);
    const unregistered = await caller(t.app, bare.accessToken)(
      'POST',
      `/api/training/classes/${cls.id}/sponsored-enrolments`,
      { staff: [{ realName: person.realName, idNumber: person.idNumber, workRelation: 'labour_contract' }] },
    );
    expect(unregistered.json().code).toBe('NOT_FOUND');
  });
});

describe('rosters', () => {
  it('shows real names with the 身份证 masked only, and records scores and offline attendance', async () => {
    const { cls, member } = await approvedClass(t.app, org);
    const person = await trainee(t.app, { realName: '孙悦' });
    const enrolment = (await person.call('POST', `/api/training/classes/${cls.id}/enrolments`)).json();

    const roster = await member.call('GET', `/api/training/classes/${cls.id}/roster`);
    expect(roster.statusCode).toBe(200);
    const [entry] = roster.json().items;
    expect(entry).toMatchObject({
      enrolmentId: enrolment.id,
      realName: '孙悦',
      status: 'enrolled',
      signedInAt: null,
    });
    expect(entry.idNumberMasked).toMatch(/^\d{4}\*+\w{4}$/);
    expect(roster.body).not.toContain(person.idNumber);

    const scored = await member.call('POST', `/api/training/enrolments/${enrolment.id}/assessments`, {
      kind: 'exam',
      score: 86,
    });
    expect(scored.statusCode).toBe(201);
    const outOfRange = await member.call('POST', `/api/training/enrolments/${enrolment.id}/assessments`, {
      kind: 'exam',
      score: 120,
    });
    expect(outOfRange.json().code).toBe('VALIDATION_FAILED');

    const attend = (module: string, xueshi: number) =>
      member.call('POST', `/api/training/enrolments/${enrolment.id}/offline-attendance`, { module, xueshi });
    expect((await attend('线下实训', 6)).statusCode).toBe(201);
    expect((await attend('线下实训', 3)).json()).toMatchObject({
      code: 'ATTENDANCE_HOURS_EXCEED_MODULE',
      details: { moduleHours: 8, alreadyRecorded: 6 },
    });
    expect((await attend('居家实操练习', 2)).json().code).toBe('ATTENDANCE_MODULE_NOT_OFFLINE_PRACTICAL');

    const after = (await member.call('GET', `/api/training/classes/${cls.id}/roster`)).json().items[0];
    expect(after).toMatchObject({ assessments: [{ kind: 'exam', score: 86 }], offlineXueshi: 6 });

    const other = await cataloguedCourse(org.call);
    const stranger = await institutionAccount(t.app, org, other.institution.id);
    const foreign = await stranger.call('POST', `/api/training/enrolments/${enrolment.id}/assessments`, {
      kind: 'exam',
      score: 100,
    });
    expect(foreign.json().code).toBe('FORBIDDEN_NOT_OWNER');
  });
});
