import { ApiError } from './api-error';
import { api, unwrap } from './client';
import type { components } from './schema';
import type { ResumeInput, ResumeView, SeekerProfile } from './pipeline-types';
import { read } from './read';

/** The signed-in seeker's profile (an empty one before anything was saved). */
export function myProfile(): Promise<SeekerProfile> {
  return read(api.GET('/api/seekers/me'));
}

export type ProfileBody = components['schemas']['SeekerProfileInputDto'];

export function saveProfile(body: ProfileBody): Promise<SeekerProfile> {
  return read(api.PUT('/api/seekers/me', { body }));
}

/** Real-name verification: the api checks the 身份证 check digit and returns it masked. */
export function verifyRealName(body: { realName: string; idNumber: string }): Promise<SeekerProfile> {
  return read(api.POST('/api/seekers/me/verification', { body }));
}

/** The seeker's resume, or null before the first save. */
export async function myResume(): Promise<ResumeView | null> {
  try {
    return await read<ResumeView>(api.GET('/api/resumes/me'));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export function saveResume(body: ResumeInput): Promise<ResumeView> {
  return read(api.PUT('/api/resumes/me', { body }));
}

/** The printable PDF, fetched with the session's token (a plain link would carry none). */
export async function myResumePdf(): Promise<Blob> {
  return (await unwrap(api.GET('/api/resumes/me.pdf', { parseAs: 'blob' }))) as Blob;
}
