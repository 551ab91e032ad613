import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const DependencyHealthSchema = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number(),
  details: z.record(z.string(), z.unknown()).optional(),
  error: z.string().optional(),
});

export const HealthReportSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({
    postgres: DependencyHealthSchema,
    redis: DependencyHealthSchema,
    elasticsearch: DependencyHealthSchema,
  }),
});

export class HealthReportDto extends createZodDto(HealthReportSchema) {}
