import { z } from 'zod';

/**
 * Course materials (课程视频和资料, issue 8 item 3): videos and documents an institution attaches
 * to one module of its course, played in the learning page. Only these types are accepted: they
 * play in any browser without plug-ins, and nothing executable can be served back.
 */
export const COURSE_MATERIAL_TYPES = {
  'video/mp4': 'video',
  'video/webm': 'video',
  'application/pdf': 'document',
} as const;
export type CourseMaterialContentType = keyof typeof COURSE_MATERIAL_TYPES;
export type CourseMaterialKind = (typeof COURSE_MATERIAL_TYPES)[CourseMaterialContentType];

export function isCourseMaterialType(value: string): value is CourseMaterialContentType {
  return Object.prototype.hasOwnProperty.call(COURSE_MATERIAL_TYPES, value);
}

export const CourseMaterialUploadQuerySchema = z.object({
  module: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(120),
});

export const CourseMaterialSchema = z.object({
  id: z.string().uuid(),
  courseId: z.string().uuid(),
  module: z.string(),
  title: z.string(),
  kind: z.enum(['video', 'document']),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type CourseMaterial = z.infer<typeof CourseMaterialSchema>;

export const CourseMaterialListSchema = z.object({ items: z.array(CourseMaterialSchema) });

/** A link that a <video> or <iframe> can open without an Authorization header; it expires. */
export const CourseMaterialLinkSchema = z.object({ url: z.string(), expiresAt: z.string() });
