import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, type Caller, organizer } from '../../../test-support/fair-fixtures';
import { enrolledTrainee, learningClass } from '../../../test-support/learning-fixtures';
import { registerUser, startTestApp, type TestApp } from '../../../test-support/test-app';
import { institutionAccount } from '../../../test-support/training-fixtures';

/** A tiny but real PDF and the first box of an MP4 ("ftyp"): what the sniffing reads. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(200, 7)]);

describe('course materials (课程视频和资料, issue 8 item 3)', () => {
  let t: TestApp;
  let dir: string;
  let org: Awaited<ReturnType<typeof organizer>>;
  let courseId: string;
  let school: { call: Caller; accessToken: string };
  let trainee: { call: Caller };

  const upload = (token: string, body: Buffer, type: string, query = 'module=理论知识&title=第一讲') =>
    t.app.inject({
      method: 'POST',
      url: `/api/training/courses/${courseId}/materials?${query}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      payload: body,
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'course-content-'));
    t = await startTestApp({ COURSE_CONTENT_DIR: dir, COURSE_CONTENT_MAX_MB: '1' });
    org = await organizer(t.app);
    const cls = await learningClass(t.app, org);
    courseId = cls.courseId;
    const account = await institutionAccount(t.app, org, cls.institutionId);
    school = account;
    trainee = await enrolledTrainee(t.app, cls.classId);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lets the course's institution upload a video and a PDF per module, stored once by sha256", async () => {
    const video = await upload(school.accessToken, MP4, 'video/mp4');
    expect(video.statusCode, video.body).toBe(201);
    expect(video.json()).toMatchObject({ module: '理论知识', kind: 'video', sizeBytes: MP4.length });
    const doc = await upload(school.accessToken, PDF, 'application/pdf', 'module=居家实操练习&title=讲义');
    expect(doc.statusCode, doc.body).toBe(201);
    expect(doc.json().kind).toBe('document');
    const again = await upload(
      school.accessToken,
      PDF,
      'application/pdf',
      'module=居家实操练习&title=讲义（重复）',
    );
    expect(again.statusCode).toBe(201);
    const files = readdirSync(dir, { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f)));
    expect(files).toHaveLength(2);
  });

  it('refuses a type that is not allowed, content that lies about its type, an unknown module, empty and oversized files', async () => {
    const exe = await upload(school.accessToken, Buffer.from('MZ...'), 'application/pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('COURSE_MATERIAL_TYPE_NOT_ALLOWED');
    expect(exe.json().details.detected).toBeNull();
    const png = await upload(school.accessToken, Buffer.from([0x89, 0x50]), 'image/png');
    expect(png.statusCode).toBe(415);
    const module = await upload(school.accessToken, PDF, 'application/pdf', 'module=不存在&title=x');
    expect(module.statusCode).toBe(400);
    expect(module.json().code).toBe('COURSE_MODULE_UNKNOWN');
    const empty = await upload(school.accessToken, Buffer.alloc(0), 'application/pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('COURSE_MATERIAL_EMPTY');
    const big = await upload(
      school.accessToken,
      Buffer.concat([PDF, Buffer.alloc(1_100_000)]),
      'application/pdf',
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('COURSE_MATERIAL_TOO_LARGE');
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it("refuses uploads by another institution's account and by a trainee", async () => {
    const other = await learningClass(t.app, org);
    const stranger = await institutionAccount(t.app, org, other.institutionId);
    const refused = await upload(stranger.accessToken, PDF, 'application/pdf');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN_NOT_OWNER');
    const seeker = await registerUser(t.app, ['trainee']);
    expect((await upload(seeker.accessToken, PDF, 'application/pdf')).statusCode).toBe(403);
  });

  it('plays for an enrolled trainee through a signed link, with ranges; refuses others and forged links', async () => {
    const list = await trainee.call('GET', `/api/training/courses/${courseId}/materials`);
    expect(list.statusCode).toBe(200);
    const video = list.json().items.find((m: { kind: string }) => m.kind === 'video');
    const link = await trainee.call('POST', `/api/training/materials/${video.id}/link`);
    expect(link.statusCode).toBe(201);
    const url = link.json().url as string;

    const whole = await t.app.inject({ method: 'GET', url });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.rawPayload.equals(MP4)).toBe(true);
    const part = await t.app.inject({ method: 'GET', url, headers: { range: 'bytes=4-11' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 4-11/${MP4.length}`);
    expect(part.rawPayload.toString('latin1')).toBe('ftypisom');
    const beyond = await t.app.inject({ method: 'GET', url, headers: { range: 'bytes=99999-' } });
    expect(beyond.statusCode).toBe(416);

    const forged = await t.app.inject({ method: 'GET', url: url.replace(/s=[^&]+/, 's=AAAA') });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('COURSE_MATERIAL_LINK_INVALID');
    const expired = await t.app.inject({ method: 'GET', url: url.replace(/e=\d+/, 'e=1000') });
    expect(expired.statusCode).toBe(403);

    const outsider = caller(t.app, (await registerUser(t.app, ['trainee'])).accessToken);
    expect((await outsider('GET', `/api/training/courses/${courseId}/materials`)).statusCode).toBe(403);
    expect((await outsider('POST', `/api/training/materials/${video.id}/link`)).statusCode).toBe(403);
  });

  it('removes a material (audited): it is no longer listed or served', async () => {
    const list = await school.call('GET', `/api/training/courses/${courseId}/materials`);
    const doc = list.json().items.find((m: { kind: string }) => m.kind === 'document');
    const link = (await trainee.call('POST', `/api/training/materials/${doc.id}/link`)).json().url as string;
    expect((await school.call('DELETE', `/api/training/materials/${doc.id}`)).statusCode).toBe(204);
    const after = await trainee.call('GET', `/api/training/courses/${courseId}/materials`);
    expect(after.json().items.map((m: { id: string }) => m.id)).not.toContain(doc.id);
    expect((await t.app.inject({ method: 'GET', url: link })).statusCode).toBe(404);
  });
});
