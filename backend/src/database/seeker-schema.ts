import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AgreementTerms, ResumeInput, SeekerFlag } from '@platform/contracts';
import { employers, fairs, positions } from './fair-schema';
import { users } from './schema';
import { createdAt, updatedAt } from './columns';

/**
 * Job seekers, their resumes and applications (recruitment.md §2.5, §2.7, §3.6). The 身份证
 * number is stored only encrypted, with a keyed hash for lookups.
 */

export const seekerProfiles = pgTable(
  'seeker_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    realName: text('real_name'),
    idNumberCipher: text('id_number_cipher'),
    idNumberHash: text('id_number_hash'),
    /** The masked number, kept so lists never decrypt. */
    idNumberMasked: text('id_number_masked'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    university: text('university'),
    major: text('major'),
    degree: text('degree'),
    cohort: integer('cohort'),
    leftSchoolOn: date('left_school_on', { mode: 'string' }),
    flags: jsonb('flags').$type<{ flag: SeekerFlag; evidence: string }[]>().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('seeker_profiles_id_hash_key')
      .on(t.idNumberHash)
      .where(sql`${t.idNumberHash} is not null`),
    index('seeker_profiles_university_idx').on(t.university),
  ],
);

export const resumes = pgTable(
  'resumes',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    content: jsonb('content').$type<Omit<ResumeInput, 'visibility'>>().notNull(),
    visibility: text('visibility', { enum: ['searchable', 'applied_only', 'hidden'] }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('resumes_visibility_idx').on(t.visibility)],
);

/** A seeker's registration in a fair, with the target group that made them eligible (AS-23, AS-46). */
export const fairSeekers = pgTable(
  'fair_seekers',
  {
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    eligibleAs: text('eligible_as').notNull(),
    registeredAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.userId] })],
);

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seekerUserId: uuid('seeker_user_id')
      .notNull()
      .references(() => users.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => positions.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id),
    status: text('status', {
      enum: ['submitted', 'viewed', 'shortlisted', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'],
    }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One active application per seeker and position; a withdrawn or rejected one may be followed by a new one.
    uniqueIndex('applications_active_key')
      .on(t.seekerUserId, t.positionId)
      .where(sql`${t.status} not in ('withdrawn', 'rejected')`),
    index('applications_position_idx').on(t.positionId, t.createdAt),
    index('applications_employer_idx').on(t.employerId, t.createdAt),
    index('applications_fair_created_idx').on(t.fairId, t.createdAt),
  ],
);

export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    by: text('by', { enum: ['seeker', 'employer', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    at: createdAt(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);

/** Counted once per employer and resume (they feed subsidy settlement, AS-25); each download is also audited. */
export const resumeDownloads = pgTable(
  'resume_downloads',
  {
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    resumeUserId: uuid('resume_user_id')
      .notNull()
      .references(() => users.id),
    agencyIds: uuid('agency_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    firstAt: createdAt(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
    times: integer('times').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.employerId, t.resumeUserId] })],
);

/** An offer / employment agreement / 电子劳动合同 both sides consent to (AS-35, §2.9). */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    terms: jsonb('terms').$type<AgreementTerms>().notNull(),
    /** sha256 of the canonical terms; a changed contract no longer matches its chain. */
    contentHash: text('content_hash').notNull(),
    status: text('status', { enum: ['offered', 'signed', 'declined', 'revoked'] }).notNull(),
    employerSignedAt: timestamp('employer_signed_at', { withTimezone: true }),
    seekerSignedAt: timestamp('seeker_signed_at', { withTimezone: true }),
    reportedForDutyAt: timestamp('reported_for_duty_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    /** AS-37: an SOE revoking a signed agreement is flagged as possible 随意毁约. */
    flaggedForReview: boolean('flagged_for_review').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agreements_application_key').on(t.applicationId)],
);

/** Hash-chained events of an agreement: each hash covers the previous one and its payload. */
export const agreementEvents = pgTable(
  'agreement_events',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    actorId: uuid('actor_id'),
    at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.seq] })],
);

/** A university's roster of graduates in key groups, so staff can see who has not yet taken part (AS-46). */
export const rosterEntries = pgTable(
  'roster_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id),
    university: text('university').notNull(),
    name: text('name').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    flags: text('flags').array().notNull(),
    importedBy: uuid('imported_by').notNull(),
    importedAt: createdAt(),
  },
  (t) => [uniqueIndex('roster_entries_fair_person_key').on(t.fairId, t.idNumberHash)],
);

/** The latest exported feed of a fair's published positions (AS-43), served as JSON. */
export const syndicationSnapshots = pgTable('syndication_snapshots', {
  fairId: uuid('fair_id')
    .primaryKey()
    .references(() => fairs.id),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
  positionCount: integer('position_count').notNull(),
  payload: jsonb('payload').notNull(),
});

/** Extra permissions beyond roles, granted by an admin to named staff (指定专人), e.g. bulk exports. */
export const staffPermissions = pgTable(
  'staff_permissions',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    permission: text('permission', { enum: ['bulk_export', 'si_import', 'activity_import'] }).notNull(),
    grantedBy: uuid('granted_by').notNull(),
    grantedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.permission] })],
);

/** Who was told about which position (AS-47), so a retried job never tells anyone twice. */
export const positionPushes = pgTable(
  'position_pushes',
  {
    positionId: uuid('position_id')
      .notNull()
      .references(() => positions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    score: integer('score').notNull(),
    pushedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.positionId, t.userId] })],
);
