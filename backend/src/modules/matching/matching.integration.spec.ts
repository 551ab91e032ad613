import { aliasName, indicesOfAlias, RESUMES_INDEX } from '@platform/search';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE } from '../../infra/database/database';
import { SEARCH_CLIENT } from '../../infra/search/search.module';
import {
  approvedAgency,
  Caller,
  caller,
  employer,
  organizer,
  runningFair,
  submittedPosition,
} from '../../test-support/fair-fixtures';
import { readySeeker, resumeInput } from '../../test-support/seeker-fixtures';
import { registerUser, startTestApp, TestApp } from '../../test-support/test-app';
import { reindexResumes } from '../search/reindex';
import { SearchSync } from '../search/search-sync.service';

let t: TestApp;
let org: Awaited<ReturnType<typeof organizer>>;
let fairId: string;
let agencyId: string;
beforeAll(async () => {
  t = await startTestApp();
  org = await organizer(t.app);
  fairId = (await runningFair(org, { year: new Date().getUTCFullYear() })).id;
  agencyId = (await approvedAgency(t.app, org, fairId)).id;
});
afterAll(() => t.close());

const drain = () => t.app.get(SearchSync).drainAll();
/** A word no other test run uses, so ranking is decided by this test's data alone. */
const uniqueWord = () => `kx${randomInt(1e6, 1e7)}`;

async function unitWithPositions(...fields: Record<string, unknown>[]) {
  const unit = await employer(t.app, org);
  await unit.call('POST', `/api/employers/me/fairs/${fairId}`);
  await unit.call('PUT', `/api/employers/me/fairs/${fairId}/agencies/${agencyId}`);
  const ids: string[] = [];
  for (const f of fields) {
    const { id } = await submittedPosition(unit.call, fairId, f);
    const review = await org.call('POST', `/api/positions/${id}/review`, { decision: 'approve' });
    if (review.statusCode >= 300) throw new Error(`review: ${review.body}`);
    ids.push(id);
  }
  return { unit, ids };
}

async function inResumeIndex(userId: string): Promise<boolean> {
  const client = t.app.get(SEARCH_CLIENT);
  const alias = aliasName(t.config.SEARCH_INDEX_PREFIX, RESUMES_INDEX);
  const found = await client.search({ index: alias, query: { ids: { values: [userId] } } });
  return found.hits.hits.length === 1;
}

type Candidate = { userId: string; source: string; contacts: { masked: boolean; phone: string | null } };
const candidates = async (call: Caller, positionId: string, query = '') =>
  call('GET', `/api/positions/${positionId}/candidates${query}`);

describe('recommendations for a seeker', () => {
  it('ranks the fitting position first and explains every factor and what is missing', async () => {
    const word = uniqueWord();
    const {
      ids: [fitting, stretch],
    } = await unitWithPositions(
      {
        title: `Java 开发工程师 ${word}`,
        requirements: `熟悉 Java，了解 ${word} 平台。`,
        graduateSuitable: true,
        district: '江北区',
        salaryMin: 20000,
        salaryMax: 30000,
      },
      {
        title: `${word} 算法研究员`,
        requirements: `精通 Python 与机器学习，熟悉 ${word}。`,
        education: 'master',
        district: '江北区',
        salaryMin: 20000,
        salaryMax: 30000,
      },
    );
    // Expectations only these two positions meet (district, salary, title word): the positions other
    // test files publish into the same index (渝北区, 6000-9000) cannot crowd them out of the top 20.
    const seeker = await readySeeker(
      t.app,
      {},
      {
        skills: ['Java', word],
        expectations: {
          positionTitle: `${word} 开发`,
          district: '江北区',
          salaryMin: 20000,
          salaryMax: 30000,
        },
      },
    );
    await drain();

    const response = await seeker.call('GET', '/api/seekers/me/recommendations');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.formulaVersion).toBe('combined-2026.1');
    expect(body.items[0].position.id).toBe(fitting);
    expect(body.items[0].match).toMatchObject({ score: 100, missing: [], missingText: null });
    // Other test files publish positions into the same index, so the best text score of the
    // query may belong to one of theirs: check the formula, not a fixed 100.
    const { relevance, combined } = body.items[0];
    expect(relevance).toBeGreaterThan(0.5);
    expect(combined).toBe(Math.round(0.7 * 100 + 0.3 * 100 * relevance));
    expect(body.items[0].match.factors.map((f: { factor: string }) => f.factor)).toEqual([
      'education',
      'skills',
      'district',
      'salary',
      'experience',
      'graduate',
    ]);

    const other = body.items.find((i: { position: { id: string } }) => i.position.id === stretch);
    expect(other.combined).toBeLessThan(body.items[0].combined);
    expect(other.match.missing).toEqual(expect.arrayContaining(['硕士', 'Python', '机器学习']));
    expect(other.match.missingText).toMatch(/^缺少: 硕士, /);
    const education = other.match.factors.find((f: { factor: string }) => f.factor === 'education');
    expect(education).toMatchObject({ max: 25, detail: '学历低于要求的硕士' });
    // The combined score is the documented blend of the fit and the normalised relevance.
    expect(other.combined).toBe(Math.round(0.7 * other.match.score + 30 * other.relevance));
  });

  it('puts a key enterprise first among equally fitting positions (§2.6.5)', async () => {
    const word = uniqueWord();
    const same = { title: `会计 ${word}`, requirements: `熟悉 Excel 与 ${word}。`, graduateSuitable: true };
    // The key enterprise posts first, so "newest first" alone would put it second.
    const key = await unitWithPositions(same);
    const {
      ids: [plain],
    } = await unitWithPositions(same);
    await org.call('PATCH', `/api/employers/${key.unit.id}/flags`, { isKeyEnterprise: true });
    const seeker = await readySeeker(t.app, {}, { skills: ['Excel', word] });
    await drain();

    const items: { position: { id: string; isKeyEnterprise: boolean }; match: { score: number } }[] = (
      await seeker.call('GET', '/api/seekers/me/recommendations')
    ).json().items;
    const ids = items.map((i) => i.position.id);
    expect(ids.indexOf(key.ids[0])).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(key.ids[0])).toBeLessThan(ids.indexOf(plain));
    expect(items[ids.indexOf(key.ids[0])].match.score).toBe(items[ids.indexOf(plain)].match.score);
    expect(items[ids.indexOf(key.ids[0])].position.isKeyEnterprise).toBe(true);
  });

  it('asks for a resume first, and is for seekers only', async () => {
    const newcomer = await registerUser(t.app, ['seeker']);
    const none = await caller(t.app, newcomer.accessToken)('GET', '/api/seekers/me/recommendations');
    expect([none.statusCode, none.json().code]).toEqual([409, 'RESUME_REQUIRED']);
    const unit = await employer(t.app, org);
    expect((await unit.call('GET', '/api/seekers/me/recommendations')).json().code).toBe('FORBIDDEN_ROLE');
  });
});

describe('candidates for a position', () => {
  it('indexes a searchable resume after the drain and drops it when its owner hides it', async () => {
    const word = uniqueWord();
    const {
      unit,
      ids: [positionId],
    } = await unitWithPositions({ title: `Java 开发 ${word}`, requirements: `熟悉 Java 与 ${word}。` });
    const seeker = await readySeeker(t.app, {}, { skills: ['Java', word] });
    await drain();
    expect(await inResumeIndex(seeker.user.user.id)).toBe(true);

    const listed = (await candidates(unit.call, positionId)).json();
    const found = listed.items.find((c: Candidate) => c.userId === seeker.user.user.id);
    expect(found).toMatchObject({ source: 'searchable', contacts: { masked: true } });
    expect(found.contacts.phone).not.toBe(seeker.user.phone);
    expect(found.match.factors).toHaveLength(6);

    await seeker.call(
      'PUT',
      '/api/resumes/me',
      resumeInput({ skills: ['Java', word], visibility: 'hidden' }),
    );
    await drain();
    expect(await inResumeIndex(seeker.user.user.id)).toBe(false);
    const after = (await candidates(unit.call, positionId)).json();
    expect(after.items.map((c: Candidate) => c.userId)).not.toContain(seeker.user.user.id);
  });

  it('shows applicants (contacts open) and searchable resumes, never hidden or foreign applied_only ones', async () => {
    const word = uniqueWord();
    const {
      unit,
      ids: [positionId],
    } = await unitWithPositions({ title: `Java 开发 ${word}`, requirements: `熟悉 Java 与 ${word}。` });
    const applicant = await readySeeker(t.app, {}, { skills: ['Java', word], visibility: 'applied_only' });
    expect((await applicant.call('POST', `/api/positions/${positionId}/applications`)).statusCode).toBe(201);
    const searchable = await readySeeker(t.app, {}, { skills: ['Java', word] });
    const appliedOnly = await readySeeker(t.app, {}, { skills: ['Java', word], visibility: 'applied_only' });
    const hidden = await readySeeker(t.app, {}, { skills: ['Java', word], visibility: 'hidden' });
    await drain();

    const response = await candidates(unit.call, positionId, '?limit=50');
    expect(response.statusCode).toBe(200);
    const items: Candidate[] = response.json().items;
    const byId = new Map(items.map((c) => [c.userId, c]));
    expect(byId.get(applicant.user.user.id)).toMatchObject({
      source: 'applied',
      contacts: { masked: false, phone: applicant.user.phone },
    });
    expect(byId.get(searchable.user.user.id)).toMatchObject({
      source: 'searchable',
      contacts: { masked: true },
    });
    expect(byId.has(appliedOnly.user.user.id)).toBe(false);
    expect(byId.has(hidden.user.user.id)).toBe(false);

    const two = (await candidates(unit.call, positionId, '?limit=2')).json().items;
    expect(two).toHaveLength(2);
    expect((await candidates(org.call, positionId)).statusCode).toBe(200);
  });

  it('refuses other employers and seekers, and answers bad input with stable codes', async () => {
    const {
      ids: [positionId],
    } = await unitWithPositions({ title: '会计' });
    const stranger = await employer(t.app, org);
    const other = await candidates(stranger.call, positionId);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('FORBIDDEN_NOT_OWNER');
    const seeker = await readySeeker(t.app);
    expect((await candidates(seeker.call, positionId)).json().code).toBe('FORBIDDEN_ROLE');

    const unknown = await candidates(org.call, '00000000-0000-4000-8000-000000000000');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'NOT_FOUND']);
    for (const bad of ['?limit=51', '?limit=0', '?limit=abc']) {
      const response = await candidates(org.call, positionId, bad);
      expect([response.statusCode, response.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const notAnId = await candidates(org.call, 'not-an-id');
    expect([notAnId.statusCode, notAnId.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('search:reindex for resumes', () => {
  it('rebuilds the resumes index behind its alias with the searchable resumes only', async () => {
    const word = uniqueWord();
    const open = await readySeeker(t.app, {}, { skills: [word] });
    const closed = await readySeeker(t.app, {}, { skills: [word], visibility: 'applied_only' });
    await drain();
    const client = t.app.get(SEARCH_CLIENT);
    const alias = aliasName(t.config.SEARCH_INDEX_PREFIX, RESUMES_INDEX);
    const before = await indicesOfAlias(client, alias);

    const result = await reindexResumes(t.app.get(DATABASE), client, t.config.SEARCH_INDEX_PREFIX);
    expect(result.previous).toEqual(before);
    expect(await indicesOfAlias(client, alias)).toEqual([result.index]);
    expect(await inResumeIndex(open.user.user.id)).toBe(true);
    expect(await inResumeIndex(closed.user.user.id)).toBe(false);
  });
});

describe('with Elasticsearch unreachable', () => {
  it('recommendations answer a stable 503, candidates still rank the applicants by fit alone', async () => {
    const {
      unit,
      ids: [positionId],
    } = await unitWithPositions({ title: '离线匹配验证岗位' });
    const applicant = await readySeeker(t.app);
    expect((await applicant.call('POST', `/api/positions/${positionId}/applications`)).statusCode).toBe(201);
    const offline = await startTestApp({ ELASTICSEARCH_URL: 'http://127.0.0.1:9' });
    try {
      const seekerOffline = caller(offline.app, applicant.user.accessToken);
      const down = await seekerOffline('GET', '/api/seekers/me/recommendations');
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({
        code: 'SEARCH_UNAVAILABLE',
        message: expect.stringContaining('推荐服务暂不可用'),
      });

      const unitOffline = caller(offline.app, unit.user.accessToken);
      const listed = await unitOffline('GET', `/api/positions/${positionId}/candidates`);
      expect(listed.statusCode).toBe(200);
      const [only] = listed.json().items;
      expect(only).toMatchObject({ userId: applicant.user.user.id, source: 'applied', relevance: null });
      expect(only.combined).toBe(only.match.score);
    } finally {
      await offline.close();
    }
  });
});
