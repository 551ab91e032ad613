import type { SearchClient } from '@platform/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import { organizer, runningFair, employer, submittedPosition } from '../../test-support/fair-fixtures';
import { readySeeker } from '../../test-support/seeker-fixtures';
import { courseInput, institution, platform } from '../../test-support/training-fixtures';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { SearchReconcile } from './search-reconcile.service';
import { SearchSync } from './search-sync.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('reconcile: PostgreSQL and the positions index agree again', () => {
  it('restores a lost document, repairs an edited one and removes one nobody published', async () => {
    const org = await organizer(t.app);
    const fairId = (await runningFair(org)).id;
    const unit = await employer(t.app, org);
    await unit.call('POST', `/api/employers/me/fairs/${fairId}`);
    const ids: string[] = [];
    for (const title of ['对账测试丢失岗位', '对账测试篡改岗位']) {
      const { id } = await submittedPosition(unit.call, fairId, { title });
      await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' });
      ids.push(id);
    }
    const sync = t.app.get(SearchSync);
    await sync.drainAll();

    // Damage the index behind the outbox's back, as a restored snapshot or a manual fix would.
    const client: SearchClient = t.app.get(SEARCH_CLIENT);
    const [lost, edited] = ids;
    const strayId = '00000000-0000-4000-8000-00000000dead';
    await client.delete({ index: sync.alias, id: lost });
    await client.update({ index: sync.alias, id: edited, doc: { title: '被篡改的标题' } });
    const { _source } = await client.get<Record<string, unknown>>({ index: sync.alias, id: edited });
    await client.index({ index: sync.alias, id: strayId, document: { ..._source, id: strayId } });
    await client.indices.refresh({ index: sync.alias });

    const report = await t.app.get(SearchReconcile).reconcile('position', 50);
    expect(report.missing).toBeGreaterThanOrEqual(1);
    expect(report.stale).toBeGreaterThanOrEqual(1);
    expect(report.stray).toBeGreaterThanOrEqual(1);
    expect(report.checked).toBeGreaterThanOrEqual(2);

    await sync.drainAll();
    expect((await client.get<{ title: string }>({ index: sync.alias, id: lost }))._source?.title).toBe(
      '对账测试丢失岗位',
    );
    expect((await client.get<{ title: string }>({ index: sync.alias, id: edited }))._source?.title).toBe(
      '对账测试篡改岗位',
    );
    expect(await client.exists({ index: sync.alias, id: strayId })).toBe(false);

    const again = await t.app.get(SearchReconcile).reconcile('position', 50);
    expect(again).toMatchObject({ missing: 0, stray: 0 });
  });

  it('repairs the resumes and courses indices the same way', async () => {
    const org = await organizer(t.app);
    const school = await institution(org.call);
    const site = await platform(org.call);
    const course = (
      await org.call(
        'POST',
        '/api/training/courses',
        courseInput(school.id, site.id, { title: '对账测试课程' }),
      )
    ).json();
    await org.call('POST', `/api/training/courses/${course.id}/status`, { status: 'published' });
    const seeker = await readySeeker(t.app);
    const sync = t.app.get(SearchSync);
    await sync.drainAll();

    const client: SearchClient = t.app.get(SEARCH_CLIENT);
    const courses = sync.aliasOf('course');
    const resumes = sync.aliasOf('resume');
    await client.delete({ index: courses, id: course.id, refresh: true });
    const strayResume = '00000000-0000-4000-8000-00000000beef';
    const { _source } = await client.get<Record<string, unknown>>({
      index: resumes,
      id: seeker.user.user.id,
    });
    await client.index({
      index: resumes,
      id: strayResume,
      document: { ..._source, userId: strayResume },
      refresh: true,
    });

    const reports = await t.app.get(SearchReconcile).reconcileAll(50);
    expect(reports.course.missing).toBeGreaterThanOrEqual(1);
    expect(reports.resume.stray).toBeGreaterThanOrEqual(1);
    await sync.drainAll();
    expect((await client.get<{ title: string }>({ index: courses, id: course.id }))._source?.title).toBe(
      '对账测试课程',
    );
    expect(await client.exists({ index: resumes, id: strayResume })).toBe(false);
  });
});
