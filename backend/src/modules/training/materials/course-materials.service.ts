import { Inject, Injectable } from '@nestjs/common';
import {
  COURSE_MATERIAL_TYPES,
  type CourseMaterial,
  type CourseMaterialContentType,
  isCourseMaterialType,
} from '@platform/contracts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import { type Actor, hasAnyRole, STAFF_ROLES } from '../../../common/auth/actor';
import { recordAudit } from '../../../common/audit/audit-log';
import { AppError } from '../../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import {
  courseMaterials,
  trainingClasses,
  trainingCourses,
  trainingEnrolments,
} from '../../../database/schema';
import { DATABASE, type Database } from '../../../infra/database/database';
import { assertInstitutionMember, institutionsOf, notFound } from '../institution-access';
import { signMaterialLink, verifyMaterialLink } from './material-link';
import { MaterialStore, parseRange, sniffContentType } from './material-store';

type MaterialRow = typeof courseMaterials.$inferSelect;

/**
 * Course videos and documents (issue 8 item 3). The course's institution (or staff) uploads them
 * per module; the trainees of the course's classes, its institution and staff may play them.
 */
@Injectable()
export class CourseMaterialsService {
  private readonly store: MaterialStore;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.store = new MaterialStore(config.COURSE_CONTENT_DIR, config.COURSE_CONTENT_MAX_MB * 1048576);
  }

  async upload(
    actor: Actor,
    courseId: string,
    input: { module: string; title: string; contentType: string; body: Readable },
  ): Promise<CourseMaterial> {
    const course = await this.course(courseId);
    if (!hasAnyRole(actor, STAFF_ROLES)) await assertInstitutionMember(this.db, actor, course.institutionId);
    if (!course.modules.some((m) => m.name === input.module)) {
      input.body.resume();
      throw new AppError('COURSE_MODULE_UNKNOWN', 'The course has no such module. 课程没有该模块。', {
        module: input.module,
        modules: course.modules.map((m) => m.name),
      });
    }
    const declared = input.contentType.split(';')[0]!.trim().toLowerCase();
    if (!isCourseMaterialType(declared)) {
      input.body.resume();
      throw typeNotAllowed(declared);
    }
    const saved = await this.store.save(input.body);
    const sniffed = sniffContentType(saved.head);
    if (sniffed !== declared) {
      // The same bytes may already back another material; only unreferenced files are removed.
      if (!(await this.referenced(saved.sha256))) await this.store.discard(saved.sha256);
      throw typeNotAllowed(declared, sniffed);
    }
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(courseMaterials)
        .values({
          courseId,
          module: input.module,
          title: input.title,
          contentType: declared,
          sizeBytes: saved.sizeBytes,
          sha256: saved.sha256,
          uploadedBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.course.material.uploaded',
        subjectType: 'course_material',
        subjectId: row!.id,
        details: { courseId, module: input.module, sha256: saved.sha256, sizeBytes: saved.sizeBytes },
      });
      return view(row!);
    });
  }

  async list(actor: Actor, courseId: string): Promise<CourseMaterial[]> {
    await this.assertMayRead(actor, await this.course(courseId));
    const rows = await this.db
      .select()
      .from(courseMaterials)
      .where(and(eq(courseMaterials.courseId, courseId), isNull(courseMaterials.removedAt)))
      .orderBy(asc(courseMaterials.module), asc(courseMaterials.uploadedAt));
    return rows.map(view);
  }

  async link(actor: Actor, materialId: string) {
    const material = await this.material(materialId);
    await this.assertMayRead(actor, await this.course(material.courseId));
    return signMaterialLink(this.config.JWT_ACCESS_SECRET, material.id, actor.userId);
  }

  async remove(actor: Actor, materialId: string): Promise<void> {
    const material = await this.material(materialId);
    const course = await this.course(material.courseId);
    if (!hasAnyRole(actor, STAFF_ROLES)) await assertInstitutionMember(this.db, actor, course.institutionId);
    await this.db.transaction(async (tx) => {
      await tx
        .update(courseMaterials)
        .set({ removedAt: new Date(), removedBy: actor.userId })
        .where(eq(courseMaterials.id, materialId));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'training.course.material.removed',
        subjectType: 'course_material',
        subjectId: materialId,
        details: { courseId: material.courseId, sha256: material.sha256 },
      });
    });
  }

  /** The bytes behind a signed link, whole or the requested range (videos seek with ranges). */
  async content(materialId: string, query: { u?: string; e?: string; s?: string }, rangeHeader?: string) {
    if (!verifyMaterialLink(this.config.JWT_ACCESS_SECRET, materialId, query))
      throw new AppError(
        'COURSE_MATERIAL_LINK_INVALID',
        'The link is invalid or has expired. 链接无效或已过期。',
      );
    const material = await this.material(materialId);
    const size = material.sizeBytes;
    const range = parseRange(rangeHeader, size);
    if (rangeHeader && !range) return { material, status: 416 as const, size, stream: null };
    const stream = this.store.open(material.sha256, range ?? undefined);
    return { material, status: range ? (206 as const) : (200 as const), size, range, stream };
  }

  private async assertMayRead(actor: Actor, course: typeof trainingCourses.$inferSelect): Promise<void> {
    if (hasAnyRole(actor, STAFF_ROLES)) return;
    if ((await institutionsOf(this.db, actor)).includes(course.institutionId)) return;
    const [enrolled] = await this.db
      .select({ id: trainingEnrolments.id })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .where(and(eq(trainingClasses.courseId, course.id), eq(trainingEnrolments.userId, actor.userId)))
      .limit(1);
    if (!enrolled)
      throw new AppError(
        'FORBIDDEN_NOT_OWNER',
        'Only the trainees of this course, its institution and staff may open its materials. 仅本课程学员、培训机构和工作人员可查看课程资料。',
        { courseId: course.id },
      );
  }

  private async course(id: string) {
    const [row] = await this.db.select().from(trainingCourses).where(eq(trainingCourses.id, id));
    if (!row) throw notFound('course');
    return row;
  }

  private async material(id: string): Promise<MaterialRow> {
    const [row] = await this.db
      .select()
      .from(courseMaterials)
      .where(and(eq(courseMaterials.id, id), isNull(courseMaterials.removedAt)));
    if (!row) throw notFound('course material');
    return row;
  }

  private async referenced(sha256: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: courseMaterials.id })
      .from(courseMaterials)
      .where(eq(courseMaterials.sha256, sha256))
      .limit(1);
    return !!row;
  }
}

function typeNotAllowed(declared: string, sniffed?: string | null): AppError {
  return new AppError(
    'COURSE_MATERIAL_TYPE_NOT_ALLOWED',
    'Upload an MP4 or WebM video or a PDF document whose content matches its type. 请上传 MP4/WebM 视频或 PDF 文档，且文件内容须与类型一致。',
    { declared, detected: sniffed ?? null, allowed: Object.keys(COURSE_MATERIAL_TYPES) },
  );
}

function view(row: MaterialRow): CourseMaterial {
  return {
    id: row.id,
    courseId: row.courseId,
    module: row.module,
    title: row.title,
    kind: COURSE_MATERIAL_TYPES[row.contentType as CourseMaterialContentType],
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}
