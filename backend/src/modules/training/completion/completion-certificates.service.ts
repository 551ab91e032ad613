import { Inject, Injectable } from '@nestjs/common';
import {
  businessDate,
  CertificateContent,
  certificateCodeFromBytes,
  CompletionOutcome,
  maskName,
  normalizeCertificateCode,
  PublicCertificate,
  SKILL_LEVEL_LABELS,
} from '@platform/contracts';
import { eq, inArray } from 'drizzle-orm';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../common/auth/actor';
import { Executor, recordAudit } from '../../../common/audit/audit-log';
import { AppError } from '../../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import {
  auditEvents,
  completionDecisions,
  seekerProfiles,
  trainingCertificates,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
  trainingInstitutions,
  users,
} from '../../../database/schema';
import { DATABASE, Database } from '../../../infra/database/database';
import { REDIS } from '../../../infra/redis/redis.module';
import { assertMayRead } from './completion-access';

export type IssuedCertificate = typeof trainingCertificates.$inferSelect;
type DecisionRow = typeof completionDecisions.$inferSelect;

/** Public lookups per client address and minute: enough for a person, too few to enumerate codes. */
const VERIFY_LIMIT_PER_MINUTE = 30;

/**
 * 培训合格证明 (§2.5 P1, P4): issued once per completed enrolment with a random code, its content
 * frozen at issue so a later rename or course edit never changes what was certified.
 */
@Injectable()
export class CompletionCertificates {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Inside the deciding transaction (which holds the enrolments' locks): existing
   * certificates are kept, the others are inserted in one statement with their audit events. The
   * PDF is not made here: it is rendered from the frozen content on download.
   */
  async issueMany(
    tx: Executor,
    decided: { decision: DecisionRow; outcome: CompletionOutcome }[],
    now: Date,
  ): Promise<Map<string, IssuedCertificate>> {
    const issued = new Map<string, IssuedCertificate>();
    if (!decided.length) return issued;
    const enrolmentIds = decided.map((d) => d.decision.enrolmentId);
    for (const row of await tx
      .select()
      .from(trainingCertificates)
      .where(inArray(trainingCertificates.enrolmentId, enrolmentIds)))
      issued.set(row.enrolmentId, row);
    const fresh = decided.filter((d) => !issued.has(d.decision.enrolmentId));
    if (!fresh.length) return issued;
    const contents = await this.contentsFor(tx, fresh, now);
    // 60 random bits each: a clash is all but impossible, and a clash only costs another draw.
    let pending = fresh;
    for (let attempt = 0; attempt < 5 && pending.length; attempt++) {
      const rows = await tx
        .insert(trainingCertificates)
        .values(
          pending.map(({ decision }) => ({
            enrolmentId: decision.enrolmentId,
            decisionId: decision.id,
            verificationCode: certificateCodeFromBytes(randomBytes(12)),
            content: contents.get(decision.enrolmentId)!,
            issuedAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning();
      if (rows.length)
        await tx.insert(auditEvents).values(
          rows.map((row) => ({
            actorId: null,
            action: 'training.certificate.issue',
            subjectType: 'training_certificate',
            subjectId: row.id,
            details: { enrolmentId: row.enrolmentId, decisionId: row.decisionId, code: row.verificationCode },
          })),
        );
      for (const row of rows) issued.set(row.enrolmentId, row);
      pending = pending.filter((d) => !issued.has(d.decision.enrolmentId));
    }
    if (pending.length) throw new Error('could not draw unique certificate codes');
    return issued;
  }

  async ofEnrolment(db: Executor, enrolmentId: string): Promise<IssuedCertificate | null> {
    const [row] = await db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.enrolmentId, enrolmentId));
    return row ?? null;
  }

  /** The owner's or a reviewer's download: audited every time. */
  async forDownload(actor: Actor, certificateId: string): Promise<IssuedCertificate> {
    const [row] = await this.db
      .select({ certificate: trainingCertificates, ownerId: trainingEnrolments.userId })
      .from(trainingCertificates)
      .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingCertificates.enrolmentId))
      .where(eq(trainingCertificates.id, certificateId));
    if (!row) throw new AppError('CERTIFICATE_NOT_FOUND', 'No such certificate. 未找到培训合格证明。');
    assertMayRead(actor, row.ownerId);
    await recordAudit(this.db, {
      actorId: actor.userId,
      action: 'training.certificate.download',
      subjectType: 'training_certificate',
      subjectId: certificateId,
      details: { enrolmentId: row.certificate.enrolmentId },
    });
    return row.certificate;
  }

  /** What a verifier may see, and nothing more: the name is masked, no ID number, no hours. */
  async verify(typedCode: string, clientIp: string): Promise<PublicCertificate> {
    await this.throttle(clientIp);
    const code = normalizeCertificateCode(typedCode);
    if (!code) throw new AppError('CERTIFICATE_CODE_INVALID', 'Not a certificate code. 验证码格式不正确。');
    const [row] = await this.db
      .select()
      .from(trainingCertificates)
      .where(eq(trainingCertificates.verificationCode, code));
    if (!row) throw new AppError('CERTIFICATE_NOT_FOUND', 'No certificate has this code. 未找到该证明。');
    const content = row.content as CertificateContent;
    return {
      verificationCode: code,
      valid: row.revokedAt === null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
      traineeName: maskName(content.traineeName) ?? '*',
      courseTitle: content.courseTitle,
      occupation: content.occupation,
      level: content.level,
      institution: content.institution,
      issuedOn: content.issuedOn,
    };
  }

  verifyUrl(code: string): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/verify/${code}`;
  }

  private async throttle(clientIp: string): Promise<void> {
    const key = `training:verify:${clientIp}:${Math.floor(Date.now() / 60_000)}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 120).exec()) as [[null, number]];
    if (count > VERIFY_LIMIT_PER_MINUTE)
      throw new AppError(
        'RATE_LIMITED',
        'Too many lookups; try again in a minute. 查询过于频繁，请稍后再试。',
      );
  }

  /** The frozen content of each new certificate: one query for the whole batch. */
  private async contentsFor(
    tx: Executor,
    decided: { decision: DecisionRow; outcome: CompletionOutcome }[],
    now: Date,
  ): Promise<Map<string, CertificateContent>> {
    const rows = await tx
      .select({
        enrolmentId: trainingEnrolments.id,
        displayName: users.displayName,
        realName: seekerProfiles.realName,
        idNumberMasked: seekerProfiles.idNumberMasked,
        course: trainingCourses,
        institution: trainingInstitutions.name,
        cls: trainingClasses,
      })
      .from(trainingEnrolments)
      .innerJoin(users, eq(users.id, trainingEnrolments.userId))
      .leftJoin(seekerProfiles, eq(seekerProfiles.userId, trainingEnrolments.userId))
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
      .innerJoin(trainingInstitutions, eq(trainingInstitutions.id, trainingClasses.institutionId))
      .where(
        inArray(
          trainingEnrolments.id,
          decided.map((d) => d.decision.enrolmentId),
        ),
      );
    const byEnrolment = new Map(rows.map((r) => [r.enrolmentId, r]));
    const contents = new Map<string, CertificateContent>();
    for (const { decision, outcome } of decided) {
      const row = byEnrolment.get(decision.enrolmentId);
      if (!row) throw new AppError('TRAINING_ENROLMENT_NOT_FOUND', 'No such enrolment. 未找到报名记录。');
      contents.set(decision.enrolmentId, {
        traineeName: row.realName ?? row.displayName,
        idNumberMasked: row.idNumberMasked,
        courseTitle: row.course.title,
        courseCode: row.course.code,
        occupation: row.course.occupation,
        level: SKILL_LEVEL_LABELS[row.course.level],
        institution: row.institution,
        className: row.cls.name,
        classStartsOn: row.cls.startsOn,
        classEndsOn: row.cls.endsOn,
        hours: {
          onlineTheory: outcome.hours.onlineTheory,
          onlinePractical: outcome.hours.onlinePractical,
          offlinePractical: outcome.hours.offlinePractical,
        },
        decisionId: decision.id,
        policyVersion: decision.policyVersion,
        issuedOn: businessDate(now),
      });
    }
    return contents;
  }
}

/** 张三 → 张*, 王小明 → 王*明: enough for a verifier to match a person in front of them. */
