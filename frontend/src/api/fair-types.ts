import type {
  AgencyApplicationSchema,
  AgencyColumnSchema,
  AgencySchema,
  AnnouncementSchema,
  AttachmentSchema,
  ComplaintSchema,
  FairPageSchema,
  FairSessionSchema,
  ParticipationSchema,
  PostingCheckSchema,
  PostingFindingSchema,
  PublicAgencySchema,
  PublicEmployerSchema,
} from '@platform/contracts/fairs/api';
import type { z } from 'zod';

/**
 * The fair api's response shapes, taken from the shared zod schemas rather than from
 * schema.d.ts: the generated OpenAPI document types the nullable fields of top-level response
 * DTOs (FairDto, EmployerDto, PositionDto…) as string[] instead of string | null.
 * Type-only imports: nothing of zod reaches the bundle.
 */
export type {
  AgencyApplicationInput,
  CreateFairInput,
  EmployerInput,
  EmployerView,
  FairView,
  PlatformSettingsView,
  PositionInput,
  PositionView,
} from '@platform/contracts/fairs/api';

export type FairPage = z.infer<typeof FairPageSchema>;
export type FairSession = z.infer<typeof FairSessionSchema>;
export type Announcement = z.infer<typeof AnnouncementSchema>;
export type PublicAgency = z.infer<typeof PublicAgencySchema>;
export type PublicEmployer = z.infer<typeof PublicEmployerSchema>;
export type Participation = z.infer<typeof ParticipationSchema>;
export type PostingCheck = z.infer<typeof PostingCheckSchema>;
export type PostingFinding = z.infer<typeof PostingFindingSchema>;
export type PostingExemption = PostingCheck['exemptions'][number];
export type AgencyView = z.infer<typeof AgencySchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type AgencyApplication = z.infer<typeof AgencyApplicationSchema>;
export type AgencyColumn = z.infer<typeof AgencyColumnSchema>;
export type Complaint = z.infer<typeof ComplaintSchema>;
export type Paged<T> = { items: T[]; total: number };
