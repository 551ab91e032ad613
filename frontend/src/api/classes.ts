import type {
  ClassInput,
  ClassPlanDecision,
  ClassPlanStatus,
  ClassView,
  EnrolmentView,
  InstitutionMemberView,
  RosterEntry,
  SponsoredEnrolmentInput,
  SponsoredEnrolmentResult,
} from '@platform/contracts/training/classes';
import type { AssessmentKind } from '@platform/contracts/training/classes';
import type { CourseView } from '@platform/contracts/training/api';
import { api } from './client';
import type { components } from './schema';
import { read } from './read';

export type { ClassInput, ClassView, EnrolmentView, InstitutionMemberView, RosterEntry };

const path = (id: string) => ({ params: { path: { id } } });
const items = async <T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>) =>
  (await read<{ items: T[] }>(call)).items;

// ---- trainees: open classes, enrolment, my training

export function openClasses(courseId: string): Promise<ClassView[]> {
  return items(api.GET('/api/training/courses/{id}/classes', path(courseId)));
}

export function enrol(classId: string): Promise<EnrolmentView> {
  return read(api.POST('/api/training/classes/{id}/enrolments', path(classId)));
}

export function myEnrolments(): Promise<EnrolmentView[]> {
  return items(api.GET('/api/training/enrolments/mine'));
}

export function withdraw(enrolmentId: string): Promise<EnrolmentView> {
  return read(api.POST('/api/training/enrolments/{id}/withdrawal', path(enrolmentId)));
}

// ---- institution accounts: classes with their plans, rosters

export function myInstitutions(): Promise<{ id: string; name: string; district: string }[]> {
  return items(api.GET('/api/training/my-institutions'));
}

export function institutionClasses(institutionId: string): Promise<ClassView[]> {
  return items(api.GET('/api/training/institutions/{id}/classes', path(institutionId)));
}

/** The generated body type reads nullable fields as lists (see fair-types.ts), hence the cast. */
type ClassBody = components['schemas']['ClassInputDto'];

export function createClass(institutionId: string, body: ClassInput): Promise<ClassView> {
  return read(
    api.POST('/api/training/institutions/{id}/classes', {
      ...path(institutionId),
      body: body as unknown as ClassBody,
    }),
  );
}

export function updateClass(id: string, body: ClassInput): Promise<ClassView> {
  return read(api.PUT('/api/training/classes/{id}', { ...path(id), body: body as unknown as ClassBody }));
}

export function getClass(id: string): Promise<ClassView> {
  return read(api.GET('/api/training/classes/{id}', path(id)));
}

export function submitPlan(id: string): Promise<ClassView> {
  return read(api.POST('/api/training/classes/{id}/submission', path(id)));
}

export function roster(classId: string): Promise<RosterEntry[]> {
  return items(api.GET('/api/training/classes/{id}/roster', path(classId)));
}

export function recordAssessment(enrolmentId: string, body: { kind: AssessmentKind; score: number }) {
  return read(api.POST('/api/training/enrolments/{id}/assessments', { ...path(enrolmentId), body }));
}

export function recordOfflineAttendance(enrolmentId: string, body: { module: string; xueshi: number }) {
  return read(api.POST('/api/training/enrolments/{id}/offline-attendance', { ...path(enrolmentId), body }));
}

// ---- staff: plan review and institution accounts

export function classPlans(status: ClassPlanStatus = 'submitted'): Promise<ClassView[]> {
  return items(api.GET('/api/training/class-plans', { params: { query: { status } } }));
}

export function decidePlan(id: string, body: ClassPlanDecision): Promise<ClassView> {
  return read(api.POST('/api/training/classes/{id}/plan-decision', { ...path(id), body }));
}

export function institutionMembers(institutionId: string): Promise<InstitutionMemberView[]> {
  return items(api.GET('/api/training/institutions/{id}/members', path(institutionId)));
}

export function addInstitutionMember(institutionId: string, identifier: string) {
  return items<InstitutionMemberView>(
    api.POST('/api/training/institutions/{id}/members', { ...path(institutionId), body: { identifier } }),
  );
}

export function removeInstitutionMember(institutionId: string, userId: string) {
  return items<InstitutionMemberView>(
    api.DELETE('/api/training/institutions/{id}/members/{userId}', {
      params: { path: { id: institutionId, userId } },
    }),
  );
}

export function institutionCourses(institutionId: string): Promise<CourseView[]> {
  return items(api.GET('/api/training/institutions/{id}/courses', path(institutionId)));
}

export type SponsoredResult = SponsoredEnrolmentResult;

/** An enterprise's staff list for a class; every row comes back with its own result (E8-E10). */
export function sponsorStaff(classId: string, body: SponsoredEnrolmentInput): Promise<SponsoredResult> {
  return read(api.POST('/api/training/classes/{id}/sponsored-enrolments', { ...path(classId), body }));
}
