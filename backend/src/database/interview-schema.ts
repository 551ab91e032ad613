import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  INTERVIEW_OUTCOMES,
  INTERVIEW_PARTIES,
  INTERVIEW_STATUSES,
  INVITATION_MODES,
  INVITATION_STATUSES,
  RESCHEDULE_STATUSES,
} from '@platform/contracts';
import { createdAt, updatedAt } from './columns';
import { employers } from './fair-schema';
import { users } from './schema';
import { applications } from './seeker-schema';

/**
 * Interview invitations and scheduling (recruitment.md §2.8). The no-overlap rules (one
 * interviewer's slots; a seeker's and an interviewer's active interviews) are btree_gist
 * exclusion constraints in the hand-written migration 0015_interviews_manual.sql, because
 * drizzle cannot express them; the constraint names below are what the service maps to codes.
 */
export const INTERVIEW_CONSTRAINTS = {
  slotOverlap: 'interview_slots_no_overlap',
  seekerOverlap: 'interviews_seeker_no_overlap',
  interviewerOverlap: 'interviews_interviewer_no_overlap',
  openInvitation: 'interview_invitations_open_key',
  pendingReschedule: 'interview_reschedules_pending_key',
} as const;

const at = (name: string) => timestamp(name, { withTimezone: true });

export const interviewers = pgTable(
  'interviewers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    name: text('name').notNull(),
    title: text('title'),
    createdAt: createdAt(),
  },
  (t) => [index('interviewers_employer_idx').on(t.employerId)],
);

export const interviewSlots = pgTable(
  'interview_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewerId: uuid('interviewer_id')
      .notNull()
      .references(() => interviewers.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('interview_slots_employer_idx').on(t.employerId, t.startsAt),
    check('interview_slots_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const interviewInvitations = pgTable(
  'interview_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    seekerUserId: uuid('seeker_user_id')
      .notNull()
      .references(() => users.id),
    mode: text('mode', { enum: INVITATION_MODES }).notNull(),
    /** The proposed slots (mode `slots`). */
    slotIds: uuid('slot_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text('status', { enum: INVITATION_STATUSES }).notNull().default('invited'),
    message: text('message'),
    respondBy: at('respond_by').notNull(),
    respondedAt: at('responded_at'),
    responseReason: text('response_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('interview_invitations_open_key')
      .on(t.applicationId)
      .where(sql`${t.status} = 'invited'`),
    index('interview_invitations_seeker_idx').on(t.seekerUserId),
    index('interview_invitations_employer_idx').on(t.employerId),
  ],
);

export const interviews = pgTable(
  'interviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => interviewInvitations.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    seekerUserId: uuid('seeker_user_id')
      .notNull()
      .references(() => users.id),
    interviewerId: uuid('interviewer_id')
      .notNull()
      .references(() => interviewers.id),
    /** The published slot it occupies; null after an employer moved it to a time of its own. */
    slotId: uuid('slot_id').references(() => interviewSlots.id),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    status: text('status', { enum: INTERVIEW_STATUSES }).notNull().default('scheduled'),
    version: integer('version').notNull().default(1),
    outcome: text('outcome', { enum: INTERVIEW_OUTCOMES }),
    cancelReason: text('cancel_reason'),
    cancelledBy: text('cancelled_by', { enum: INTERVIEW_PARTIES }),
    assistedByUserId: uuid('assisted_by_user_id').references(() => users.id),
    assistedOffice: text('assisted_office'),
    assistedConsentAt: at('assisted_consent_at'),
    assistedConsentNote: text('assisted_consent_note'),
    startedAt: at('started_at'),
    endedAt: at('ended_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('interviews_invitation_key').on(t.invitationId),
    index('interviews_seeker_idx').on(t.seekerUserId, t.startsAt),
    index('interviews_employer_idx').on(t.employerId, t.startsAt),
    check('interviews_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A proposed move; the interview keeps its time and identity until the other side accepts. */
export const interviewReschedules = pgTable(
  'interview_reschedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id),
    proposedBy: text('proposed_by', { enum: INTERVIEW_PARTIES }).notNull(),
    proposedByUserId: uuid('proposed_by_user_id').notNull(),
    interviewerId: uuid('interviewer_id')
      .notNull()
      .references(() => interviewers.id),
    slotId: uuid('slot_id').references(() => interviewSlots.id),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: RESCHEDULE_STATUSES }).notNull().default('pending'),
    decidedAt: at('decided_at'),
    decidedByUserId: uuid('decided_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('interview_reschedules_pending_key')
      .on(t.interviewId)
      .where(sql`${t.status} = 'pending'`),
  ],
);
