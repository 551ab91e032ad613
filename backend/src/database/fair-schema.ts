import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
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
import type {
  AgencyApplicationFacts,
  AgencyAttachmentKind,
  AgencyCondition,
  PostingCheck,
  PostingContext,
  PostingText,
} from '@platform/contracts';
import { createdAt, updatedAt } from './columns';

/**
 * The recruitment fair's records (shared/domain/recruitment.md §2.1-2.4, §2.11, §2.15, §7):
 * fairs with their sessions and announcements, agencies and their admission, employers and
 * their review, positions with their rule checks, complaints and sanctions.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** Platform-wide settings an admin changes at run time (e.g. the epidemic-end date, §6.2). */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

export interface ScheduledFairChange {
  effectiveOn: string;
  launchOn: string;
  concentratedEndOn: string;
  agencyDeadlineOn: string;
}

export const fairs = pgTable('fairs', {
  id: uuid('id').primaryKey().defaultRandom(),
  theme: text('theme').notNull(),
  year: integer('year').notNull(),
  hosts: text('hosts')
    .array()
    .notNull()
    .default(sql`'{}'`),
  organizers: text('organizers')
    .array()
    .notNull()
    .default(sql`'{}'`),
  targetGroups: text('target_groups')
    .array()
    .notNull()
    .default(sql`'{}'`),
  description: text('description').notNull().default(''),
  launchOn: day('launch_on').notNull(),
  concentratedEndOn: day('concentrated_end_on').notNull(),
  normalizedMonthsAfterEpidemicEnd: integer('normalized_months_after_epidemic_end').notNull().default(3),
  agencyDeadlineOn: day('agency_deadline_on').notNull(),
  agencyDeadlineInclusive: boolean('agency_deadline_inclusive').notNull().default(false),
  /** A large event is suspended when a major outbreak is declared (S3:2695-2697). */
  largeScale: boolean('large_scale').notNull().default(true),
  /** Announced date changes, applied from their effective day (announce before the change). */
  scheduledChange: jsonb('scheduled_change').$type<ScheduledFairChange>(),
  suspendedAt: at('suspended_at'),
  suspensionReason: text('suspension_reason'),
  cancelledAt: at('cancelled_at'),
  cancellationReason: text('cancellation_reason'),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const fairSessions = pgTable(
  'fair_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id),
    name: text('name').notNull(),
    targetGroup: text('target_group').notNull(),
    description: text('description').notNull().default(''),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('fair_sessions_fair_idx').on(t.fairId)],
);

/** Published before a change takes effect (S3:2656-2660); participants are notified. */
export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id),
    kind: text('kind', {
      enum: ['dates_adjusted', 'cancelled', 'suspended', 'resumed', 'notice', 'interview_schedule'],
    }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    effectiveOn: day('effective_on').notNull(),
    publishedAt: at('published_at').notNull().defaultNow(),
    publishedBy: uuid('published_by').notNull(),
    /** The fair's fields before and after, so the change can be explained later. */
    change: jsonb('change').notNull().default({}),
    notifiedCount: integer('notified_count').notNull().default(0),
  },
  (t) => [index('announcements_fair_idx').on(t.fairId, t.publishedAt)],
);

/** Stored so a person who was offline still sees what was sent to them. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    createdAt: createdAt(),
    readAt: at('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** The organisation behind an agency account; a blacklist entry follows it across fairs. */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUserId: uuid('owner_user_id').notNull(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    siteUrl: text('site_url').notNull(),
    blacklistedAt: at('blacklisted_at'),
    blacklistReason: text('blacklist_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('agencies_owner_key').on(t.ownerUserId), uniqueIndex('agencies_uscc_key').on(t.uscc)],
);

export const agencyApplications = pgTable(
  'agency_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    facts: jsonb('facts').$type<AgencyApplicationFacts>().notNull(),
    /** Conditions failed at submission; an application with any cannot be approved. */
    failedConditions: jsonb('failed_conditions').$type<AgencyCondition[]>().notNull(),
    status: text('status', { enum: ['submitted', 'approved', 'rejected'] })
      .notNull()
      .default('submitted'),
    submittedOn: day('submitted_on').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: at('decided_at'),
    decisionReason: text('decision_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('agency_applications_fair_agency_key').on(t.fairId, t.agencyId)],
);

export const agencyAttachments = pgTable(
  'agency_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').$type<AgencyAttachmentKind>().notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('agency_attachments_agency_idx').on(t.agencyId)],
);

export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUserId: uuid('owner_user_id').notNull(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    unitType: text('unit_type').notNull(),
    size: text('size').notNull(),
    industry: text('industry').notNull(),
    province: text('province').notNull().default('重庆市'),
    district: text('district').notNull(),
    intro: text('intro').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email'),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    isKeyEnterprise: boolean('is_key_enterprise').notNull().default(false),
    /** 复工报备 (S3:6866-6870), enforced only while the platform setting is on. */
    resumptionFiled: boolean('resumption_filed').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('employers_owner_key').on(t.ownerUserId),
    uniqueIndex('employers_uscc_key').on(t.uscc),
    index('employers_status_idx').on(t.status),
  ],
);

/** An employer's participation in a fair, and its disqualification (S3:3878-3880). */
export const fairEmployers = pgTable(
  'fair_employers',
  {
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    joinedAt: createdAt(),
    disqualifiedAt: at('disqualified_at'),
    disqualificationReason: text('disqualification_reason'),
    referredToAuthority: boolean('referred_to_authority').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.employerId] })],
);

/** At most 3 agencies per employer and fair (S3:3775), enforced under a row lock. */
export const fairEmployerAgencies = pgTable(
  'fair_employer_agencies',
  {
    fairId: uuid('fair_id').notNull(),
    employerId: uuid('employer_id').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    selectedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.employerId, t.agencyId] })],
);

export interface StoredPostingCheck {
  input: { text: PostingText; context: PostingContext };
  result: PostingCheck;
}

export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fairs.id),
    sessionIds: uuid('session_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    title: text('title').notNull(),
    category: text('category').notNull(),
    headcount: integer('headcount').notNull(),
    duties: text('duties').notNull(),
    requirements: text('requirements').notNull(),
    environment: text('environment').notNull(),
    benefits: text('benefits').notNull(),
    /** Monthly salary in whole yuan. */
    salaryMin: integer('salary_min').notNull(),
    salaryMax: integer('salary_max').notNull(),
    education: text('education').notNull(),
    experienceYears: integer('experience_years').notNull().default(0),
    district: text('district').notNull(),
    graduateSuitable: boolean('graduate_suitable').notNull().default(true),
    specialRecruitment: boolean('special_recruitment').notNull().default(false),
    status: text('status', {
      enum: ['draft', 'pending_review', 'published', 'rejected', 'closed', 'expired', 'removed'],
    })
      .notNull()
      .default('draft'),
    expiresOn: day('expires_on'),
    /** The latest rule check with its inputs, so reviewers see it and it can be replayed. */
    ruleCheck: jsonb('rule_check').$type<StoredPostingCheck>(),
    submittedAt: at('submitted_at'),
    publishedAt: at('published_at'),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('positions_fair_status_idx').on(t.fairId, t.status),
    index('positions_employer_idx').on(t.employerId),
    index('positions_status_submitted_idx').on(t.status, t.submittedAt),
  ],
);

export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reporterUserId: uuid('reporter_user_id').notNull(),
    reporterKind: text('reporter_kind', { enum: ['seeker', 'university'] }).notNull(),
    /** The reporting university's name when a university reports. */
    reporterOrganization: text('reporter_organization'),
    targetType: text('target_type', { enum: ['position', 'employer', 'agency'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    fairId: uuid('fair_id').references(() => fairs.id),
    category: text('category').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['open', 'investigating', 'resolved', 'dismissed'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    handledBy: uuid('handled_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('complaints_status_idx').on(t.status, t.createdAt),
    index('complaints_target_idx').on(t.targetId),
  ],
);

export const sanctions = pgTable(
  'sanctions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', {
      enum: ['position_removed', 'employer_disqualified', 'agency_blacklisted'],
    }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    fairId: uuid('fair_id'),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    reason: text('reason').notNull(),
    /** 移送相关部门 (S3:3878-3880). */
    referredToAuthority: boolean('referred_to_authority').notNull().default(false),
    /** What the sanction changed, e.g. the positions it unpublished. */
    effects: jsonb('effects').notNull().default({}),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sanctions_subject_idx').on(t.subjectId)],
);

/**
 * Changes waiting to reach Elasticsearch, written in the same transaction as the change itself,
 * so nothing is lost when the index is down: the drain job empties it once the index answers.
 */
export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entity: text('entity', { enum: ['position', 'resume', 'course'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('search_outbox_entity_idx').on(t.entity, t.entityId)],
);
