import {
  DEFAULT_TRAINING_POLICY,
  CompleteTrainingClassPayloadSchema,
  EvaluateClassCompletionsPayloadSchema,
  EvaluateTrainingCompletionPayloadSchema,
  JobName,
  QueueName,
  SweepTrainingCompletionsPayloadSchema,
} from '@platform/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_POOL } from '../../../infra/database/database';
import { redisConnection } from '../../../infra/queue/queue.module';
import { caller, organizer } from '../../../test-support/fair-fixtures';
import {
  completionCatalogue,
  CompletionCatalogue,
  completionClass,
  enrolWithLearning,
  realNameTrainee,
  Variant,
} from '../../../test-support/completion-fixtures';
import { registerUser, startTestApp, TestApp } from '../../../test-support/test-app';
import { CompletionDecisions } from './completion-decision.service';
import { CompletionRequests } from './completion-requests.service';
import { CompleteTrainingClassJob } from './jobs/complete-training-class.job';
import { EvaluateClassCompletionsJob } from './jobs/evaluate-class-completions.job';
import { EvaluateTrainingCompletionJob } from './jobs/evaluate-training-completion.job';
import { SweepTrainingCompletionsJob } from './jobs/sweep-training-completions.job';

let t: TestApp;
let pool: Pool;
let catalogue: CompletionCatalogue;
let worker: Worker;
let events: QueueEvents;
/** Other test files set policies of their own; this file decides under the defaults, named here. */
const policyVersion = `completion-test-${Date.now()}`;

/** A real BullMQ worker on the training queue running the real job classes, as the worker process does. */
function trainingWorker(): Worker {
  const evaluate = new EvaluateTrainingCompletionJob(t.app.get(CompletionDecisions));
  const batch = new EvaluateClassCompletionsJob(t.app.get(CompletionDecisions));
  const sweep = new SweepTrainingCompletionsJob(t.app.get(CompletionRequests));
  const parent = new CompleteTrainingClassJob();
  return new Worker(
    QueueName.training,
    async (job: Job) => {
      if (job.name === JobName.evaluateTrainingCompletion)
        return evaluate.handle(EvaluateTrainingCompletionPayloadSchema.parse(job.data));
      if (job.name === JobName.evaluateClassCompletions)
        return batch.handle(EvaluateClassCompletionsPayloadSchema.parse(job.data));
      if (job.name === JobName.sweepTrainingCompletions)
        return sweep.handle(SweepTrainingCompletionsPayloadSchema.parse(job.data));
      return parent.handle(CompleteTrainingClassPayloadSchema.parse(job.data), job);
    },
    { connection: redisConnection(t.config.REDIS_URL), prefix: t.config.QUEUE_PREFIX, concurrency: 4 },
  );
}

beforeAll(async () => {
  t = await startTestApp();
  pool = t.app.get(PG_POOL);
  await pool.query(
    `insert into training_policy_versions (version, effective_from, values) values ($1, now(), $2)`,
    [policyVersion, JSON.stringify(DEFAULT_TRAINING_POLICY.values)],
  );
  catalogue = await completionCatalogue(pool);
  worker = trainingWorker();
  events = new QueueEvents(QueueName.training, {
    connection: redisConnection(t.config.REDIS_URL),
    prefix: t.config.QUEUE_PREFIX,
  });
  await events.waitUntilReady();
});
afterAll(async () => {
  await worker.close();
  await events.close();
  await t.close();
});

/** A registered trainee (so they can sign in) with a real name, enrolled in a fresh 2020 class. */
async function trainee(variant: Variant, name = '王小明') {
  const user = await registerUser(t.app);
  await realNameTrainee(pool, name, user.user.id);
  const classId = await completionClass(pool, catalogue, '2020-03-02', '2020-04-30');
  const enrolmentId = await enrolWithLearning(pool, classId, user.user.id, '2020-03-02', variant);
  return { enrolmentId, classId, call: caller(t.app, user.accessToken) };
}

async function evaluateThroughQueue(enrolmentId: string, trigger: string) {
  const { jobId } = await t.app.get(CompletionRequests).requestEvaluation(enrolmentId, trigger);
  const job = await Job.fromId(t.app.get<Queue>(getQueueToken(QueueName.training)), jobId);
  return job!.waitUntilFinished(events, 20_000);
}

const decisionsOf = async (enrolmentId: string) =>
  (await pool.query('select * from training_completion_decisions where enrolment_id = $1', [enrolmentId]))
    .rows;
const certificatesOf = async (enrolmentId: string) =>
  (await pool.query('select * from training_certificates where enrolment_id = $1', [enrolmentId])).rows;

describe('completion decided by the job (training.md §4.1)', () => {
  it('TR-19: every hour, Q&A, attendance and exam → COMPLETED_PENDING_AUDIT, one certificate, verifiable by its code', async () => {
    const me = await trainee('complete');
    const result = await evaluateThroughQueue(me.enrolmentId, 'session-closed.tr19');
    expect(result).toMatchObject({ status: 'COMPLETED_PENDING_AUDIT', created: true });
    expect(result.certificateId).toBeTruthy();

    const view = (await me.call('GET', `/api/training/enrolments/${me.enrolmentId}/completion`)).json();
    expect(view.decision).toMatchObject({
      status: 'COMPLETED_PENDING_AUDIT',
      statusLabel: '已结业，待结业审核',
      reasons: [],
    });
    expect(view.decision.hours).toMatchObject({ onlineTheory: 40, onlinePractical: 12, offlinePractical: 8 });
    const code: string = view.certificate.verificationCode;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [certificate] = await certificatesOf(me.enrolmentId);
    expect(certificate.content).toMatchObject({
      traineeName: '王小明',
      idNumberMasked: '5001**********1234',
      occupation: '育婴员',
      level: '五级/初级工',
      institution: '重庆山城职业培训学校',
      hours: { onlineTheory: 40, onlinePractical: 12, offlinePractical: 8 },
      decisionId: result.decisionId,
      policyVersion,
    });
    const enrolment = await pool.query('select completion_status from training_enrolments where id = $1', [
      me.enrolmentId,
    ]);
    expect(enrolment.rows[0].completion_status).toBe('COMPLETED_PENDING_AUDIT');

    // The verifier types the code in lower case with spaces, without signing in.
    const verified = await t.app.inject({
      method: 'GET',
      url: `/api/public/certificates/${code.toLowerCase().replace(/-/g, ' ')}`,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({
      verificationCode: code,
      valid: true,
      revokedAt: null,
      traineeName: '王*明',
      courseTitle: '育婴员（五级）线上培训',
      occupation: '育婴员',
      level: '五级/初级工',
      institution: '重庆山城职业培训学校',
      issuedOn: certificate.content.issuedOn,
    });

    const pdf = await me.call('GET', view.certificate.downloadUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await pool.query(
      `select count(*)::int as n from audit_events where action = 'training.certificate.download' and subject_id = $1`,
      [certificate.id],
    );
    expect(audit.rows[0].n).toBe(1);

    const ledger = (await me.call('GET', '/api/training/ledger/mine')).json();
    expect(ledger.items).toHaveLength(1);
    expect(ledger.items[0]).toMatchObject({
      enrolmentId: me.enrolmentId,
      creditedMinutes: 2340,
      certificate: { verificationCode: code },
    });
    expect(ledger.items[0].assessments.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'attendance',
      'exam',
      'qa',
    ]);
  });

  it('TR-20: no Q&A or test record → INCOMPLETE(NO_QA_TEST_RECORD), no certificate', async () => {
    const me = await trainee('no-qa');
    const result = await evaluateThroughQueue(me.enrolmentId, 'session-closed.tr20');
    expect(result).toMatchObject({ status: 'INCOMPLETE', certificateId: null });
    const view = (await me.call('GET', `/api/training/enrolments/${me.enrolmentId}/completion`)).json();
    expect(view.decision.reasons).toEqual([
      { code: 'NO_QA_TEST_RECORD', explanation: '没有答疑或测试记录。' },
    ]);
    expect(view.certificate).toBeNull();
    expect(await certificatesOf(me.enrolmentId)).toHaveLength(0);
  });

  it('TR-22: exam below the pass mark → INCOMPLETE(EXAM_FAILED), no certificate', async () => {
    const me = await trainee('exam-failed');
    const result = await evaluateThroughQueue(me.enrolmentId, 'session-closed.tr22');
    expect(result).toMatchObject({ status: 'INCOMPLETE', certificateId: null });
    expect((await decisionsOf(me.enrolmentId))[0].reasons).toEqual(['EXAM_FAILED']);
    expect(await certificatesOf(me.enrolmentId)).toHaveLength(0);
  });

  it('tells the trainee how many theory 学时 are still missing', async () => {
    const me = await trainee('theory-short');
    await evaluateThroughQueue(me.enrolmentId, 'manual.short');
    const view = (await me.call('GET', `/api/training/enrolments/${me.enrolmentId}/completion`)).json();
    expect(view.decision.reasons).toContainEqual({
      code: 'THEORY_HOURS_SHORT',
      explanation: '理论学时还差 10 学时（已认定 30/40）。',
    });
  });

  it('evaluating the same facts again adds no decision and no certificate, and the stored decision replays', async () => {
    const me = await trainee('complete');
    const first = await evaluateThroughQueue(me.enrolmentId, 'session-closed.a');
    const second = await evaluateThroughQueue(me.enrolmentId, 'session-closed.b');
    expect(second).toMatchObject({
      created: false,
      decisionId: first.decisionId,
      certificateId: first.certificateId,
    });
    // The same request queued twice collapses into one job.
    const requests = t.app.get(CompletionRequests);
    expect((await requests.requestEvaluation(me.enrolmentId, 'session-closed.b')).jobId).toBe(
      (await requests.requestEvaluation(me.enrolmentId, 'session-closed.b')).jobId,
    );
    // A trigger named with characters job ids do not take still queues, under a safe name.
    const colon = await requests.requestEvaluation(me.enrolmentId, 'session-closed:b');
    expect(colon.jobId).toBe(`evaluate_${me.enrolmentId}_session-closed.b`);
    expect(await decisionsOf(me.enrolmentId)).toHaveLength(1);
    expect(await certificatesOf(me.enrolmentId)).toHaveLength(1);

    // New facts (the exam re-marked below the pass mark) make a new decision; the certificate stays one.
    await pool.query(`update training_assessments set score = 40 where enrolment_id = $1 and kind = 'exam'`, [
      me.enrolmentId,
    ]);
    const third = await evaluateThroughQueue(me.enrolmentId, 'session-closed.c');
    expect(third).toMatchObject({ created: true, status: 'INCOMPLETE' });
    expect(await decisionsOf(me.enrolmentId)).toHaveLength(2);
    expect(await certificatesOf(me.enrolmentId)).toHaveLength(1);

    const org = await organizer(t.app);
    const replay = await org.call('GET', `/api/training/completion-decisions/${first.decisionId}/replay`);
    expect(replay.json()).toMatchObject({ matches: true, stored: { status: 'COMPLETED_PENDING_AUDIT' } });
    const list = await org.call('GET', `/api/training/completions?classId=${me.classId}&status=INCOMPLETE`);
    expect(list.json().items).toMatchObject([{ enrolmentId: me.enrolmentId, reasons: ['EXAM_FAILED'] }]);
    const evidence = (
      await org.call('GET', `/api/training/enrolments/${me.enrolmentId}/completion/evidence`)
    ).json();
    expect(evidence.sessions).toHaveLength(11);
    expect(evidence.sessions[0].checks).toEqual([expect.objectContaining({ result: 'passed' })]);
    expect(evidence.signedInAt).toBeTruthy();
  });

  it('a class decided in one batch gets exactly the decisions and certificates of one-by-one evaluation', async () => {
    const classId = await completionClass(pool, catalogue, '2020-03-02', '2020-04-30', '批量判定班');
    const variants: Variant[] = ['complete', 'no-qa', 'exam-failed', 'theory-short', 'complete'];
    const ids: string[] = [];
    for (const [i, variant] of variants.entries()) {
      const userId = await realNameTrainee(pool, `批量${i}`);
      ids.push(await enrolWithLearning(pool, classId, userId, '2020-03-02', variant));
    }
    const decisions = t.app.get(CompletionDecisions);
    const now = new Date();
    const snapshot = async () => ({
      decisions: (
        await pool.query(
          `select enrolment_id, input_hash, status, reasons, input, outcome from training_completion_decisions
            where enrolment_id = any($1) order by enrolment_id`,
          [ids],
        )
      ).rows,
      certificates: (
        await pool.query(
          `select enrolment_id, content - 'decisionId' as content from training_certificates
            where enrolment_id = any($1) order by enrolment_id`,
          [ids],
        )
      ).rows,
      statuses: (
        await pool.query(
          'select id, completion_status from training_enrolments where id = any($1) order by id',
          [ids],
        )
      ).rows,
    });
    for (const id of ids) await decisions.evaluate(id, 'manual.one', now);
    const oneByOne = await snapshot();
    await pool.query('delete from training_certificates where enrolment_id = any($1)', [ids]);
    await pool.query('delete from training_completion_decisions where enrolment_id = any($1)', [ids]);
    await pool.query('update training_enrolments set completion_status = null where id = any($1)', [ids]);

    const unknown = '00000000-0000-4000-8000-000000000000';
    const batch = await decisions.evaluateMany([...ids, unknown], 'manual.batch', now);
    expect(batch).toHaveLength(ids.length);
    expect(batch.every((r) => r.created)).toBe(true);
    expect(await snapshot()).toEqual(oneByOne);
    expect(oneByOne.certificates).toHaveLength(2);
    const issued = await pool.query(
      `select count(*)::int as n from audit_events where action = 'training.certificate.issue'
        and details->>'enrolmentId' = any($1)`,
      [ids],
    );
    expect(issued.rows[0].n).toBe(2 + 2); // two issued one by one, two again in the batch

    // The same facts again: nothing added, the same certificates returned.
    const again = await decisions.evaluateMany(ids, 'manual.batch2', now);
    expect(again.some((r) => r.created)).toBe(false);
    expect(again.map((r) => r.certificate?.id ?? null)).toEqual(batch.map((r) => r.certificate?.id ?? null));
    expect(await snapshot()).toEqual(oneByOne);
    const replay = await decisions.replay(batch[0]!.decision.id);
    expect(replay.matches).toBe(true);
  });

  it('only the trainee and reviewers see a completion', async () => {
    const me = await trainee('complete');
    const stranger = await registerUser(t.app);
    const response = await caller(t.app, stranger.accessToken)(
      'GET',
      `/api/training/enrolments/${me.enrolmentId}/completion`,
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN_NOT_OWNER');
  });
});

describe('public certificate verification', () => {
  it('answers 404 with a stable code for an unknown or malformed code, and says when a reviewer revoked a certificate', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/certificates/ZZZZ-ZZZZ-ZZZ0' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('CERTIFICATE_NOT_FOUND');
    const malformed = await t.app.inject({ method: 'GET', url: '/api/public/certificates/not-a-code' });
    expect(malformed.statusCode).toBe(404);
    expect(malformed.json().code).toBe('CERTIFICATE_CODE_INVALID');

    const me = await trainee('complete', '欧阳娜娜');
    await evaluateThroughQueue(me.enrolmentId, 'manual.revoke');
    const [certificate] = await certificatesOf(me.enrolmentId);
    const revokeUrl = `/api/training/certificates/${certificate.id}/revoke`;
    const byTrainee = await me.call('POST', revokeUrl, { reason: '自行撤销' });
    expect(byTrainee.statusCode).toBe(403);
    const org = await organizer(t.app);
    const blank = await org.call('POST', revokeUrl, { reason: ' ' });
    expect(blank.statusCode).toBe(400);
    const done = await org.call('POST', revokeUrl, { reason: '抽查发现学时记录造假' });
    expect(done.statusCode).toBe(201);
    const again = await org.call('POST', revokeUrl, { reason: '重复撤销' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CERTIFICATE_ALREADY_REVOKED');
    const audit = await pool.query(
      "select details from audit_events where action = 'training.certificate.revoke' and subject_id = $1",
      [certificate.id],
    );
    expect(audit.rows).toEqual([{ details: expect.objectContaining({ reason: '抽查发现学时记录造假' }) }]);
    const own = (await me.call('GET', `/api/training/enrolments/${me.enrolmentId}/completion`)).json();
    expect(own.certificate).toMatchObject({ revokeReason: '抽查发现学时记录造假' });
    const told = (await me.call('GET', '/api/notifications')).json();
    expect(JSON.stringify(told)).toContain('training.certificate.revoked');
    const revoked = await t.app.inject({
      method: 'GET',
      url: `/api/public/certificates/${certificate.verification_code}`,
    });
    expect(revoked.json()).toMatchObject({ valid: false, traineeName: '欧**娜' });
    expect(revoked.json().revokedAt).toBeTruthy();
  });
});
