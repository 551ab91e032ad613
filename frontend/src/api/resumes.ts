import { api, unwrap } from './client';
import type { ResumeView } from './pipeline-types';
import { read } from './read';

/** Searchable resumes for approved employers; contacts always masked here. */
export function searchResumes(query: {
  q?: string;
  page: number;
  pageSize: number;
}): Promise<{ items: ResumeView[]; total: number }> {
  return read(api.GET('/api/resumes', { params: { query } }));
}

/** A counted, audited download (AS-25) as PDF; contacts only if the seeker applied to this unit. */
export async function resumePdf(userId: string): Promise<Blob> {
  const call = api.GET('/api/resumes/{userId}/pdf', { params: { path: { userId } }, parseAs: 'blob' });
  return (await unwrap(call)) as Blob;
}
