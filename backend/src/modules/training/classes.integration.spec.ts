import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, daysFromToday, organizer } from '../../test-support/fair-fixtures';
import { registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import {
  approvedClass,
  cataloguedCourse,
  classInput,
  courseInput,
  institution,
  institutionAccount,
  platform,
} from '../../test-support/training-fixtures';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
});
afterAll(() => t.close());

describe('institution accounts', () => {
  it('staff link an account by phone, which then acts for that institution only', async () => {
    const mine = await cataloguedCourse(org.call);
    const theirs = await cataloguedCourse(org.call);
    const member = await institutionAccount(t.app, org, mine.institution.id);

    const listed = await org.call('GET', `/api/training/institutions/${mine.institution.id}/members`);
    expect(listed.json().items).toEqual([expect.objectContaining({ phone: member.phone })]);
    expect((await member.call('GET', '/api/training/my-institutions')).json().items).toEqual([
      expect.objectContaining({ id: mine.institution.id }),
    ]);
    const courses = await member.call('GET', `/api/training/institutions/${mine.institution.id}/courses`);
    expect(courses.json().items).toEqual([expect.objectContaining({ id: mine.course.id })]);
    expect((await member.call('GET', '/api/training/platforms')).statusCode).toBe(200);
    const foreignCourses = await member.call(
      'GET',
      `/api/training/institutions/${theirs.institution.id}/courses`,
    );
    expect(foreignCourses.json().code).toBe('FORBIDDEN_NOT_OWNER');

    const foreign = await member.call(
      'POST',
      `/api/training/institutions/${theirs.institution.id}/classes`,
      classInput(theirs.course.id, theirs.platform.id),
    );
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('FORBIDDEN_NOT_OWNER');
    const foreignList = await member.call(
      'GET',
      `/api/training/institutions/${theirs.institution.id}/classes`,
    );
    expect(foreignList.json().code).toBe('FORBIDDEN_NOT_OWNER');
    // Its own institution may not run another institution's course either.
    const borrowed = await member.call(
      'POST',
      `/api/training/institutions/${mine.institution.id}/classes`,
      classInput(theirs.course.id, theirs.platform.id),
    );
    expect(borrowed.json().code).toBe('FORBIDDEN_NOT_OWNER');
  });

  it("another institution's member cannot read or change a class, its roster or its scores", async () => {
    const { cls, member } = await approvedClass(t.app, org);
    const other = await cataloguedCourse(org.call);
    const stranger = await institutionAccount(t.app, org, other.institution.id);
    for (const [method, url, body] of [
      ['GET', `/api/training/classes/${cls.id}`, undefined],
      ['GET', `/api/training/classes/${cls.id}/roster`, undefined],
      ['POST', `/api/training/classes/${cls.id}/submission`, undefined],
    ] as const) {
      const response = await stranger.call(method, url, body);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN_NOT_OWNER');
    }
    expect((await member.call('GET', `/api/training/classes/${cls.id}/roster`)).statusCode).toBe(200);
  });

  it('only staff link accounts; removing the last link takes the role away', async () => {
    const { institution: school } = await cataloguedCourse(org.call);
    const member = await institutionAccount(t.app, org, school.id);
    const self = await member.call('POST', `/api/training/institutions/${school.id}/members`, {
      identifier: member.phone,
    });
    expect(self.json().code).toBe('FORBIDDEN_ROLE');
    const removed = await org.call(
      'DELETE',
      `/api/training/institutions/${school.id}/members/${member.user.id}`,
    );
    expect(removed.json().items).toEqual([]);
    const unknown = await org.call('POST', `/api/training/institutions/${school.id}/members`, {
      identifier: '13012345678',
    });
    expect(unknown.json().code).toBe('NOT_FOUND');
  });
});

describe('class plan flow (C-3)', () => {
  it('draft → submitted → rejected with a reason → edited → resubmitted → approved, then frozen', async () => {
    const { institution: school, course, platform: site } = await cataloguedCourse(org.call);
    const member = await institutionAccount(t.app, org, school.id);
    const created = await member.call(
      'POST',
      `/api/training/institutions/${school.id}/classes`,
      classInput(course.id, site.id),
    );
    expect(created.statusCode).toBe(201);
    const cls = created.json();
    expect(cls).toMatchObject({ planStatus: 'draft', jurisdiction: 'CQ', capacity: 30, enrolled: 0 });

    expect((await member.call('POST', `/api/training/classes/${cls.id}/submission`)).json().planStatus).toBe(
      'submitted',
    );
    const pending = await org.call('GET', '/api/training/class-plans?status=submitted');
    expect(pending.json().items.map((c: { id: string }) => c.id)).toContain(cls.id);

    const bare = await org.call('POST', `/api/training/classes/${cls.id}/plan-decision`, {
      decision: 'reject',
    });
    expect(bare.json().code).toBe('REASON_REQUIRED');
    const rejected = await org.call('POST', `/api/training/classes/${cls.id}/plan-decision`, {
      decision: 'reject',
      reason: '请补充直播授课安排',
    });
    expect(rejected.json()).toMatchObject({
      planStatus: 'rejected',
      planDecisionReason: '请补充直播授课安排',
    });

    const edited = await member.call(
      'PUT',
      `/api/training/classes/${cls.id}`,
      classInput(course.id, site.id, { name: '育婴员第1期（修改）' }),
    );
    expect(edited.json()).toMatchObject({ planStatus: 'rejected', name: '育婴员第1期（修改）' });
    await member.call('POST', `/api/training/classes/${cls.id}/submission`);
    const approved = await org.call('POST', `/api/training/classes/${cls.id}/plan-decision`, {
      decision: 'approve',
    });
    expect(approved.json()).toMatchObject({ planStatus: 'approved', planDecisionReason: null });

    const frozen = await member.call(
      'PUT',
      `/api/training/classes/${cls.id}`,
      classInput(course.id, site.id),
    );
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('CLASS_PLAN_FROZEN');
    const again = await org.call('POST', `/api/training/classes/${cls.id}/plan-decision`, {
      decision: 'reject',
      reason: 'x',
    });
    expect(again.json().code).toBe('STATE_TRANSITION_INVALID');

    const open = await registerUser(t.app, ['trainee']);
    const listed = await caller(t.app, open.accessToken)('GET', `/api/training/courses/${course.id}/classes`);
    expect(listed.json().items).toEqual([expect.objectContaining({ id: cls.id, planStatus: 'approved' })]);
  });

  it('TR-5 refuses to submit a plan without platform, duration or teachers, naming what is missing', async () => {
    const { institution: school, course } = await cataloguedCourse(org.call);
    const member = await institutionAccount(t.app, org, school.id);
    const created = await member.call(
      'POST',
      `/api/training/institutions/${school.id}/classes`,
      classInput(course.id, null, { plan: { teachers: [], modules: [], scheduleNote: '' } }),
    );
    expect(created.statusCode).toBe(201);
    const refused = await member.call('POST', `/api/training/classes/${created.json().id}/submission`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'CLASS_PLAN_INCOMPLETE',
      details: { missing: ['platform', 'duration', 'teachers'] },
    });
    const read = await member.call('GET', `/api/training/classes/${created.json().id}`);
    expect(read.json().planStatus).toBe('draft');
  });

  it('refuses planned hours that differ from the course', async () => {
    const { institution: school, course, platform: site } = await cataloguedCourse(org.call);
    const member = await institutionAccount(t.app, org, school.id);
    const input = classInput(course.id, site.id);
    input.plan.modules[0].hours = 20;
    const created = await member.call('POST', `/api/training/institutions/${school.id}/classes`, input);
    const refused = await member.call('POST', `/api/training/classes/${created.json().id}/submission`);
    expect(refused.json()).toMatchObject({
      code: 'CLASS_PLAN_HOURS_MISMATCH',
      details: { mismatched: [{ module: '理论知识', planned: 20, course: 40 }] },
    });
  });

  it('refuses a class of a course not in the 培训项目目录 on its start date', async () => {
    const school = await institution(org.call);
    const site = await platform(org.call);
    const course = (await org.call('POST', '/api/training/courses', courseInput(school.id, site.id))).json();
    await org.call('POST', `/api/training/courses/${course.id}/status`, { status: 'published' });
    await org.call('POST', '/api/training/listings', {
      catalogue: 'project',
      subjectId: course.id,
      listedFrom: daysFromToday(10),
      listedUntil: null,
      source: '渝人社办〔2020〕28号',
    });
    const member = await institutionAccount(t.app, org, school.id);
    const early = await member.call(
      'POST',
      `/api/training/institutions/${school.id}/classes`,
      classInput(course.id, site.id, { startsOn: daysFromToday(5) }),
    );
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({
      code: 'TRAINING_COURSE_NOT_IN_CATALOGUE',
      details: { on: daysFromToday(5) },
    });
    const later = await member.call(
      'POST',
      `/api/training/institutions/${school.id}/classes`,
      classInput(course.id, site.id, { startsOn: daysFromToday(10), endsOn: daysFromToday(40) }),
    );
    expect(later.statusCode).toBe(201);
  });
});
