import { Inject, Injectable } from '@nestjs/common';
import type { RevokeCertificate } from '@platform/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../common/auth/actor';
import { recordAudit } from '../../../common/audit/audit-log';
import { assertInDistrict, staffDistrictOf } from '../../../common/auth/staff-district';
import { AppError } from '../../../common/errors/app-error';
import { trainingCertificates, trainingClasses, trainingEnrolments } from '../../../database/schema';
import { DATABASE, Database } from '../../../infra/database/database';
import { NotificationsService } from '../../notifications/notifications.service';

/**
 * A reviewer withdraws a 培训合格证明 (e.g. hours found falsified after issue). The certificate is
 * kept, marked revoked with who and why; the public check then answers "revoked" and the PDF says
 * so. The trainee is told the reason.
 */
@Injectable()
export class CertificateRevocations {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly notifications: NotificationsService,
  ) {}

  async revoke(
    actor: Actor,
    certificateId: string,
    { reason }: RevokeCertificate,
  ): Promise<{ revokedAt: string }> {
    const done = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .select({
          certificate: trainingCertificates,
          traineeId: trainingEnrolments.userId,
          district: trainingClasses.district,
        })
        .from(trainingCertificates)
        .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingCertificates.enrolmentId))
        .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
        .where(eq(trainingCertificates.id, certificateId))
        .for('update', { of: trainingCertificates });
      if (!row) throw new AppError('CERTIFICATE_NOT_FOUND', 'No such certificate. 未找到培训合格证明。');
      assertInDistrict(await staffDistrictOf(tx, actor), row.district);
      const now = new Date();
      const [updated] = await tx
        .update(trainingCertificates)
        .set({ revokedAt: now, revokedBy: actor.userId, revokeReason: reason })
        .where(and(eq(trainingCertificates.id, certificateId), isNull(trainingCertificates.revokedAt)))
        .returning({ id: trainingCertificates.id });
      if (!updated) {
        throw new AppError(
          'CERTIFICATE_ALREADY_REVOKED',
          'The certificate was already revoked. 该证明已撤销。',
          {
            revokedAt: row.certificate.revokedAt?.toISOString(),
          },
        );
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.certificate.revoke',
        subjectType: 'training_certificate',
        subjectId: certificateId,
        details: { enrolmentId: row.certificate.enrolmentId, code: row.certificate.verificationCode, reason },
      });
      const notify = await this.notifications.store(tx, [row.traineeId], {
        kind: 'training.certificate.revoked',
        title: `培训合格证明 ${row.certificate.verificationCode} 已撤销`,
        body: reason,
        link: `/trainee/training/${row.certificate.enrolmentId}/completion`,
      });
      return { notify, revokedAt: now.toISOString() };
    });
    done.notify();
    return { revokedAt: done.revokedAt };
  }
}
