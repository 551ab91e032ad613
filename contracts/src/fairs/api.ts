import { z } from 'zod';
import { PHONE_PATTERN } from '../auth';
import { isValidUnifiedSocialCreditCode } from '../id-numbers';
import { AGENCY_ATTACHMENT_KINDS, AGENCY_TEAM_GROUPS, LEAD_RANKS } from './agency-eligibility';
import { isIsoDate } from './business-date';
import {
  CHONGQING_DISTRICTS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  EDUCATION_LEVELS,
  POSITION_STATUSES,
  SANCTION_KINDS,
  TARGET_GROUPS,
  UNIT_SIZES,
  UNIT_TYPES,
} from './catalog';

/**
 * Request and response shapes of the fair api, shared by the backend DTOs (and so the OpenAPI
 * document) and the frontend forms, so a form refuses what the api would refuse.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
export const IsoDate = z.string().refine(isIsoDate, { message: 'Expected a date YYYY-MM-DD' });
const Phone = z.string().regex(PHONE_PATTERN, { message: 'Expected an 11-digit mobile number' });
/** Only http(s): these addresses are shown as links on public pages. */
const Url = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((v) => /^https?:\/\//i.test(v), { message: 'Only http:// or https:// addresses' });
const Id = z.string().uuid();

// ---- settings
export const PlatformSettingsSchema = z.object({
  epidemicEndOn: IsoDate.nullable(),
  resumptionFilingRequired: z.boolean(),
});
export type PlatformSettingsView = z.infer<typeof PlatformSettingsSchema>;
export const UpdateSettingsSchema = PlatformSettingsSchema.partial().strict();

// ---- fairs
export const CreateFairSchema = z
  .object({
    theme: text(100),
    year: z.number().int().min(2000).max(2100),
    hosts: z.array(text(100)).min(1).max(10),
    organizers: z.array(text(100)).max(10).default([]),
    targetGroups: z.array(z.enum(TARGET_GROUPS)).min(1),
    description: z.string().max(5000).default(''),
    launchOn: IsoDate,
    concentratedEndOn: IsoDate,
    normalizedMonthsAfterEpidemicEnd: z.number().int().min(0).max(24).default(3),
    agencyDeadlineOn: IsoDate,
    agencyDeadlineInclusive: z.boolean().default(false),
    largeScale: z.boolean().default(true),
  })
  .strict();
export type CreateFairInput = z.infer<typeof CreateFairSchema>;

export const AdjustFairDatesSchema = z
  .object({
    launchOn: IsoDate,
    concentratedEndOn: IsoDate,
    agencyDeadlineOn: IsoDate,
    /** Published now; the new dates apply from this day (S3:2656-2660: announce before the change). */
    effectiveOn: IsoDate,
    announcement: text(2000),
  })
  .strict();
export const FairStatusChangeSchema = z
  .object({ reason: text(2000), effectiveOn: IsoDate.optional() })
  .strict();

export const CreateSessionSchema = z
  .object({
    name: text(100),
    targetGroup: z.enum(TARGET_GROUPS),
    description: z.string().max(2000).default(''),
    startsOn: IsoDate,
    endsOn: IsoDate,
  })
  .strict();

export const FairPhaseSchema = z.enum([
  'not_started',
  'concentrated',
  'normalized',
  'closed',
  'suspended',
  'cancelled',
]);
export const FairSessionSchema = z.object({
  id: Id,
  fairId: Id,
  name: z.string(),
  targetGroup: z.enum(TARGET_GROUPS),
  description: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export const AnnouncementSchema = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  effectiveOn: z.string(),
  publishedAt: z.string(),
  notifiedCount: z.number().int(),
});
export const FairSchema = z.object({
  id: Id,
  theme: z.string(),
  year: z.number().int(),
  hosts: z.array(z.string()),
  organizers: z.array(z.string()),
  targetGroups: z.array(z.string()),
  description: z.string(),
  launchOn: z.string(),
  concentratedEndOn: z.string(),
  normalizedMonthsAfterEpidemicEnd: z.number().int(),
  /** null while the epidemic-end date is not set by an admin. */
  normalizedEndOn: z.string().nullable(),
  epidemicEndOn: z.string().nullable(),
  agencyDeadlineOn: z.string(),
  agencyDeadlineInclusive: z.boolean(),
  largeScale: z.boolean(),
  phase: FairPhaseSchema,
  phaseEndsOn: z.string().nullable(),
  phaseReasons: z.array(z.string()),
  suspensionReason: z.string().nullable(),
  cancellationReason: z.string().nullable(),
});
export type FairView = z.infer<typeof FairSchema>;
export const FairListSchema = z.object({ items: z.array(FairSchema) });

export const PublicAgencySchema = z.object({
  id: Id,
  name: z.string(),
  siteUrl: z.string(),
  fairColumnUrl: z.string(),
});
export const PublicEmployerSchema = z.object({
  id: Id,
  name: z.string(),
  unitType: z.string(),
  industry: z.string(),
  district: z.string(),
  isKeyEnterprise: z.boolean(),
  intro: z.string(),
});
export const FairPageSchema = z.object({
  fair: FairSchema,
  sessions: z.array(FairSessionSchema),
  announcements: z.array(AnnouncementSchema),
  agencies: z.array(PublicAgencySchema),
  employers: z.array(PublicEmployerSchema),
  counts: z.object({ employers: z.number().int(), positions: z.number().int(), agencies: z.number().int() }),
});

// ---- agencies
export const AgencyProfileInputSchema = z
  .object({
    name: text(100),
    uscc: z.string().trim().toUpperCase().refine(isValidUnifiedSocialCreditCode, {
      message: 'Invalid 统一社会信用代码 (check character)',
    }),
    siteUrl: Url,
  })
  .strict();
export const AgencySchema = z.object({
  id: Id,
  name: z.string(),
  uscc: z.string(),
  siteUrl: z.string(),
  blacklisted: z.boolean(),
  blacklistReason: z.string().nullable(),
});
export const UploadAttachmentSchema = z
  .object({
    kind: z.enum(AGENCY_ATTACHMENT_KINDS),
    fileName: text(200),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    /** The file, base64-encoded; at most 512 KiB once decoded. */
    contentBase64: z.string().min(4).max(700_000),
  })
  .strict();
export const AttachmentSchema = z.object({
  id: Id,
  kind: z.enum(AGENCY_ATTACHMENT_KINDS),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export const AgencyApplicationInputSchema = z
  .object({
    licenseNumber: z.string().trim().max(100),
    /** Empty counts as a failed condition (no fair column), not as a malformed request. */
    fairColumnUrl: z.union([z.literal(''), Url]),
    features: z
      .object({ column: z.boolean(), invitation: z.boolean(), videoInterview: z.boolean() })
      .strict(),
    freeInterviewMinutesPerEmployer: z.number().int().min(0).max(100_000),
    teamLead: z
      .object({ name: z.string().trim().max(50), rank: z.enum(LEAD_RANKS), phone: z.string().trim().max(20) })
      .strict(),
    groups: z
      .array(
        z
          .object({
            group: z.enum(AGENCY_TEAM_GROUPS),
            name: z.string().trim().max(50),
            phone: z.string().trim().max(20),
          })
          .strict(),
      )
      .max(10),
    privacyMeasures: z.string().trim().max(5000),
  })
  .strict();
export type AgencyApplicationInput = z.infer<typeof AgencyApplicationInputSchema>;
export const AgencyConditionSchema = z.object({ code: z.string(), citation: z.string(), zh: z.string() });
export const AgencyApplicationSchema = z.object({
  id: Id,
  fairId: Id,
  agency: AgencySchema,
  facts: z.object({
    licenseNumber: z.string(),
    siteUrl: z.string(),
    fairColumnUrl: z.string(),
    features: z.object({ column: z.boolean(), invitation: z.boolean(), videoInterview: z.boolean() }),
    freeInterviewMinutesPerEmployer: z.number(),
    teamLead: z.object({ name: z.string(), rank: z.string(), phone: z.string() }),
    groups: z.array(z.object({ group: z.string(), name: z.string(), phone: z.string() })),
    privacyMeasures: z.string(),
    attachments: z.array(z.string()),
  }),
  failedConditions: z.array(AgencyConditionSchema),
  status: z.enum(['submitted', 'approved', 'rejected']),
  submittedOn: z.string(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const AgencyApplicationListSchema = z.object({ items: z.array(AgencyApplicationSchema) });

/**
 * An agency's fair column (专栏/专区, S3:3779-3783): the employers that chose the agency in a fair,
 * which the agency must vet (S3:3888), with what each publishes and receives there.
 */
export const AgencyColumnEmployerSchema = z.object({
  id: Id,
  name: z.string(),
  industry: z.string(),
  district: z.string(),
  isKeyEnterprise: z.boolean(),
  reviewStatus: z.enum(['pending', 'approved', 'rejected']),
  selectedAt: z.string(),
  disqualified: z.boolean(),
  publishedPositions: z.number().int(),
  positionsInReview: z.number().int(),
  applications: z.number().int(),
});
export const AgencyColumnSchema = z.object({
  fairId: Id,
  /** The agency's application to the fair; only an approved agency can be chosen. */
  applicationStatus: z.enum(['submitted', 'approved', 'rejected']).nullable(),
  fairColumnUrl: z.string().nullable(),
  freeInterviewMinutesPerEmployer: z.number().int().nullable(),
  employers: z.array(AgencyColumnEmployerSchema),
  totals: z.object({
    employers: z.number().int(),
    publishedPositions: z.number().int(),
    applications: z.number().int(),
  }),
});
export const DecisionSchema = z
  .object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(2000).optional() })
  .strict();

// ---- employers
export const EmployerInputSchema = z
  .object({
    name: text(100),
    uscc: z.string().trim().toUpperCase(),
    unitType: z.enum(UNIT_TYPES),
    size: z.enum(UNIT_SIZES),
    industry: text(50),
    province: text(20).default('重庆市'),
    district: text(30),
    intro: text(5000),
    contactName: text(50),
    contactPhone: Phone,
    contactEmail: z.string().trim().email().max(200).optional(),
  })
  .strict();
export type EmployerInput = z.infer<typeof EmployerInputSchema>;
export const EmployerSchema = z.object({
  id: Id,
  name: z.string(),
  uscc: z.string(),
  unitType: z.enum(UNIT_TYPES),
  size: z.string(),
  industry: z.string(),
  province: z.string(),
  district: z.string(),
  intro: z.string(),
  contactName: z.string(),
  /** Only the owner and staff see an employer record. */
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
  reviewReason: z.string().nullable(),
  isKeyEnterprise: z.boolean(),
  resumptionFiled: z.boolean(),
  createdAt: z.string(),
});
export type EmployerView = z.infer<typeof EmployerSchema>;
export const EmployerListSchema = z.object({ items: z.array(EmployerSchema), total: z.number().int() });
export const EmployerFlagsSchema = z
  .object({ isKeyEnterprise: z.boolean().optional(), resumptionFiled: z.boolean().optional() })
  .strict();
export const ParticipationSchema = z.object({
  fairId: Id,
  employerId: Id,
  joinedAt: z.string(),
  disqualified: z.boolean(),
  disqualificationReason: z.string().nullable(),
  agencies: z.array(PublicAgencySchema),
});

// ---- positions
const PositionFields = z
  .object({
    fairId: Id,
    sessionIds: z.array(Id).max(10).default([]),
    title: text(100),
    category: text(50),
    headcount: z.number().int().min(1).max(10_000),
    duties: text(5000),
    requirements: text(5000),
    environment: text(2000),
    benefits: text(2000),
    salaryMin: z.number().int().min(0).max(1_000_000),
    salaryMax: z.number().int().min(0).max(1_000_000),
    education: z.enum(EDUCATION_LEVELS),
    experienceYears: z.number().int().min(0).max(50).default(0),
    district: text(30),
    graduateSuitable: z.boolean().default(true),
    specialRecruitment: z.boolean().default(false),
    expiresOn: IsoDate.optional(),
  })
  .strict();
export const PositionInputSchema = PositionFields;
export type PositionInput = z.infer<typeof PositionInputSchema>;
export const PositionCheckInputSchema = PositionFields.partial({
  title: true,
  fairId: true,
  sessionIds: true,
  category: true,
  headcount: true,
  duties: true,
  requirements: true,
  environment: true,
  benefits: true,
  salaryMin: true,
  salaryMax: true,
  education: true,
  district: true,
});

export const PostingFindingSchema = z.object({
  ruleId: z.string(),
  code: z.string(),
  severity: z.enum(['reject', 'review']),
  label: z.enum(['SRC', 'EXTERNAL', 'INFERRED']),
  citation: z.string(),
  field: z.string(),
  matched: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  explanation: z.object({ zh: z.string(), en: z.string() }),
});
export const PostingCheckSchema = z.object({
  ruleSetVersion: z.string(),
  findings: z.array(PostingFindingSchema),
  exemptions: z.array(
    z.object({ ruleId: z.string(), field: z.string(), matched: z.string(), because: z.string() }),
  ),
  verdict: z.enum(['clean', 'review', 'reject']),
});
export const PositionSchema = z.object({
  id: Id,
  employerId: Id,
  employerName: z.string(),
  isKeyEnterprise: z.boolean(),
  fairId: Id,
  sessionIds: z.array(Id),
  title: z.string(),
  category: z.string(),
  headcount: z.number().int(),
  duties: z.string(),
  requirements: z.string(),
  environment: z.string(),
  benefits: z.string(),
  salaryMin: z.number().int(),
  salaryMax: z.number().int(),
  education: z.enum(EDUCATION_LEVELS),
  experienceYears: z.number().int(),
  district: z.string(),
  graduateSuitable: z.boolean(),
  specialRecruitment: z.boolean(),
  status: z.enum(POSITION_STATUSES),
  expiresOn: z.string().nullable(),
  check: PostingCheckSchema.nullable(),
  reviewReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type PositionView = z.infer<typeof PositionSchema>;
export const PositionListSchema = z.object({ items: z.array(PositionSchema), total: z.number().int() });
export const PositionListQuerySchema = z.object({
  sessionId: Id.optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ---- complaints and sanctions
export const ComplaintInputSchema = z
  .object({
    reporterKind: z.enum(['seeker', 'university']),
    reporterOrganization: z.string().trim().max(100).optional(),
    targetType: z.enum(['position', 'employer', 'agency']),
    targetId: Id,
    fairId: Id.optional(),
    category: z.enum(COMPLAINT_CATEGORIES),
    description: text(5000),
  })
  .strict()
  .refine((c) => c.reporterKind !== 'university' || !!c.reporterOrganization, {
    message: 'A university report names the university',
    path: ['reporterOrganization'],
  });
export const ComplaintSchema = z.object({
  id: Id,
  reporterKind: z.enum(['seeker', 'university']),
  reporterOrganization: z.string().nullable(),
  targetType: z.enum(['position', 'employer', 'agency']),
  targetId: Id,
  targetName: z.string().nullable(),
  fairId: Id.nullable(),
  category: z.enum(COMPLAINT_CATEGORIES),
  description: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  sanctions: z.array(
    z.object({
      id: Id,
      kind: z.enum(SANCTION_KINDS),
      reason: z.string(),
      referredToAuthority: z.boolean(),
      effects: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
  ),
});
export const ComplaintListSchema = z.object({ items: z.array(ComplaintSchema) });
export const ResolveComplaintSchema = z
  .object({
    outcome: z.enum(['investigating', 'resolved', 'dismissed']),
    resolution: z.string().trim().max(5000).optional(),
    sanction: z.enum(SANCTION_KINDS).optional(),
    referToAuthority: z.boolean().default(false),
  })
  .strict();

export const DISTRICT_OPTIONS = CHONGQING_DISTRICTS;
