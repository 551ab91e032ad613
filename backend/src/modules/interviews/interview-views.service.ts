import { Inject, Injectable } from '@nestjs/common';
import {
  InterviewOutcome,
  InterviewParty,
  InterviewStatus,
  InterviewView,
  InvitationMode,
  InvitationStatus,
  slotLabel,
} from '@platform/contracts';
import { and, asc, desc, eq, inArray, SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError } from '../../common/errors/app-error';
import {
  applications,
  employers,
  interviewers,
  interviewInvitations,
  interviewReschedules,
  interviews,
  interviewSlots,
  positions,
  users,
} from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';

const staff = alias(users, 'assisting_staff');

/** Read models of invitations, interviews and slots, shaped as the api returns them. */
@Injectable()
export class InterviewViews {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async interview(id: string): Promise<InterviewView> {
    const [view] = await this.interviews(eq(interviews.id, id));
    if (!view) throw new AppError('NOT_FOUND', 'No such interview. 面试不存在。');
    return view;
  }

  async interviews(where: SQL): Promise<InterviewView[]> {
    const rows = await this.db
      .select({
        i: interviews,
        positionTitle: positions.title,
        employerName: employers.name,
        seekerName: users.displayName,
        interviewerName: interviewers.name,
        staffName: staff.displayName,
      })
      .from(interviews)
      .innerJoin(applications, eq(applications.id, interviews.applicationId))
      .innerJoin(positions, eq(positions.id, applications.positionId))
      .innerJoin(employers, eq(employers.id, interviews.employerId))
      .innerJoin(users, eq(users.id, interviews.seekerUserId))
      .innerJoin(interviewers, eq(interviewers.id, interviews.interviewerId))
      .leftJoin(staff, eq(staff.id, interviews.assistedByUserId))
      .where(where)
      .orderBy(asc(interviews.startsAt))
      .limit(500);
    const pending = await this.pendingReschedules(rows.map((r) => r.i.id));
    return rows.map(({ i, ...r }) => ({
      id: i.id,
      invitationId: i.invitationId,
      applicationId: i.applicationId,
      positionTitle: r.positionTitle,
      employerId: i.employerId,
      employerName: r.employerName,
      seekerUserId: i.seekerUserId,
      seekerName: r.seekerName,
      interviewerId: i.interviewerId,
      interviewerName: r.interviewerName,
      startsAt: i.startsAt.toISOString(),
      endsAt: i.endsAt.toISOString(),
      label: slotLabel(i.startsAt, i.endsAt),
      status: i.status as InterviewStatus,
      version: i.version,
      outcome: (i.outcome as InterviewOutcome | null) ?? null,
      cancelReason: i.cancelReason,
      cancelledBy: (i.cancelledBy as InterviewParty | null) ?? null,
      assisted:
        i.assistedByUserId && i.assistedConsentAt
          ? {
              staffUserId: i.assistedByUserId,
              staffName: r.staffName ?? '',
              office: i.assistedOffice ?? '',
              consentAt: i.assistedConsentAt.toISOString(),
              consentNote: i.assistedConsentNote ?? '',
            }
          : null,
      pendingReschedule: pending.get(i.id) ?? null,
      createdAt: i.createdAt.toISOString(),
    }));
  }

  private async pendingReschedules(interviewIds: string[]) {
    if (!interviewIds.length) return new Map();
    const rows = await this.db
      .select({ r: interviewReschedules, interviewerName: interviewers.name })
      .from(interviewReschedules)
      .innerJoin(interviewers, eq(interviewers.id, interviewReschedules.interviewerId))
      .where(
        and(
          inArray(interviewReschedules.interviewId, interviewIds),
          eq(interviewReschedules.status, 'pending'),
        ),
      );
    return new Map(
      rows.map(({ r, interviewerName }) => [
        r.interviewId,
        {
          id: r.id,
          proposedBy: r.proposedBy as InterviewParty,
          interviewerId: r.interviewerId,
          interviewerName,
          startsAt: r.startsAt.toISOString(),
          endsAt: r.endsAt.toISOString(),
          label: slotLabel(r.startsAt, r.endsAt),
          reason: r.reason,
          status: 'pending' as const,
          createdAt: r.createdAt.toISOString(),
        },
      ]),
    );
  }

  async invitations(where: SQL) {
    const rows = await this.db
      .select({
        v: interviewInvitations,
        positionTitle: positions.title,
        employerName: employers.name,
        seekerName: users.displayName,
        interviewId: interviews.id,
      })
      .from(interviewInvitations)
      .innerJoin(applications, eq(applications.id, interviewInvitations.applicationId))
      .innerJoin(positions, eq(positions.id, applications.positionId))
      .innerJoin(employers, eq(employers.id, interviewInvitations.employerId))
      .innerJoin(users, eq(users.id, interviewInvitations.seekerUserId))
      .leftJoin(interviews, eq(interviews.invitationId, interviewInvitations.id))
      .where(where)
      .orderBy(desc(interviewInvitations.createdAt))
      .limit(500);
    return rows.map(({ v, ...r }) => ({
      id: v.id,
      applicationId: v.applicationId,
      positionTitle: r.positionTitle,
      employerId: v.employerId,
      employerName: r.employerName,
      seekerUserId: v.seekerUserId,
      seekerName: r.seekerName,
      mode: v.mode as InvitationMode,
      status: v.status as InvitationStatus,
      message: v.message,
      respondBy: v.respondBy.toISOString(),
      respondedAt: v.respondedAt?.toISOString() ?? null,
      responseReason: v.responseReason,
      createdAt: v.createdAt.toISOString(),
      interviewId: r.interviewId,
    }));
  }

  /** Slots with whether an active interview of their interviewer holds that time. */
  async slots(where: SQL, onlyFree = false) {
    const rows = await this.db
      .select({ s: interviewSlots, interviewerName: interviewers.name })
      .from(interviewSlots)
      .innerJoin(interviewers, eq(interviewers.id, interviewSlots.interviewerId))
      .where(where)
      .orderBy(asc(interviewSlots.startsAt))
      .limit(1000);
    const busy = rows.length
      ? await this.db
          .select({
            interviewerId: interviews.interviewerId,
            startsAt: interviews.startsAt,
            endsAt: interviews.endsAt,
          })
          .from(interviews)
          .where(
            and(
              inArray(interviews.interviewerId, [...new Set(rows.map((r) => r.s.interviewerId))]),
              inArray(interviews.status, ['scheduled', 'in_progress']),
            ),
          )
      : [];
    const views = rows.map(({ s, interviewerName }) => ({
      id: s.id,
      interviewerId: s.interviewerId,
      interviewerName,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      label: slotLabel(s.startsAt, s.endsAt),
      booked: busy.some(
        (b) => b.interviewerId === s.interviewerId && b.startsAt < s.endsAt && s.startsAt < b.endsAt,
      ),
    }));
    return onlyFree ? views.filter((v) => !v.booked) : views;
  }
}
