import { CandidateListSchema, CandidateQuerySchema, RecommendationListSchema } from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';

export class RecommendationListDto extends createZodDto(RecommendationListSchema) {}
export class CandidateListDto extends createZodDto(CandidateListSchema) {}
export class CandidateQuery extends createZodDto(CandidateQuerySchema) {}
