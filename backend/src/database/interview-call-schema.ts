import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Segment } from '@platform/contracts';
import { agencies, employers, fairs } from './fair-schema';
import { applications } from './seeker-schema';
import { users } from './schema';
import { createdAt, updatedAt } from './columns';

/**
 * Live video interviews (recruitment.md §2.8, issue 6): 1:1 calls, who is in them and when,
 * and the minutes ledger behind the ≥300 free minutes (AS-28). Signalling itself is never
 * stored; the presence segments are, so minutes can be replayed from join/leave.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });

export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    origin: text('origin', { enum: ['application', 'waiting_room', 'interview'] }).notNull(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    /** The fair agency whose free minutes this call draws on (the employer's first chosen one). */
    agencyId: uuid('agency_id').references(() => agencies.id),
    fairId: uuid('fair_id').references(() => fairs.id),
    applicationId: uuid('application_id').references(() => applications.id),
    /** A scheduled interview (interviews-scheduling branch); no foreign key until that table exists here. */
    interviewId: uuid('interview_id'),
    hostUserId: uuid('host_user_id')
      .notNull()
      .references(() => users.id),
    guestUserId: uuid('guest_user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['lobby', 'live', 'ended', 'missed'] })
      .notNull()
      .default('lobby'),
    scheduledStartAt: at('scheduled_start_at'),
    /** A waiting-room call-in the seeker must take before this moment. */
    callInExpiresAt: at('call_in_expires_at'),
    startedAt: at('started_at'),
    endedAt: at('ended_at'),
    overQuotaAccepted: boolean('over_quota_accepted').notNull().default(false),
    notes: text('notes'),
    outcome: text('outcome', { enum: ['offer', 'hold', 'reject'] }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('calls_employer_idx').on(t.employerId, t.createdAt),
    index('calls_guest_idx').on(t.guestUserId, t.createdAt),
    index('calls_fair_status_idx').on(t.fairId, t.status),
  ],
);

export const callParticipants = pgTable(
  'call_participants',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['host', 'guest'] }).notNull(),
    audio: boolean('audio').notNull().default(true),
    video: boolean('video').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.callId, t.userId] }), index('call_participants_user_idx').on(t.userId)],
);

/** One row per stretch a person was in the call; a reconnect opens a new one. */
export const callPresence = pgTable(
  'call_presence',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    userId: uuid('user_id').notNull(),
    joinedAt: at('joined_at').notNull(),
    leftAt: at('left_at'),
  },
  (t) => [index('call_presence_call_idx').on(t.callId, t.userId)],
);

/** The minutes ledger (AS-28): one line per ended call with its inputs and the policy version. */
export const interviewMinutes = pgTable(
  'interview_minutes',
  {
    callId: uuid('call_id')
      .primaryKey()
      .references(() => calls.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    seconds: integer('seconds').notNull(),
    minutes: integer('minutes').notNull(),
    freeMinutes: integer('free_minutes').notNull(),
    beyondQuotaMinutes: integer('beyond_quota_minutes').notNull(),
    usedBefore: integer('used_before').notNull(),
    usedAfter: integer('used_after').notNull(),
    quota: integer('quota').notNull(),
    policyVersion: text('policy_version').notNull(),
    inputs: jsonb('inputs').$type<{ host: Segment[]; guest: Segment[] }>().notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    index('interview_minutes_employer_idx').on(t.employerId, t.recordedAt),
    index('interview_minutes_agency_idx').on(t.agencyId),
  ],
);
