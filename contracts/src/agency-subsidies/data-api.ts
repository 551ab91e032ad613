import { z } from 'zod';
import { DEGREES, EMPLOYER_REGIONS, PLACEMENT_CHANNELS, SI_STATUSES, WORKER_CATEGORIES } from './input';
import { PLACEMENT_ROW_CODES } from './placement-rows';

/** HTTP shapes of the agency-subsidy data: placements, evidence, 社保 months, 重点企业名录. */
const day = z.string().date();
const cell = (max: number) => z.string().trim().max(max).optional();

/** A placement as typed in the form: the same cells as one template row. */
export const PlacementFormSchema = z
  .object({
    realName: z.string().trim().min(1).max(50),
    idNumber: z.string().trim().min(15).max(18),
    phone: z.string().trim().min(1).max(20),
    employerUscc: z.string().trim().min(1).max(18),
    positionTitle: z.string().trim().min(1).max(100),
    referralDate: z.string().trim().max(10),
    feeYuan: z.string().trim().max(20).default('0'),
    channel: z.enum(PLACEMENT_CHANNELS).default('OTHER'),
    signDate: z.string().trim().max(10),
    startDate: z.string().trim().max(10),
    endDate: cell(10),
    openEnded: z.boolean().default(false),
    categories: z.array(z.enum(WORKER_CATEGORIES)).max(5).default([]),
    schoolLeaveDate: cell(10),
    unemploymentRegistrationDate: cell(10),
    contractPartyUscc: cell(18),
    /** The platform's e-contract (签约) this placement led to, when there is one. */
    agreementId: z.string().uuid().optional(),
  })
  .strict();
export type PlacementForm = z.infer<typeof PlacementFormSchema>;

export const RowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.enum(PLACEMENT_ROW_CODES),
  message: z.string(),
});

export const EvidenceSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});

export const PlacementViewSchema = z.object({
  id: z.string().uuid(),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  worker: z.object({
    id: z.string().uuid(),
    /** Masked outside the worker herself: 张*花. */
    name: z.string(),
    idNumberMasked: z.string(),
    phoneMasked: z.string().nullable(),
    categories: z.array(z.enum(WORKER_CATEGORIES)),
  }),
  employer: z.object({ id: z.string().uuid(), name: z.string(), uscc: z.string() }),
  positionTitle: z.string().nullable(),
  referralDate: day,
  feeChargedFen: z.number().int(),
  channel: z.enum(PLACEMENT_CHANNELS),
  agreementId: z.string().uuid().nullable(),
  contractPartyUscc: z.string(),
  signDate: day,
  startDate: day,
  endDate: day.nullable(),
  openEnded: z.boolean(),
  claimDate: day,
  source: z.enum(['manual', 'import']),
  status: z.enum(['active', 'withdrawn']),
  evidence: z.array(EvidenceSchema),
  createdAt: z.string(),
});
export type PlacementView = z.infer<typeof PlacementViewSchema>;

export const PlacementListQuerySchema = z
  .object({
    status: z.enum(['active', 'withdrawn']).optional(),
    channel: z.enum(PLACEMENT_CHANNELS).optional(),
    /** Name, masked 身份证 tail, employer name or position. */
    q: z.string().trim().max(50).optional(),
    referredFrom: day.optional(),
    referredTo: day.optional(),
  })
  .strict();

/** An uploaded file travels base64-encoded in JSON, like the agency attachments (the api takes 1 MiB bodies). */
export const FileUploadSchema = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    contentBase64: z.string().min(4).max(1_000_000),
  })
  .strict();

export const EvidenceUploadSchema = FileUploadSchema.extend({
  kind: z.enum(['referral_record', 'labour_contract', 'si_statement', 'category_proof', 'other']),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
}).strict();

export const ImportResultSchema = z.object({
  batchId: z.string().uuid().nullable(),
  fileName: z.string(),
  totalRows: z.number().int(),
  importedRows: z.number().int(),
  /** Rows that changed an existing record (e.g. a 缓缴 month later paid). */
  updatedRows: z.number().int().default(0),
  errors: z.array(RowErrorSchema),
  createdAt: z.string(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const SiMonthViewSchema = z.object({
  id: z.number().int(),
  workerId: z.string().uuid(),
  workerName: z.string(),
  idNumberMasked: z.string(),
  employerUscc: z.string(),
  employerName: z.string().nullable(),
  month: z.string(),
  status: z.enum(SI_STATUSES),
  batchId: z.string().uuid().nullable(),
});

export const SiListQuerySchema = z
  .object({
    q: z.string().trim().max(50).optional(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    employerUscc: z.string().trim().max(18).optional(),
  })
  .strict();

export const KeyEnterpriseInputSchema = z
  .object({
    uscc: z.string().trim().length(18),
    name: z.string().trim().min(1).max(200),
    listName: z.string().trim().min(1).max(100),
    fromDate: day,
    toDate: day.nullable().default(null),
  })
  .strict();

export const KeyEnterpriseViewSchema = z.object({
  id: z.string().uuid(),
  uscc: z.string(),
  name: z.string(),
  listName: z.string(),
  fromDate: day,
  toDate: day.nullable(),
  createdAt: z.string(),
});

export const KeyEnterpriseListQuerySchema = z
  .object({
    /** Entries in force on this day (per period). */
    on: day.optional(),
    q: z.string().trim().max(50).optional(),
  })
  .strict();

/** What the worker herself sees: who recorded her placement and where its claim stands. */
export const WorkerPlacementViewSchema = z.object({
  id: z.string().uuid(),
  agencyName: z.string(),
  employerName: z.string(),
  positionTitle: z.string().nullable(),
  referralDate: day,
  signDate: day,
  feeChargedFen: z.number().int(),
  status: z.enum(['active', 'withdrawn']),
  recordedAt: z.string(),
  /** The subsidy line computed for it, when the claims side has one. */
  claim: z
    .object({ scheme: z.string().nullable(), status: z.string(), amountFen: z.number().int() })
    .nullable(),
});

/** An activity import batch (A4 线上引才 or A5 résumé downloads), as the staff page lists it. */
export const ActivityImportBatchSchema = ImportResultSchema.extend({
  kind: z.enum(['A4', 'A5']),
  importedBy: z.string().nullable(),
});

export const A4ServiceViewSchema = z.object({
  id: z.number().int(),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  employerUscc: z.string(),
  employerName: z.string(),
  served: z.boolean(),
  batchId: z.string().uuid(),
  updatedAt: z.string(),
});

export const A5DownloadViewSchema = z.object({
  id: z.number().int(),
  downloadRef: z.string(),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  employerUscc: z.string(),
  resumeRef: z.string(),
  listPriceFen: z.number().int(),
  downloadedOn: day,
  countedByYingcai: z.boolean(),
  offeredAnnualSalary: z.number().int().nullable(),
  employerRegion: z.enum(EMPLOYER_REGIONS),
  degree: z.enum(DEGREES),
  batchId: z.string().uuid(),
  updatedAt: z.string(),
});

export const ListedAgencyViewSchema = z.object({
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  agencyUscc: z.string(),
  listedAt: z.string(),
});

export const ListedAgencyInputSchema = z.object({ agencyUscc: z.string().trim().length(18) }).strict();
