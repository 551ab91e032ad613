import type { CourseMaterial } from '@platform/contracts/training/course-materials';
import { api, unwrap } from './client';
import { read } from './read';

export type { CourseMaterial };

const path = (id: string) => ({ params: { path: { id } } });

export async function listMaterials(courseId: string): Promise<CourseMaterial[]> {
  return (
    await read<{ items: CourseMaterial[] }>(api.GET('/api/training/courses/{id}/materials', path(courseId)))
  ).items;
}

/** A signed, expiring address a <video> or <iframe> can open (it cannot send the token). */
export function materialLink(id: string): Promise<{ url: string; expiresAt: string }> {
  return read(api.POST('/api/training/materials/{id}/link', path(id)));
}

export async function removeMaterial(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/training/materials/{id}', path(id)));
}

/** The file is sent as it is (no form encoding): the api streams it to the content store. */
export function uploadMaterial(
  courseId: string,
  module: string,
  title: string,
  file: File,
): Promise<CourseMaterial> {
  return read(
    api.POST('/api/training/courses/{id}/materials', {
      params: { path: { id: courseId }, query: { module, title } },
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': file.type || 'application/octet-stream' },
    }),
  );
}
