import type {
  Catalogue,
  CourseKind,
  CourseStatus,
  InstitutionKind,
  PlatformKind,
  SkillLevel,
} from '@platform/contracts';
import type { z } from 'zod';
import type { CourseModuleSchema } from '@platform/contracts';
import { bigint, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { users } from './schema';

/**
 * The training catalogue (training.md §2.3): institutions, online platforms, courses, and the
 * dated listings of the "两目录一系统" that decide on which days training can be subsidised.
 */

export const trainingInstitutions = pgTable(
  'training_institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    unifiedSocialCreditCode: text('unified_social_credit_code').notNull(),
    kind: text('kind').$type<InstitutionKind>().notNull(),
    district: text('district').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('training_institutions_uscc_key').on(t.unifiedSocialCreditCode)],
);

export const trainingPlatforms = pgTable('training_platforms', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  kind: text('kind').$type<PlatformKind>().notNull(),
  operator: text('operator').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => trainingInstitutions.id),
    platformId: uuid('platform_id').references(() => trainingPlatforms.id),
    occupation: text('occupation').notNull(),
    level: text('level').$type<SkillLevel>().notNull(),
    kind: text('kind').$type<CourseKind>().notNull(),
    description: text('description').notNull().default(''),
    modules: jsonb('modules').$type<z.infer<typeof CourseModuleSchema>[]>().notNull(),
    status: text('status').$type<CourseStatus>().notNull().default('draft'),
    /** The course-design rules the modules were checked against. */
    rulesVersion: text('rules_version').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('training_courses_code_key').on(t.code),
    index('training_courses_institution_idx').on(t.institutionId),
  ],
);

/** One dated entry in one catalogue; a subject may be listed, delisted and listed again. */
export const catalogueListings = pgTable(
  'catalogue_listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    catalogue: text('catalogue').$type<Catalogue>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    listedFrom: date('listed_from', { mode: 'string' }).notNull(),
    listedUntil: date('listed_until', { mode: 'string' }),
    source: text('source').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('catalogue_listings_subject_idx').on(t.catalogue, t.subjectId)],
);

/**
 * A video or document attached to one module of a course. The bytes live in the content store
 * (COURSE_CONTENT_DIR, a shared volume in production) under their sha256; the row is the record.
 */
export const courseMaterials = pgTable(
  'course_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    module: text('module').notNull(),
    title: text('title').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Removed materials keep their row (who uploaded what stays on record); they are not served. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by').references(() => users.id),
  },
  (t) => [index('course_materials_course_idx').on(t.courseId)],
);
