import { Inject, Injectable } from '@nestjs/common';
import { AgreementTerms } from '@platform/contracts';
import { asc, desc, eq } from 'drizzle-orm';
import { Actor, STAFF_ROLES } from '../../common/auth/actor';
import { assertOwnerOrRole } from '../../common/auth/ownership';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../common/errors/pg-errors';
import {
  agreementEvents,
  agreements,
  applicationEvents,
  applications,
  employers,
  userRoles,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { NotificationsService } from '../notifications/notifications.service';
import { contentHash, eventHash, GENESIS, verifyChain } from './agreement-chain';

type AgreementRow = typeof agreements.$inferSelect;

/**
 * Offers, 就业协议 and 电子劳动合同 (recruitment.md §2.9, AS-35, AS-37): the employer offers and
 * signs, the graduate consents to the electronic form and signs, the application becomes hired.
 * Every step is a hash-chained event, so a changed contract no longer verifies.
 */
@Injectable()
export class AgreementsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly notifications: NotificationsService,
  ) {}

  async offer(actor: Actor, applicationId: string, terms: AgreementTerms) {
    const { application, employer } = await this.applicationOfEmployer(actor, applicationId);
    if (application.status !== 'offer')
      throw new AppError(
        'STATE_TRANSITION_INVALID',
        'Move the application to 录用通知 (offer) first. 请先将投递推进到“录用通知”。',
        { status: application.status },
      );
    const hash = contentHash(terms);
    try {
      const id = await this.db.transaction(async (tx) => {
        const now = new Date();
        const [row] = await tx
          .insert(agreements)
          .values({ applicationId, terms, contentHash: hash, status: 'offered', employerSignedAt: now })
          .returning();
        await appendEvent(
          tx,
          row.id,
          'employer_signed',
          { contentHash: hash, employerId: employer.id, at: now.toISOString() },
          actor.userId,
        );
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'agreement.offer',
          subjectType: 'agreement',
          subjectId: row.id,
          details: { applicationId, contentHash: hash },
        });
        const notify = await this.notifications.store(tx, [application.seekerUserId], {
          kind: 'agreement.offered',
          title: `收到${terms.kind === 'labor_contract' ? '电子劳动合同' : '就业协议'}：${terms.positionTitle}`,
          link: `/seeker/agreements/${row.id}`,
        });
        return { id: row.id, notify };
      });
      id.notify();
      return this.view(id.id);
    } catch (error) {
      if (isUniqueViolation(error, 'agreements_application_key'))
        throw new AppError('CONFLICT', 'This application already has an agreement. 该投递已有协议。');
      throw error;
    }
  }

  /** The graduate signs; consenting to the electronic form is required (协商一致). */
  async sign(actor: Actor, agreementId: string, consentToElectronicForm: boolean) {
    if (!consentToElectronicForm)
      throw new AppError(
        'AGREEMENT_CONSENT_REQUIRED',
        'Agree to sign in electronic form first. 请先同意以电子形式订立。',
      );
    const { agreement, application } = await this.loadWithApplication(agreementId);
    assertOwnerOrRole(actor, application.seekerUserId);
    if (agreement.status !== 'offered') throw stateError(agreement);
    const now = new Date();
    await this.db.transaction(async (tx) => {
      await tx
        .update(agreements)
        .set({ status: 'signed', seekerSignedAt: now })
        .where(eq(agreements.id, agreementId));
      await appendEvent(
        tx,
        agreementId,
        'seeker_signed',
        { contentHash: agreement.contentHash, consentToElectronicForm: true, at: now.toISOString() },
        actor.userId,
      );
      await tx
        .update(applications)
        .set({ status: 'hired', updatedAt: now })
        .where(eq(applications.id, application.id));
      await tx.insert(applicationEvents).values({
        applicationId: application.id,
        fromStatus: application.status,
        toStatus: 'hired',
        by: 'system',
        actorId: actor.userId,
        reason: '双方已签署',
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'agreement.sign',
        subjectType: 'agreement',
        subjectId: agreementId,
        details: { contentHash: agreement.contentHash },
      });
    });
    return this.view(agreementId);
  }

  /** AS-37: revoking needs a reason; an SOE revoking a signed agreement is flagged for organizers. */
  async revoke(actor: Actor, agreementId: string, reason: string) {
    const { agreement, application } = await this.loadWithApplication(agreementId);
    const [employer] = await this.db.select().from(employers).where(eq(employers.id, application.employerId));
    assertOwnerOrRole(actor, employer.ownerUserId);
    if (agreement.status !== 'offered' && agreement.status !== 'signed') throw stateError(agreement);
    const flagged = agreement.status === 'signed' && employer.unitType === 'soe';
    const notify = await this.db.transaction(async (tx) => {
      await tx
        .update(agreements)
        .set({ status: 'revoked', revokedReason: reason, flaggedForReview: flagged })
        .where(eq(agreements.id, agreementId));
      await appendEvent(
        tx,
        agreementId,
        'employer_revoked',
        { contentHash: agreement.contentHash, reason, at: new Date().toISOString() },
        actor.userId,
      );
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'agreement.revoke',
        subjectType: 'agreement',
        subjectId: agreementId,
        details: { reason, flaggedForReview: flagged, employerType: employer.unitType },
      });
      const organizers = flagged
        ? (
            await tx
              .select({ userId: userRoles.userId })
              .from(userRoles)
              .where(eq(userRoles.role, 'organizer'))
          ).map((r) => r.userId)
        : [];
      const toSeeker = await this.notifications.store(tx, [application.seekerUserId], {
        kind: 'agreement.revoked',
        title: '用人单位撤回了协议',
        body: reason,
      });
      const toOrganizers = await this.notifications.store(tx, organizers, {
        kind: 'agreement.flagged',
        title: `国有企业解约待核查：${employer.name}`,
        body: reason,
        link: `/organizer/agreements`,
      });
      return () => (toSeeker(), toOrganizers());
    });
    notify();
    return this.view(agreementId);
  }

  /** 就业报到 processed online by the public employment service (AS-35). */
  async reportForDuty(actor: Actor, agreementId: string) {
    const agreement = await this.load(agreementId);
    if (agreement.status !== 'signed') throw stateError(agreement);
    await this.db.transaction(async (tx) => {
      await tx
        .update(agreements)
        .set({ reportedForDutyAt: new Date() })
        .where(eq(agreements.id, agreementId));
      await appendEvent(
        tx,
        agreementId,
        'reported_for_duty',
        { contentHash: agreement.contentHash, at: new Date().toISOString() },
        actor.userId,
      );
    });
    return this.view(agreementId);
  }

  async get(actor: Actor, agreementId: string) {
    const { application } = await this.loadWithApplication(agreementId);
    const [employer] = await this.db.select().from(employers).where(eq(employers.id, application.employerId));
    if (actor.userId !== application.seekerUserId)
      assertOwnerOrRole(actor, employer.ownerUserId, STAFF_ROLES);
    return this.view(agreementId);
  }

  async verify(actor: Actor, agreementId: string) {
    await this.get(actor, agreementId);
    const agreement = await this.load(agreementId);
    const events = await this.events(agreementId);
    const problems = verifyChain(agreement.terms, agreement.contentHash, events);
    return { intact: problems.length === 0, problems };
  }

  async flagged() {
    const rows = await this.db
      .select({ id: agreements.id })
      .from(agreements)
      .where(eq(agreements.flaggedForReview, true))
      .orderBy(desc(agreements.createdAt));
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  private async view(agreementId: string) {
    const row = await this.load(agreementId);
    const chain = await this.events(agreementId);
    return {
      id: row.id,
      applicationId: row.applicationId,
      terms: { ...row.terms, otherTerms: row.terms.otherTerms ?? '' },
      contentHash: row.contentHash,
      status: row.status,
      employerSignedAt: row.employerSignedAt?.toISOString() ?? null,
      seekerSignedAt: row.seekerSignedAt?.toISOString() ?? null,
      reportedForDutyAt: row.reportedForDutyAt?.toISOString() ?? null,
      revokedReason: row.revokedReason,
      flaggedForReview: row.flaggedForReview,
      chain: chain.map((e) => ({ seq: e.seq, kind: e.kind, hash: e.hash, at: e.at.toISOString() })),
    };
  }

  private events(agreementId: string) {
    return this.db
      .select()
      .from(agreementEvents)
      .where(eq(agreementEvents.agreementId, agreementId))
      .orderBy(asc(agreementEvents.seq));
  }

  private async load(agreementId: string): Promise<AgreementRow> {
    const [row] = await this.db.select().from(agreements).where(eq(agreements.id, agreementId));
    if (!row) throw new AppError('NOT_FOUND', 'No such agreement. 协议不存在。');
    return row;
  }

  private async loadWithApplication(agreementId: string) {
    const agreement = await this.load(agreementId);
    const [application] = await this.db
      .select()
      .from(applications)
      .where(eq(applications.id, agreement.applicationId));
    return { agreement, application };
  }

  private async applicationOfEmployer(actor: Actor, applicationId: string) {
    const [application] = await this.db.select().from(applications).where(eq(applications.id, applicationId));
    if (!application) throw new AppError('NOT_FOUND', 'No such application. 投递记录不存在。');
    const [employer] = await this.db.select().from(employers).where(eq(employers.id, application.employerId));
    assertOwnerOrRole(actor, employer.ownerUserId);
    return { application, employer };
  }
}

async function appendEvent(
  tx: Executor,
  agreementId: string,
  kind: string,
  payload: Record<string, unknown>,
  actorId: string,
) {
  const [last] = await tx
    .select()
    .from(agreementEvents)
    .where(eq(agreementEvents.agreementId, agreementId))
    .orderBy(desc(agreementEvents.seq))
    .limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  await tx.insert(agreementEvents).values({
    agreementId,
    seq,
    kind,
    payload,
    prevHash,
    hash: eventHash(prevHash, seq, kind, payload),
    actorId,
  });
}

function stateError(agreement: AgreementRow): AppError {
  return new AppError(
    'STATE_TRANSITION_INVALID',
    `The agreement is ${agreement.status}. 协议当前状态不允许此操作。`,
    { status: agreement.status },
  );
}
