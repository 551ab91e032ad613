import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerStaff, registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import { addMonths } from '@platform/contracts';
import {
  caller,
  Caller,
  daysFromToday,
  employer,
  organizer,
  runningFair,
  submittedPosition,
} from '../../test-support/fair-fixtures';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
let admin: Caller;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
  admin = caller(t.app, (await registerStaff(t.app, ['admin'])).accessToken);
});
afterEach(() => admin('PUT', '/api/settings', { epidemicEndOn: null, resumptionFilingRequired: false }));
afterAll(() => t.close());

const fairPage = async (id: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/fairs/${id}` })).json();

describe('A. fair lifecycle (recruitment.md §2.1)', () => {
  it('AS-01: the phase follows the dates and the admin epidemic-end date', async () => {
    const upcoming = await runningFair(org, {
      launchOn: daysFromToday(1),
      concentratedEndOn: daysFromToday(8),
    });
    expect(upcoming.phase).toBe('not_started');
    const concentrated = await runningFair(org);
    expect(concentrated.phase).toBe('concentrated');

    const normalized = await runningFair(org, {
      agencyDeadlineOn: daysFromToday(-30),
      launchOn: daysFromToday(-30),
      concentratedEndOn: daysFromToday(-1),
    });
    const open = (await fairPage(normalized.id)).fair;
    expect(open).toMatchObject({
      phase: 'normalized',
      normalizedEndOn: null,
      phaseReasons: ['EPIDEMIC_END_NOT_SET'],
    });

    // E + 3 months is today (on the 29th-31st, month-end clamping makes it a few days earlier).
    const epidemicEndOn = addMonths(daysFromToday(0), -3);
    const windowEnd = addMonths(epidemicEndOn, 3);
    expect((await admin('PUT', '/api/settings', { epidemicEndOn })).statusCode).toBe(200);
    const lastDay = (await fairPage(normalized.id)).fair;
    expect(lastDay).toMatchObject({ epidemicEndOn, normalizedEndOn: windowEnd, phaseEndsOn: windowEnd });
    expect(lastDay.phase).toBe(windowEnd === daysFromToday(0) ? 'normalized' : 'closed');
  });

  it('AS-02: after the normalized window, postings are refused with FAIR_CLOSED and records stay readable', async () => {
    const fair = await runningFair(org, {
      agencyDeadlineOn: daysFromToday(-60),
      launchOn: daysFromToday(-60),
      concentratedEndOn: daysFromToday(-50),
    });
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    const live = await submittedPosition(unit.call, fair.id);
    expect(
      (await org.call('POST', `/api/positions/${live.id}/review`, { decision: 'approve' })).statusCode,
    ).toBe(201);

    // The epidemic ended three months and a day ago: yesterday was the normalized window's last day.
    await admin('PUT', '/api/settings', { epidemicEndOn: addMonths(daysFromToday(-1), -3) });
    expect((await fairPage(fair.id)).fair.phase).toBe('closed');

    const late = await submittedPosition(unit.call, fair.id, { title: '闭幕后岗位' });
    expect(late.submission.statusCode).toBe(409);
    expect(late.submission.json()).toMatchObject({ code: 'FAIR_CLOSED', details: { phase: 'closed' } });
    expect((await unit.call('GET', `/api/positions/${late.id}`)).json().status).toBe('draft');

    const readable = await t.app.inject({ method: 'GET', url: `/api/positions/${live.id}` });
    expect(readable.statusCode).toBe(200);
    const listed = await t.app.inject({ method: 'GET', url: `/api/fairs/${fair.id}/positions` });
    expect(listed.json().items.map((p: { id: string }) => p.id)).toContain(live.id);
  });

  it('AS-04: a major outbreak suspends every running large fair, announces it and notifies participants', async () => {
    const large = await runningFair(org);
    const small = await runningFair(org, { largeScale: false });
    const unit = await employer(t.app, org);
    expect((await unit.call('POST', `/api/employers/me/fairs/${large.id}`)).statusCode).toBe(201);

    const response = await org.call('POST', '/api/fairs/outbreak-suspension', {
      reason: '本市出现重大疫情，暂停大型招聘活动',
    });
    expect(response.statusCode).toBe(201);
    const suspendedIds = response.json().items.map((f: { id: string }) => f.id);
    expect(suspendedIds).toContain(large.id);
    expect(suspendedIds).not.toContain(small.id);

    const page = await fairPage(large.id);
    expect(page.fair).toMatchObject({
      phase: 'suspended',
      suspensionReason: '本市出现重大疫情，暂停大型招聘活动',
    });
    expect(page.announcements[0]).toMatchObject({ kind: 'suspended', notifiedCount: 1 });
    expect((await fairPage(small.id)).fair.phase).toBe('concentrated');

    const inbox = (await unit.call('GET', '/api/notifications')).json().items;
    expect(inbox[0]).toMatchObject({ kind: 'fair.announcement', link: `/fairs/${large.id}` });
    const refused = await submittedPosition(unit.call, large.id);
    expect(refused.submission.json()).toMatchObject({ code: 'FAIR_CLOSED', details: { phase: 'suspended' } });

    expect(
      (await org.call('POST', `/api/fairs/${large.id}/resumption`, { reason: '疫情缓解，恢复举办' })).json()
        .phase,
    ).toBe('concentrated');
  });

  it('AS-05: a special session shows its target group and lists only its own positions', async () => {
    const fair = await runningFair(org);
    const session = await org.call('POST', `/api/fairs/${fair.id}/sessions`, {
      name: '湖北籍高校毕业生专场',
      targetGroup: 'hubei_graduates',
      startsOn: daysFromToday(0),
      endsOn: daysFromToday(7),
    });
    expect(session.statusCode).toBe(201);
    const sessionId = session.json().id;
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    const inSession = await submittedPosition(unit.call, fair.id, {
      sessionIds: [sessionId],
      title: '专场岗位',
    });
    const general = await submittedPosition(unit.call, fair.id, { title: '普通岗位' });
    for (const p of [inSession, general])
      await org.call('POST', `/api/positions/${p.id}/review`, { decision: 'approve' });

    const page = await fairPage(fair.id);
    expect(page.sessions).toEqual([
      expect.objectContaining({ name: '湖北籍高校毕业生专场', targetGroup: 'hubei_graduates' }),
    ]);
    const list = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/fairs/${fair.id}/positions${query}` }))
        .json()
        .items.map((p: { title: string }) => p.title);
    expect(await list(`?sessionId=${sessionId}`)).toEqual(['专场岗位']);
    expect((await list('')).sort()).toEqual(['专场岗位', '普通岗位'].sort());
  });
});

describe('announcements before changes (S3:2656-2660)', () => {
  it('publishes the date adjustment now, applies it from its effective day and notifies participants', async () => {
    const fair = await runningFair(org);
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    const adjusted = await org.call('POST', `/api/fairs/${fair.id}/date-adjustments`, {
      launchOn: daysFromToday(0),
      concentratedEndOn: daysFromToday(14),
      agencyDeadlineOn: daysFromToday(0),
      effectiveOn: daysFromToday(3),
      announcement: '集中招聘期延长一周。',
    });
    expect(adjusted.statusCode).toBe(201);
    expect(adjusted.json().concentratedEndOn).toBe(daysFromToday(7)); // not yet in force
    const page = await fairPage(fair.id);
    expect(page.announcements[0]).toMatchObject({
      kind: 'dates_adjusted',
      effectiveOn: daysFromToday(3),
      body: '集中招聘期延长一周。',
    });
    expect((await unit.call('GET', '/api/notifications')).json().items[0].title).toContain('活动时间调整');
  });

  it('refuses dates out of order, a change in the past and callers without the organizer role', async () => {
    const fair = await runningFair(org);
    const backwards = await org.call('POST', `/api/fairs/${fair.id}/date-adjustments`, {
      launchOn: daysFromToday(5),
      concentratedEndOn: daysFromToday(1),
      agencyDeadlineOn: daysFromToday(0),
      effectiveOn: daysFromToday(1),
      announcement: '调整',
    });
    expect(backwards.json().code).toBe('FAIR_DATES_OUT_OF_ORDER');
    const past = await org.call('POST', `/api/fairs/${fair.id}/date-adjustments`, {
      launchOn: daysFromToday(0),
      concentratedEndOn: daysFromToday(9),
      agencyDeadlineOn: daysFromToday(0),
      effectiveOn: daysFromToday(-1),
      announcement: '调整',
    });
    expect(past.json()).toMatchObject({ code: 'FAIR_DATES_OUT_OF_ORDER', details: { field: 'effectiveOn' } });
    expect((await fairPage(fair.id)).announcements).toEqual([]);

    const seeker = caller(t.app, (await registerUser(t.app, ['seeker'])).accessToken);
    const forbidden = await seeker('POST', `/api/fairs/${fair.id}/cancellation`, { reason: '取消' });
    expect(forbidden.json().code).toBe('FORBIDDEN_ROLE');
    const invalid = await org.call('POST', '/api/fairs', { theme: '缺字段' });
    expect(invalid.json().code).toBe('VALIDATION_FAILED');
  });

  it('a cancelled fair refuses postings and stays readable', async () => {
    const fair = await runningFair(org);
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fair.id}`);
    expect(
      (await org.call('POST', `/api/fairs/${fair.id}/cancellation`, { reason: '场地原因取消' })).json().phase,
    ).toBe('cancelled');
    expect((await submittedPosition(unit.call, fair.id)).submission.json().code).toBe('FAIR_CLOSED');
    expect((await fairPage(fair.id)).announcements[0].kind).toBe('cancelled');
  });
});
