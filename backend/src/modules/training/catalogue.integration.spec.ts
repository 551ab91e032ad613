import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, organizer } from '../../test-support/fair-fixtures';
import { registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import { caller } from '../../test-support/fair-fixtures';
import { courseInput, institution, platform } from '../../test-support/training-fixtures';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
});
afterAll(() => t.close());

describe('training catalogue (training.md §2.3)', () => {
  it('says a course is subsidisable only on days its institution, project and platform are all listed', async () => {
    const school = await institution(org.call);
    const site = await platform(org.call);
    const created = await org.call('POST', '/api/training/courses', courseInput(school.id, site.id));
    expect(created.statusCode).toBe(201);
    const course = created.json();
    expect(course).toMatchObject({
      status: 'draft',
      rulesVersion: 'cq-2020.1',
      hours: { theory: 40, practical: 20, online: 52, offline: 8 },
      catalogue: {
        institutionListed: false,
        projectListed: false,
        platformSelected: false,
        subsidisable: false,
      },
    });

    const list = (catalogue: string, subjectId: string, listedFrom: string, listedUntil: string | null) =>
      org.call('POST', '/api/training/listings', {
        catalogue,
        subjectId,
        listedFrom,
        listedUntil,
        source: '渝人社办〔2020〕28号',
      });
    expect((await list('institution', school.id, daysFromToday(-30), null)).statusCode).toBe(201);
    expect((await list('platform', site.id, daysFromToday(-30), daysFromToday(30))).statusCode).toBe(201);
    const project = await list('project', course.id, daysFromToday(-10), daysFromToday(10));
    expect(project.statusCode).toBe(201);

    const read = (on?: string) =>
      org.call('GET', `/api/training/courses/${course.id}${on ? `?on=${on}` : ''}`);
    expect((await read()).json().catalogue).toMatchObject({ subsidisable: true, on: daysFromToday(0) });
    expect((await read(daysFromToday(20))).json().catalogue).toMatchObject({
      institutionListed: true,
      projectListed: false,
      platformSelected: true,
      subsidisable: false,
    });

    // Delisting keeps the record: earlier days keep their answer.
    const ended = await org.call('PATCH', `/api/training/listings/${project.json().id}`, {
      listedUntil: daysFromToday(-1),
    });
    expect(ended.statusCode).toBe(200);
    expect((await read()).json().catalogue.subsidisable).toBe(false);
    expect((await read(daysFromToday(-5))).json().catalogue.subsidisable).toBe(true);
  });

  it('refuses course designs against K10 with their codes and changes nothing', async () => {
    const school = await institution(org.call);
    const thin = courseInput(school.id, null, {
      modules: [
        { name: '理论', kind: 'theory', hours: 10, delivery: 'online' },
        { name: '实训', kind: 'practical', hours: 90, delivery: 'offline' },
      ],
    });
    const refused = await org.call('POST', '/api/training/courses', thin);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'COURSE_THEORY_SHARE_TOO_LOW',
      details: { problems: [expect.objectContaining({ code: 'COURSE_THEORY_SHARE_TOO_LOW' })] },
    });
    const startup = courseInput(school.id, null, {
      kind: 'entrepreneurship',
      modules: [
        { name: '创业理论', kind: 'theory', hours: 40, delivery: 'online' },
        { name: '创业实训', kind: 'practical', hours: 16, delivery: 'online' },
      ],
    });
    expect((await org.call('POST', '/api/training/courses', startup)).json().code).toBe(
      'COURSE_PRACTICAL_MUST_BE_OFFLINE',
    );
    const courses = (await org.call('GET', '/api/training/courses')).json().items as { code: string }[];
    expect(courses.map((c) => c.code)).not.toContain(thin.code);
    expect(courses.map((c) => c.code)).not.toContain(startup.code);
  });

  it('keeps drafts from the public, shows published courses to anyone, and checks roles', async () => {
    const school = await institution(org.call);
    const offline = courseInput(school.id, null, {
      modules: [
        { name: '理论', kind: 'theory', hours: 20, delivery: 'offline' },
        { name: '实训', kind: 'practical', hours: 20, delivery: 'offline' },
      ],
    });
    const course = (await org.call('POST', '/api/training/courses', offline)).json();
    const anonymous = (url: string) => t.app.inject({ method: 'GET', url });
    expect((await anonymous(`/api/training/courses/${course.id}`)).statusCode).toBe(404);
    await org.call('POST', `/api/training/courses/${course.id}/status`, { status: 'published' });
    const shown = await anonymous(`/api/training/courses/${course.id}`);
    expect(shown.statusCode).toBe(200);
    // Taught offline: no platform needed. Online hours without a platform could not be subsidised.
    expect(shown.json().catalogue.platformSelected).toBeNull();
    const online = (await org.call('POST', '/api/training/courses', courseInput(school.id, null))).json();
    expect(online.catalogue.platformSelected).toBe(false);

    const trainee = caller(t.app, (await registerUser(t.app, ['trainee'])).accessToken);
    expect((await trainee('POST', '/api/training/courses', courseInput(school.id, null))).json().code).toBe(
      'FORBIDDEN_ROLE',
    );
    expect((await trainee('GET', '/api/training/institutions')).statusCode).toBe(403);
  });

  it('answers bad input with stable codes: taken codes, unknown subjects, reversed dates', async () => {
    const school = await institution(org.call);
    const input = courseInput(school.id, null);
    expect((await org.call('POST', '/api/training/courses', input)).statusCode).toBe(201);
    expect((await org.call('POST', '/api/training/courses', input)).json().code).toBe('COURSE_CODE_TAKEN');
    const unknown = '00000000-0000-4000-8000-000000000001';
    expect((await org.call('POST', '/api/training/courses', courseInput(unknown, null))).json().code).toBe(
      'NOT_FOUND',
    );
    const listing = await org.call('POST', '/api/training/listings', {
      catalogue: 'institution',
      subjectId: school.id,
      listedFrom: '2020-03-01',
      listedUntil: '2020-02-01',
      source: '测试',
    });
    expect(listing.json().code).toBe('VALIDATION_FAILED');
    const again = await org.call('POST', '/api/training/institutions', {
      name: '另一所学校',
      unifiedSocialCreditCode: (await org.call('GET', '/api/training/institutions'))
        .json()
        .items.find((i: { id: string }) => i.id === school.id).unifiedSocialCreditCode,
      kind: 'technical_school',
      district: '江北区',
    });
    expect(again.json().code).toBe('INSTITUTION_USCC_TAKEN');
    expect((await org.call('GET', '/api/training/courses/not-a-uuid')).json().code).toBe('VALIDATION_FAILED');
  });
});

describe('course search (the courses index, kept in sync through the outbox)', () => {
  it('finds a published course by its words, filters by the catalogue day, and forgets it when withdrawn', async () => {
    const { SearchSync } = await import('../search/search-sync.service');
    const drain = () => t.app.get(SearchSync).drainAll();
    const refresh = async () => {
      await drain();
      const { SEARCH_CLIENT } = await import('../../infra/search/search.module');
      await t.app.get(SEARCH_CLIENT).indices.refresh({ index: t.app.get(SearchSync).aliasOf('course') });
    };
    const school = await institution(org.call, { name: '渝北育婴职业培训学校' });
    const site = await platform(org.call);
    const title = `婴幼儿照护搜索验证${Date.now()}`;
    const course = (
      await org.call('POST', '/api/training/courses', courseInput(school.id, site.id, { title }))
    ).json();
    await org.call('POST', `/api/training/courses/${course.id}/status`, { status: 'published' });
    await refresh();
    const search = (query: string) => t.app.inject({ method: 'GET', url: `/api/search/courses?${query}` });

    const found = (await search(`q=${encodeURIComponent(title)}`)).json();
    expect(found.items.map((c: { id: string }) => c.id)).toEqual([course.id]);
    expect(found.items[0].highlight.title[0]).toContain('<em>');
    const onlyToday = `q=${encodeURIComponent(title)}&subsidisableOn=today`;
    expect((await search(onlyToday)).json().total).toBe(0);

    for (const [catalogue, subjectId] of [
      ['institution', school.id],
      ['project', course.id],
      ['platform', site.id],
    ])
      await org.call('POST', '/api/training/listings', {
        catalogue,
        subjectId,
        listedFrom: daysFromToday(-1),
        listedUntil: null,
        source: '渝人社办〔2020〕28号',
      });
    await refresh();
    expect((await search(onlyToday)).json().total).toBe(1);
    expect((await search(`${onlyToday.replace('today', daysFromToday(-3))}`)).json().total).toBe(0);

    await org.call('POST', `/api/training/courses/${course.id}/status`, { status: 'withdrawn' });
    await refresh();
    expect((await search(`q=${encodeURIComponent(title)}`)).json().total).toBe(0);
    expect((await search('level=level9')).json().code).toBe('VALIDATION_FAILED');
    expect((await search('subsidisableOn=yesterday')).json().code).toBe('VALIDATION_FAILED');
  });
});
