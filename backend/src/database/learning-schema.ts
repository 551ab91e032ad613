import { sql } from 'drizzle-orm';
import {
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
import { createdAt, updatedAt } from './columns';
import { employers } from './fair-schema';
import { users } from './schema';
import { trainingCourses, trainingInstitutions, trainingPlatforms } from './training-schema';

/**
 * Classes, enrolment and server-logged learning (training.md §2.4, §2.5, §4.1): an institution's
 * run of a course with the online plan the district approves (C-3), real-name enrolments, the
 * sessions the server builds from heartbeats, random checks and retained images, and the
 * completion decisions and certificates the jobs derive from them.
 */

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const instant = (name: string) => timestamp(name, { withTimezone: true });

/** The accounts that act for an institution (class plans, rosters). Granted by an organizer. */
export const trainingInstitutionMembers = pgTable(
  'training_institution_members',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => trainingInstitutions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.institutionId, t.userId] }),
    index('training_institution_members_user_idx').on(t.userId),
  ],
);

/** CLASS_PLAN_STATUSES in contracts: draft → submitted → approved | rejected (resubmittable). */
export const trainingClasses = pgTable(
  'training_classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => trainingInstitutions.id),
    platformId: uuid('platform_id').references(() => trainingPlatforms.id),
    name: text('name').notNull(),
    /** 'CQ' applies the Chongqing rules (plan approval, face check, 影像留存); 'national' does not. */
    jurisdiction: text('jurisdiction').$type<'CQ' | 'national'>().notNull().default('CQ'),
    district: text('district').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    capacity: integer('capacity'),
    /** 线上培训方案: courses, teachers, duration, platform (R7, L7922-7925). */
    plan: jsonb('plan').$type<Record<string, unknown>>().notNull().default({}),
    planStatus: text('plan_status').notNull().default('draft'),
    planSubmittedAt: instant('plan_submitted_at'),
    planDecidedAt: instant('plan_decided_at'),
    planDecidedBy: uuid('plan_decided_by').references(() => users.id),
    planDecisionReason: text('plan_decision_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('training_classes_course_idx').on(t.courseId),
    index('training_classes_institution_idx').on(t.institutionId),
    index('training_classes_open_idx').on(t.endsOn),
  ],
);

export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: uuid('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** individual, or sponsored by an enterprise for its staff (§2.2 E8-E10). */
    sponsorKind: text('sponsor_kind').$type<'individual' | 'enterprise'>().notNull().default('individual'),
    sponsorEmployerId: uuid('sponsor_employer_id').references(() => employers.id),
    /** labour_contract | platform_worker (no labour contract, L5434-5438) | null for individuals. */
    workRelation: text('work_relation'),
    status: text('status').notNull().default('enrolled'),
    signedInAt: instant('signed_in_at'),
    /** Consent to keep webcam stills as evidence (影像留存, L7974); required where the class demands it. */
    imageConsentAt: instant('image_consent_at'),
    /** Latest completion decision, denormalised for lists; the decisions table is the record. */
    completionStatus: text('completion_status'),
    enrolledAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('training_enrolments_class_user_key').on(t.classId, t.userId),
    index('training_enrolments_user_idx').on(t.userId),
  ],
);

/** A stretch of learning the server saw, built from heartbeats; never from what a browser claims. */
export const learningSessions = pgTable(
  'learning_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id),
    classId: uuid('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    module: text('module').notNull(),
    deviceId: text('device_id').notNull(),
    startedAt: instant('started_at').notNull(),
    lastHeartbeatAt: instant('last_heartbeat_at').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
    endedAt: instant('ended_at'),
    /** open | closed; end_reason: closed_by_player | heartbeat_timeout | superseded */
    status: text('status').notNull().default('open'),
    endReason: text('end_reason'),
    faceVerifiedAtStart: boolean('face_verified_at_start').notNull().default(false),
    hasRetainedMedia: boolean('has_retained_media').notNull().default(false),
    /** Server-observed idle stretches (hidden tab, no input beyond the timeout), ISO instants. */
    idle: jsonb('idle').$type<{ from: string; to: string }[]>().notNull().default([]),
    /** The training-policy version in force when the session started; its timeouts govern the session. */
    policyVersion: text('policy_version'),
    /** When the next 随机验证 falls due; at or before now, a beat takes the check path. */
    nextCheckAt: instant('next_check_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('learning_sessions_user_idx').on(t.userId, t.startedAt),
    index('learning_sessions_enrolment_idx').on(t.enrolmentId),
    // Open sessions by policy version for the timeout sweep. Deliberately not on last_heartbeat_at:
    // every heartbeat updates it, and an index on it would rule out HOT updates on the hottest row.
    index('learning_sessions_open_idx')
      .on(t.policyVersion)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** Raw heartbeats as received: the evidence an auditor can re-derive a session from. */
export const learningHeartbeats = pgTable(
  'learning_heartbeats',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => learningSessions.id),
    seq: integer('seq').notNull(),
    receivedAt: instant('received_at').notNull(),
    clientSentAt: instant('client_sent_at'),
    visible: boolean('visible').notNull(),
    lastInteractionAt: instant('last_interaction_at'),
    positionSeconds: integer('position_seconds'),
    /** accepted | out_of_order | duplicate | future | other_device | closed — rejected beats are kept, never credited. */
    verdict: text('verdict').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq, t.verdict] })],
);

/** 随机验证 (L7974): issued by the server, answered within a window or the time since the last pass is dropped. */
export const learningChecks = pgTable(
  'learning_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => learningSessions.id),
    kind: text('kind').$type<'session_start' | 'random'>().notNull(),
    issuedAt: instant('issued_at').notNull(),
    dueBy: instant('due_by').notNull(),
    challenge: text('challenge').notNull(),
    answerHash: text('answer_hash').notNull(),
    answeredAt: instant('answered_at'),
    /** pending | passed | failed | unanswered */
    result: text('result').notNull().default('pending'),
  },
  (t) => [
    index('learning_checks_session_idx').on(t.sessionId, t.issuedAt),
    // At most one check awaits an answer per session, however many beats race to issue one.
    uniqueIndex('learning_checks_one_pending_key')
      .on(t.sessionId)
      .where(sql`${t.result} = 'pending'`),
  ],
);

/** 影像留存 (L7974, L7926-7928): webcam stills kept with consent, shown only to reviewers. */
export const learningMedia = pgTable(
  'learning_media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => learningSessions.id),
    checkId: uuid('check_id').references(() => learningChecks.id),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    capturedAt: instant('captured_at').notNull(),
  },
  (t) => [index('learning_media_session_idx').on(t.sessionId)],
);

/** 答疑测试, quizzes, the final exam and the 出勤考核 percentage (L5772, L7930); recorded by the institution. */
export const trainingAssessments = pgTable(
  'training_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id),
    kind: text('kind').$type<'qa' | 'quiz' | 'exam' | 'attendance'>().notNull(),
    score: integer('score'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: createdAt(),
  },
  (t) => [index('training_assessments_enrolment_idx').on(t.enrolmentId)],
);

/** Verified offline practical attendance, in 学时 per module (P5). */
export const offlineAttendance = pgTable(
  'training_offline_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id),
    module: text('module').notNull(),
    xueshi: integer('xueshi').notNull(),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: instant('verified_at'),
    createdAt: createdAt(),
  },
  (t) => [index('training_offline_attendance_enrolment_idx').on(t.enrolmentId)],
);

/**
 * One stored completion decision: its full input, policy version and outcome, so it replays.
 * Keyed by the hash of its input: evaluating the same facts twice adds nothing.
 */
export const completionDecisions = pgTable(
  'training_completion_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id),
    inputHash: text('input_hash').notNull(),
    policyVersion: text('policy_version').notNull(),
    status: text('status').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    input: jsonb('input').notNull(),
    outcome: jsonb('outcome').notNull(),
    trigger: text('trigger').notNull(),
    decidedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('training_completion_decisions_input_key').on(t.enrolmentId, t.inputHash),
    index('training_completion_decisions_enrolment_idx').on(t.enrolmentId, t.decidedAt),
  ],
);

/** 培训合格证明: issued once per completed enrolment, verifiable by its code on a public page. */
export const trainingCertificates = pgTable(
  'training_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => completionDecisions.id),
    verificationCode: text('verification_code').notNull(),
    /** What the certificate states, frozen at issue (the PDF is rendered from this). */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    issuedAt: createdAt(),
    revokedAt: instant('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    /** Why a reviewer withdrew it (e.g. hours found falsified); shown to the trainee, not to verifiers. */
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('training_certificates_enrolment_key').on(t.enrolmentId),
    uniqueIndex('training_certificates_code_key').on(t.verificationCode),
  ],
);

/**
 * Versioned training policy: the values the sources leave open ([inferred], admin-set): minutes
 * per 学时, daily cap, idle timeout, random-check interval and answer window, pass mark,
 * attendance threshold. A decision names the version it used; the newest effective one applies.
 */
export const trainingPolicyVersions = pgTable(
  'training_policy_versions',
  {
    version: text('version').primaryKey(),
    effectiveFrom: instant('effective_from').notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('training_policy_versions_effective_idx').on(t.effectiveFrom)],
);

/**
 * Training-subsidy policy versions (§4.2): local standards per occupation and level, caps,
 * windows, the living-allowance rate and the 公示 length. Values the sources do not give are
 * empty, and lines that need them are refused with their reason instead of guessed.
 */
export const trainingSubsidyPolicyVersions = pgTable(
  'training_subsidy_policy_versions',
  {
    version: text('version').primaryKey(),
    effectiveFrom: instant('effective_from').notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('training_subsidy_policy_versions_effective_idx').on(t.effectiveFrom)],
);

/**
 * A training-subsidy claim: the §4.2 input and policy version it was decided on, the decision
 * with its lines, and where it is in review → 公示 → payment. At most one live claim per
 * enrolment; a rejected one may be followed by another.
 */
export const trainingClaims = pgTable(
  'training_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id),
    claimant: text('claimant').$type<'trainee' | 'enterprise' | 'institution'>().notNull(),
    claimantUserId: uuid('claimant_user_id')
      .notNull()
      .references(() => users.id),
    /** The person's keyed ID hash: one person, one subsidy history, whoever claims. */
    personKey: text('person_key').notNull(),
    status: text('status').notNull(),
    input: jsonb('input').notNull(),
    policyVersion: text('policy_version').notNull(),
    decision: jsonb('decision').notNull(),
    totalYuan: integer('total_yuan').notNull().default(0),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: instant('reviewed_at'),
    reviewReason: text('review_reason'),
    noticeFrom: date('notice_from', { mode: 'string' }),
    noticeUntil: date('notice_until', { mode: 'string' }),
    paidAt: instant('paid_at'),
    paidBy: uuid('paid_by').references(() => users.id),
    submittedAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('training_claims_live_enrolment_key')
      .on(t.enrolmentId)
      .where(sql`${t.status} not in ('rejected', 'rejected_by_rules')`),
    index('training_claims_person_idx').on(t.personKey),
    index('training_claims_status_idx').on(t.status),
  ],
);

/**
 * An enterprise's 停工期 or 恢复期 (E8, E9): declared by the enterprise with its evidence and
 * verified by staff before any enterprise training claim may rely on it.
 */
export const enterprisePeriods = pgTable(
  'training_enterprise_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    kind: text('kind').$type<'stoppage' | 'recovery'>().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    evidence: text('evidence').notNull(),
    /** declared | verified | rejected */
    status: text('status').notNull().default('declared'),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: instant('reviewed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('training_enterprise_periods_employer_idx').on(t.employerId)],
);
