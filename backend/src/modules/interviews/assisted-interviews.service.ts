import { Inject, Injectable } from '@nestjs/common';
import { maskName, slotLabel } from '@platform/contracts';
import { and, eq, notInArray } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { PiiCipher } from '../../common/pii/pii-cipher';
import {
  applicationEvents,
  applications,
  employers,
  interviewInvitations,
  interviews,
  positions,
  seekerProfiles,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { NotificationsService } from '../notifications/notifications.service';
import { InterviewBooking } from './interview-booking.service';
import { InterviewLifecycle } from './interview-lifecycle.service';
import { InterviewSlotsService } from './interview-slots.service';
import { employerOwner, recordInterviewStep } from './interview-timeline';
import { InterviewTimers } from './interview-timers.service';
import { InterviewViews } from './interview-views.service';

export interface AssistedBookingInput {
  idNumber: string;
  positionId: string;
  slotId: string;
  office: string;
  consent: true;
  consentNote: string;
}

/**
 * Assisted mode (§2.8.5, AS-32; S3:3221-3223): staff of a public employment office book and host
 * a video interview for a registered person without online access, at the office terminal. The
 * interview is recorded as assisted by that staff member, with the person's consent, and audited.
 */
@Injectable()
export class AssistedInterviewsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly pii: PiiCipher,
    private readonly slots: InterviewSlotsService,
    private readonly booking: InterviewBooking,
    private readonly timers: InterviewTimers,
    private readonly lifecycle: InterviewLifecycle,
    private readonly views: InterviewViews,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** Finds the registered person by 身份证 (keyed hash); the answer is masked and the look-up audited. */
  async lookup(actor: Actor, idNumber: string) {
    const person = await this.person(idNumber);
    const apps = await this.db
      .select({
        id: applications.id,
        positionId: applications.positionId,
        positionTitle: positions.title,
        employerName: employers.name,
        status: applications.status,
      })
      .from(applications)
      .innerJoin(positions, eq(positions.id, applications.positionId))
      .innerJoin(employers, eq(employers.id, applications.employerId))
      .where(eq(applications.seekerUserId, person.userId));
    await recordAudit(this.db, {
      actorId: actor.userId,
      action: 'assisted_interview.lookup',
      subjectType: 'seeker',
      subjectId: person.userId,
    });
    return {
      seekerUserId: person.userId,
      maskedName: maskName(person.realName) ?? '',
      maskedIdNumber: person.idNumberMasked ?? '',
      flags: person.flags.map((f) => f.flag),
      applications: apps,
    };
  }

  /** Free slots of the employer behind a position, for staff choosing a time with the person. */
  async slotsForPosition(positionId: string) {
    const [position] = await this.db.select().from(positions).where(eq(positions.id, positionId));
    if (!position) throw new AppError('NOT_FOUND', 'No such position. 岗位不存在。');
    return { items: await this.slots.freeSlots(position.employerId) };
  }

  async book(actor: Actor, input: AssistedBookingInput) {
    const person = await this.person(input.idNumber);
    const [position] = await this.db.select().from(positions).where(eq(positions.id, input.positionId));
    if (!position || position.status !== 'published')
      throw new AppError('POSITION_NOT_OPEN', 'This position is not open. 该岗位未在招聘中。');
    const slot = await this.booking.loadSlot(input.slotId);
    if (slot.employerId !== position.employerId || slot.startsAt <= this.clock.now())
      throw new AppError(
        'SLOT_NOT_OFFERED',
        'Choose a free future slot of this employer. 请选择该单位尚未预约的未来时段。',
      );
    const now = this.clock.now();
    const label = slotLabel(slot.startsAt, slot.endsAt);
    const { interview, notify } = await this.booking.guarded(
      () =>
        this.db.transaction(async (tx) => {
          const applicationId = await this.applicationFor(tx, actor, person.userId, position, input.office);
          const [invitation] = await tx
            .insert(interviewInvitations)
            .values({
              applicationId,
              employerId: position.employerId,
              seekerUserId: person.userId,
              mode: 'slots',
              slotIds: [slot.id],
              status: 'accepted',
              respondBy: now,
              respondedAt: now,
              message: `公共就业服务机构协助预约（${input.office}）`,
              createdBy: actor.userId,
            })
            .returning();
          const interview = await this.booking.insert(tx, {
            invitationId: invitation.id,
            applicationId,
            employerId: position.employerId,
            seekerUserId: person.userId,
            interviewerId: slot.interviewerId,
            slotId: slot.id,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            assistedByUserId: actor.userId,
            assistedOffice: input.office,
            assistedConsentAt: now,
            assistedConsentNote: input.consentNote,
          });
          await recordInterviewStep(tx, applicationId, {
            by: 'system',
            actorId: actor.userId,
            text: `${input.office} 工作人员协助预约视频面试：${label}（本人已同意）`,
          });
          await recordAudit(tx, {
            actorId: actor.userId,
            action: 'interview.assisted_booking',
            subjectType: 'interview',
            subjectId: interview.id,
            details: {
              seekerUserId: person.userId,
              office: input.office,
              consentNote: input.consentNote,
              slotId: slot.id,
            },
          });
          const notify = await this.notifications.store(
            tx,
            [person.userId, await employerOwner(tx, position.employerId)],
            {
              kind: 'interview.booked',
              title: `${input.office} 协助预约的视频面试：${position.title} ${label}`,
              link: '/employer/interviews',
            },
          );
          return { interview, notify };
        }),
      { seekerUserId: person.userId, startsAt: slot.startsAt, endsAt: slot.endsAt },
    );
    notify();
    await this.timers.schedule(interview);
    return this.views.interview(interview.id);
  }

  /** Staff host the call at the office terminal; only the staff member who assisted may start it. */
  async start(actor: Actor, interviewId: string) {
    const [row] = await this.db.select().from(interviews).where(eq(interviews.id, interviewId));
    if (!row) throw new AppError('NOT_FOUND', 'No such interview. 面试不存在。');
    if (row.assistedByUserId !== actor.userId)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'Only the assisting staff member may start it. 仅协助预约的工作人员可发起。',
      );
    await this.lifecycle.markInProgress(interviewId, actor.userId);
    await recordAudit(this.db, {
      actorId: actor.userId,
      action: 'interview.assisted_start',
      subjectType: 'interview',
      subjectId: interviewId,
    });
    return this.views.interview(interviewId);
  }

  async mine(actor: Actor) {
    return { items: await this.views.interviews(eq(interviews.assistedByUserId, actor.userId)) };
  }

  private async person(idNumber: string) {
    const [person] = await this.db
      .select()
      .from(seekerProfiles)
      .where(eq(seekerProfiles.idNumberHash, this.pii.lookupHash(idNumber.toUpperCase())));
    if (!person)
      throw new AppError(
        'ASSISTED_PERSON_NOT_FOUND',
        'No registered person with this 身份证 number. 未找到该身份证号码的登记人员。',
      );
    return person;
  }

  /** The person's active application to the position, or one staff file for them now (recorded as such). */
  private async applicationFor(
    tx: Parameters<Parameters<Database['transaction']>[0]>[0],
    actor: Actor,
    seekerUserId: string,
    position: typeof positions.$inferSelect,
    office: string,
  ): Promise<string> {
    const [existing] = await tx
      .select()
      .from(applications)
      .where(
        and(
          eq(applications.seekerUserId, seekerUserId),
          eq(applications.positionId, position.id),
          notInArray(applications.status, ['withdrawn', 'rejected']),
        ),
      );
    if (existing) return existing.id;
    const [created] = await tx
      .insert(applications)
      .values({
        seekerUserId,
        positionId: position.id,
        employerId: position.employerId,
        fairId: position.fairId,
        status: 'interview',
      })
      .returning();
    await tx.insert(applicationEvents).values({
      applicationId: created.id,
      fromStatus: null,
      toStatus: 'interview',
      reason: `${office} 工作人员代为投递并预约面试（本人无线上求职条件）`,
      by: 'system',
      actorId: actor.userId,
    });
    return created.id;
  }
}
