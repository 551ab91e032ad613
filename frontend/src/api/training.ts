import type {
  CourseInput,
  CourseView,
  InstitutionInput,
  InstitutionView,
  ListingInput,
  ListingView,
  PlatformInput,
  PlatformView,
} from '@platform/contracts/training/api';
import type { CourseKind, SkillLevel } from '@platform/contracts/training/catalog';
import { api } from './client';
import type { components } from './schema';
import { read } from './read';

export type {
  CourseInput,
  CourseView,
  InstitutionInput,
  InstitutionView,
  ListingView,
  PlatformInput,
  PlatformView,
};

export interface CourseSearchFilters {
  q?: string;
  occupation?: string;
  level?: string;
  kind?: string;
  district?: string;
  onlineOnly?: 'true';
  subsidisableOn?: 'today';
  after?: string;
}

export interface CourseHit {
  id: string;
  code: string;
  title: string;
  occupation: string;
  level: string;
  kind: string;
  institutionName: string;
  district: string;
  theoryHours: number;
  practicalHours: number;
  onlineHours: number;
  highlight: Record<string, string[]>;
}

export interface CourseSearchResult {
  total: number;
  items: CourseHit[];
  facets: Record<'occupation' | 'level' | 'kind' | 'district', { value: string; count: number }[]>;
  next: string | null;
}

/** The api takes each list filter as a list; the catalogue page picks one value of each. */
export function searchCourses(filters: CourseSearchFilters): Promise<CourseSearchResult> {
  const { occupation, level, kind, district, ...rest } = filters;
  const list = <T extends string>(value?: string) => (value ? [value as T] : undefined);
  const query = {
    ...rest,
    occupation: list(occupation),
    level: list<SkillLevel>(level),
    kind: list<CourseKind>(kind),
    district: list(district),
    size: 20,
  };
  return read(api.GET('/api/search/courses', { params: { query } }));
}

export function getCourse(id: string, on?: string): Promise<CourseView> {
  return read(api.GET('/api/training/courses/{id}', { params: { path: { id }, query: { on } } }));
}

// ---- staff: the catalogue

export async function listCourses(): Promise<CourseView[]> {
  return (await read<{ items: CourseView[] }>(api.GET('/api/training/courses'))).items;
}

export function createCourse(body: CourseInput): Promise<CourseView> {
  return read(api.POST('/api/training/courses', { body }));
}

export function updateCourse(id: string, body: CourseInput): Promise<CourseView> {
  return read(api.PUT('/api/training/courses/{id}', { params: { path: { id } }, body }));
}

export function setCourseStatus(id: string, status: 'published' | 'withdrawn'): Promise<CourseView> {
  return read(api.POST('/api/training/courses/{id}/status', { params: { path: { id } }, body: { status } }));
}

export async function listInstitutions(): Promise<InstitutionView[]> {
  return (await read<{ items: InstitutionView[] }>(api.GET('/api/training/institutions'))).items;
}

export function createInstitution(body: InstitutionInput): Promise<InstitutionView> {
  return read(api.POST('/api/training/institutions', { body }));
}

export async function listPlatforms(): Promise<PlatformView[]> {
  return (await read<{ items: PlatformView[] }>(api.GET('/api/training/platforms'))).items;
}

export function createPlatform(body: PlatformInput): Promise<PlatformView> {
  return read(api.POST('/api/training/platforms', { body }));
}

export function addListing(body: ListingInput): Promise<ListingView> {
  // The generated type reads the nullable listedUntil as string[] (see fair-types.ts).
  const typed = body as unknown as components['schemas']['ListingInputDto'];
  return read(api.POST('/api/training/listings', { body: typed }));
}

export function endListing(id: string, listedUntil: string): Promise<ListingView> {
  return read(api.PATCH('/api/training/listings/{id}', { params: { path: { id } }, body: { listedUntil } }));
}
