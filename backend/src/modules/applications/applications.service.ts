import { Inject, Injectable } from '@nestjs/common';
import {
  ApplicationStatus,
  APPLICATION_STATUS_LABELS,
  ApplicationView,
  businessDate,
  EducationLevel,
  employerMayMove,
  matchScore,
  fairAcceptsActivity,
  seekerMayWithdraw,
} from '@platform/contracts';
import { and, asc, desc, eq, inArray, SQL } from 'drizzle-orm';
import { Actor, hasAnyRole, STAFF_ROLES } from '../../common/auth/actor';
import { assertOwnerOrRole } from '../../common/auth/ownership';
import { Executor, recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../common/errors/pg-errors';
import {
  agreements,
  applicationEvents,
  applications,
  employers,
  positions,
  resumes,
  seekerProfiles,
  users,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { EmployersService } from '../employers/employers.service';
import { FairsService } from '../fairs/fairs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ResumesService } from '../seekers/resumes.service';
import { SeekersService } from '../seekers/seekers.service';

type ApplicationRow = typeof applications.$inferSelect;

/**
 * Applications (投递简历) and the employer's pipeline (recruitment.md §2.7): one active
 * application per seeker and position, moves only forward, every step on the seeker's
 * timeline and pushed to them live.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly seekers: SeekersService,
    private readonly resumes: ResumesService,
    private readonly employers: EmployersService,
    private readonly fairs: FairsService,
    private readonly notifications: NotificationsService,
  ) {}

  async apply(actor: Actor, positionId: string): Promise<ApplicationView> {
    const profile = await this.seekers.load(actor.userId);
    if (!profile?.verifiedAt)
      throw new AppError('SEEKER_NOT_VERIFIED', 'Verify your real name before applying. 请先完成实名认证。');
    if (!(await this.resumes.load(actor.userId)))
      throw new AppError('RESUME_REQUIRED', 'Create your resume before applying. 请先填写简历。');
    const [position] = await this.db.select().from(positions).where(eq(positions.id, positionId));
    if (
      !position ||
      position.status !== 'published' ||
      (position.expiresOn && position.expiresOn < businessDate())
    )
      throw new AppError(
        'POSITION_NOT_OPEN',
        'This position is not open for applications. 该岗位未在招聘中。',
      );
    const fair = await this.fairs.get(position.fairId);
    if (!fairAcceptsActivity(fair.phase))
      throw new AppError(
        'FAIR_CLOSED',
        `This fair takes no applications (${fair.phase}). 该双选会不在招聘期内。`,
        { phase: fair.phase },
      );
    await this.seekers.registerForFair(actor.userId, fair.id);
    const employer = await this.employers.load(position.employerId);
    let created: ApplicationRow;
    try {
      created = await this.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(applications)
          .values({
            seekerUserId: actor.userId,
            positionId,
            employerId: employer.id,
            fairId: fair.id,
            status: 'submitted',
          })
          .returning();
        await tx
          .insert(applicationEvents)
          .values({ applicationId: row.id, toStatus: 'submitted', by: 'seeker', actorId: actor.userId });
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'applications_active_key'))
        throw new AppError(
          'APPLICATION_DUPLICATE',
          'You already applied to this position. 您已投递过该岗位。',
        );
      throw error;
    }
    const notify = await this.notifications.store(this.db, [employer.ownerUserId], {
      kind: 'application.new',
      title: `新的简历投递：${position.title}`,
      link: `/employer/positions/${positionId}/applications`,
    });
    notify();
    return this.view(created.id);
  }

  async withdraw(actor: Actor, applicationId: string): Promise<ApplicationView> {
    const row = await this.load(applicationId);
    assertOwnerOrRole(actor, row.seekerUserId);
    if (!seekerMayWithdraw(row.status)) throw transitionError(row.status, 'withdrawn');
    await this.transition(row, 'withdrawn', { by: 'seeker', actorId: actor.userId });
    return this.view(applicationId);
  }

  /** The employer's move; a rejection says why. Illegal jumps (hired before interview) are refused. */
  async move(
    actor: Actor,
    applicationId: string,
    to: ApplicationStatus,
    reason?: string,
  ): Promise<ApplicationView> {
    const row = await this.load(applicationId);
    const employer = await this.employers.ownedBy(actor.userId);
    if (employer.id !== row.employerId)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'This application was sent to another unit. 无权处理其他单位的投递。',
      );
    if (!employerMayMove(row.status, to)) throw transitionError(row.status, to);
    if (to === 'rejected' && !reason)
      throw new AppError('REASON_REQUIRED', 'Say why the application is turned down. 请填写不通过的原因。');
    await this.transition(row, to, { by: 'employer', actorId: actor.userId, reason });
    return this.view(applicationId);
  }

  /** A video interview opens: a shortlisted application moves to 面试 (interview). */
  async interviewStarted(actor: Actor, applicationId: string): Promise<void> {
    const row = await this.load(applicationId);
    if (row.status === 'shortlisted')
      await this.transition(row, 'interview', { by: 'employer', actorId: actor.userId });
  }

  /**
   * The interviewer's verdict after a video interview, on the application's timeline. The notes
   * themselves stay with the call (the employer's); the timeline says an interview took place.
   */
  async interviewRecorded(
    actor: Actor,
    applicationId: string,
    result: { minutes: number; outcome?: 'offer' | 'hold' | 'reject'; reason?: string },
  ): Promise<void> {
    const row = await this.load(applicationId);
    await this.db.insert(applicationEvents).values({
      applicationId,
      fromStatus: row.status,
      toStatus: row.status,
      reason: `视频面试 ${result.minutes} 分钟${result.outcome === 'hold' ? '，结果待定' : ''}`,
      by: 'employer',
      actorId: actor.userId,
    });
    if (result.outcome === 'offer') await this.move(actor, applicationId, 'offer');
    if (result.outcome === 'reject') await this.move(actor, applicationId, 'rejected', result.reason);
  }

  /** The resume behind an application, contacts shown; the first look marks it viewed. */
  async resumeFor(actor: Actor, applicationId: string) {
    const row = await this.load(applicationId);
    const employer = await this.employers.ownedBy(actor.userId);
    if (employer.id !== row.employerId)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'This application was sent to another unit. 无权查看其他单位的投递。',
      );
    const view = await this.resumes.viewAsEmployer(actor, row.seekerUserId);
    if (row.status === 'submitted')
      await this.transition(row, 'viewed', { by: 'system', actorId: actor.userId });
    return view;
  }

  async mine(actor: Actor) {
    return this.list(eq(applications.seekerUserId, actor.userId));
  }

  /** The screening list of one position for its employer. */
  async forPosition(actor: Actor, positionId: string) {
    const [position] = await this.db.select().from(positions).where(eq(positions.id, positionId));
    if (!position) throw new AppError('NOT_FOUND', 'No such position. 岗位不存在。');
    const employer = await this.employers.load(position.employerId);
    assertOwnerOrRole(actor, employer.ownerUserId, STAFF_ROLES);
    const { items } = await this.list(eq(applications.positionId, positionId));
    return { items: await this.ranked(position, items) };
  }

  /** The screening list ranked by the explainable match (ties: earliest application first). */
  private async ranked(position: typeof positions.$inferSelect, items: ApplicationView[]) {
    const seekerIds = items.map((i) => i.seekerUserId);
    const [cvs, profiles] = seekerIds.length
      ? await Promise.all([
          this.db.select().from(resumes).where(inArray(resumes.userId, seekerIds)),
          this.db.select().from(seekerProfiles).where(inArray(seekerProfiles.userId, seekerIds)),
        ])
      : [[], []];
    const cvOf = new Map(cvs.map((r) => [r.userId, r.content]));
    const cohortOf = new Map(profiles.map((p) => [p.userId, p.cohort]));
    const year = Number(businessDate().slice(0, 4));
    const withMatch = items.map((item) => {
      const cv = cvOf.get(item.seekerUserId);
      if (!cv) return item;
      const match = matchScore(
        { ...position, education: position.education as EducationLevel },
        { ...cv, cohort: cohortOf.get(item.seekerUserId) ?? null },
        year,
      );
      return { ...item, match };
    });
    return withMatch.sort(
      (a, b) => (b.match?.score ?? -1) - (a.match?.score ?? -1) || a.createdAt.localeCompare(b.createdAt),
    );
  }

  async get(actor: Actor, applicationId: string): Promise<ApplicationView> {
    const view = await this.view(applicationId);
    if (actor.userId === view.seekerUserId || hasAnyRole(actor, STAFF_ROLES)) return view;
    const employer = await this.employers.load(view.employerId);
    assertOwnerOrRole(actor, employer.ownerUserId);
    return view;
  }

  private async transition(
    row: ApplicationRow,
    to: ApplicationStatus,
    by: { by: 'seeker' | 'employer' | 'system'; actorId: string; reason?: string },
  ) {
    const notify = await this.db.transaction(async (tx) => {
      const [moved] = await tx
        .update(applications)
        .set({ status: to, updatedAt: new Date() })
        .where(and(eq(applications.id, row.id), eq(applications.status, row.status)))
        .returning();
      if (!moved)
        throw new AppError(
          'STATE_TRANSITION_INVALID',
          'The application changed meanwhile; reload it. 投递状态已变化，请刷新。',
        );
      await tx.insert(applicationEvents).values({
        applicationId: row.id,
        fromStatus: row.status,
        toStatus: to,
        reason: by.reason ?? null,
        by: by.by,
        actorId: by.actorId,
      });
      await recordAudit(tx, {
        actorId: by.actorId,
        action: `application.${to}`,
        subjectType: 'application',
        subjectId: row.id,
        details: { from: row.status, reason: by.reason },
      });
      return this.notifyParties(tx, row, to);
    });
    notify();
  }

  private async notifyParties(tx: Executor, row: ApplicationRow, to: ApplicationStatus) {
    const [position] = await tx
      .select({ title: positions.title })
      .from(positions)
      .where(eq(positions.id, row.positionId));
    if (to === 'withdrawn') {
      const [employer] = await tx
        .select({ ownerUserId: employers.ownerUserId })
        .from(employers)
        .where(eq(employers.id, row.employerId));
      return this.notifications.store(tx, [employer.ownerUserId], {
        kind: 'application.status',
        title: `求职者撤回了投递：${position.title}`,
        link: `/employer/positions/${row.positionId}/applications`,
      });
    }
    return this.notifications.store(tx, [row.seekerUserId], {
      kind: 'application.status',
      title: `${position.title}：${APPLICATION_STATUS_LABELS[to]}`,
      link: `/seeker/applications/${row.id}`,
    });
  }

  private async load(applicationId: string): Promise<ApplicationRow> {
    const [row] = await this.db.select().from(applications).where(eq(applications.id, applicationId));
    if (!row) throw new AppError('NOT_FOUND', 'No such application. 投递记录不存在。');
    return row;
  }

  private async view(applicationId: string): Promise<ApplicationView> {
    const [view] = (await this.list(eq(applications.id, applicationId))).items;
    return view;
  }

  private async list(where: SQL) {
    const rows = await this.db
      .select({
        application: applications,
        positionTitle: positions.title,
        employerName: employers.name,
        seekerName: users.displayName,
        university: seekerProfiles.university,
        agreementId: agreements.id,
      })
      .from(applications)
      .innerJoin(positions, eq(positions.id, applications.positionId))
      .innerJoin(employers, eq(employers.id, applications.employerId))
      .innerJoin(users, eq(users.id, applications.seekerUserId))
      .leftJoin(seekerProfiles, eq(seekerProfiles.userId, applications.seekerUserId))
      .leftJoin(agreements, eq(agreements.applicationId, applications.id))
      .where(where)
      .orderBy(desc(applications.createdAt))
      .limit(500);
    const ids = rows.map((r) => r.application.id);
    const events = ids.length
      ? await this.db
          .select()
          .from(applicationEvents)
          .where(inArray(applicationEvents.applicationId, ids))
          .orderBy(asc(applicationEvents.at))
      : [];
    return {
      items: rows.map((r) => ({
        id: r.application.id,
        positionId: r.application.positionId,
        positionTitle: r.positionTitle,
        employerId: r.application.employerId,
        employerName: r.employerName,
        fairId: r.application.fairId,
        seekerUserId: r.application.seekerUserId,
        seekerName: r.seekerName,
        university: r.university,
        agreementId: r.agreementId,
        status: r.application.status,
        createdAt: r.application.createdAt.toISOString(),
        updatedAt: r.application.updatedAt.toISOString(),
        timeline: events
          .filter((e) => e.applicationId === r.application.id)
          .map((e) => ({
            from: e.fromStatus as ApplicationStatus | null,
            to: e.toStatus as ApplicationStatus,
            reason: e.reason,
            by: e.by,
            at: e.at.toISOString(),
          })),
      })),
    };
  }
}

function transitionError(from: ApplicationStatus, to: ApplicationStatus): AppError {
  return new AppError(
    'STATE_TRANSITION_INVALID',
    `An application cannot go from ${from} to ${to}. 投递状态不能从“${APPLICATION_STATUS_LABELS[from]}”变为“${APPLICATION_STATUS_LABELS[to]}”。`,
    { from, to },
  );
}
