import {
  A4ServiceViewSchema,
  A5DownloadViewSchema,
  ActivityImportBatchSchema,
  ListedAgencyInputSchema,
  ListedAgencyViewSchema,
  AgencySubsidyPolicyInputSchema,
  AgencySubsidyPolicyValuesSchema,
  EvidenceSchema,
  EvidenceUploadSchema,
  FileUploadSchema,
  ImportResultSchema,
  KeyEnterpriseInputSchema,
  KeyEnterpriseListQuerySchema,
  KeyEnterpriseViewSchema,
  PlacementFormSchema,
  PlacementListQuerySchema,
  PlacementViewSchema,
  SiListQuerySchema,
  SiMonthViewSchema,
  WorkerPlacementViewSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const PolicySchema = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  values: AgencySubsidyPolicyValuesSchema,
  /** Keys the sources leave open in this version (null or empty): 待定/未给出. */
  open: z.array(z.string()),
});

export class AgencyPolicyDto extends createZodDto(PolicySchema) {}
export class AgencyPolicyListDto extends createZodDto(
  z.object({ items: z.array(PolicySchema), defaults: PolicySchema, currentVersion: z.string() }),
) {}
export class AgencyPolicyInputDto extends createZodDto(AgencySubsidyPolicyInputSchema) {}
export class PolicyVersionParams extends createZodDto(z.object({ version: z.string().min(1).max(40) })) {}

export class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class PlacementFormDto extends createZodDto(PlacementFormSchema) {}
export class PlacementViewDto extends createZodDto(PlacementViewSchema) {}
export class PlacementListDto extends createZodDto(z.object({ items: z.array(PlacementViewSchema) })) {}
export class PlacementListQuery extends createZodDto(
  PlacementListQuerySchema.extend({ agencyId: z.string().uuid().optional() }).strict(),
) {}
export class WithdrawDto extends createZodDto(
  z.object({ reason: z.string().trim().min(2).max(500) }).strict(),
) {}
export class EvidenceUploadDto extends createZodDto(EvidenceUploadSchema) {}
export class EvidenceDto extends createZodDto(EvidenceSchema) {}
export class FileUploadDto extends createZodDto(FileUploadSchema) {}
export class ImportResultDto extends createZodDto(ImportResultSchema) {}
export class ImportResultListDto extends createZodDto(z.object({ items: z.array(ImportResultSchema) })) {}
export class SiMonthListDto extends createZodDto(z.object({ items: z.array(SiMonthViewSchema) })) {}
export class SiListQuery extends createZodDto(SiListQuerySchema) {}
export class KeyEnterpriseInputDto extends createZodDto(KeyEnterpriseInputSchema) {}
export class KeyEnterpriseDto extends createZodDto(KeyEnterpriseViewSchema) {}
export class KeyEnterpriseListDto extends createZodDto(
  z.object({ items: z.array(KeyEnterpriseViewSchema) }),
) {}
export class KeyEnterpriseListQuery extends createZodDto(KeyEnterpriseListQuerySchema) {}
export class WorkerPlacementListDto extends createZodDto(
  z.object({ items: z.array(WorkerPlacementViewSchema) }),
) {}

export class ActivityImportBatchDto extends createZodDto(ActivityImportBatchSchema) {}
export class ActivityImportBatchListDto extends createZodDto(
  z.object({ items: z.array(ActivityImportBatchSchema) }),
) {}
export class A4ServiceListDto extends createZodDto(z.object({ items: z.array(A4ServiceViewSchema) })) {}
export class A5DownloadListDto extends createZodDto(z.object({ items: z.array(A5DownloadViewSchema) })) {}
export class ListedAgencyListDto extends createZodDto(z.object({ items: z.array(ListedAgencyViewSchema) })) {}
export class ListedAgencyInputDto extends createZodDto(ListedAgencyInputSchema) {}
export class ActivityKindParams extends createZodDto(z.object({ kind: z.enum(['a4', 'a5']) })) {}
