import {
  CheckAnswerInputSchema,
  CheckResultSchema,
  ClosedSessionSchema,
  HeartbeatAckSchema,
  HeartbeatInputSchema,
  LearningMediaListSchema,
  LearningProgressSchema,
  StartedSessionSchema,
  StartSessionInputSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
export class CheckParams extends createZodDto(
  z.object({ id: z.string().uuid(), checkId: z.string().uuid() }),
) {}
export class StartSessionInputDto extends createZodDto(StartSessionInputSchema) {}
export class StartedSessionDto extends createZodDto(StartedSessionSchema) {}
export class HeartbeatInputDto extends createZodDto(HeartbeatInputSchema) {}
export class HeartbeatAckDto extends createZodDto(HeartbeatAckSchema) {}
export class CheckAnswerInputDto extends createZodDto(CheckAnswerInputSchema) {}
export class CheckResultDto extends createZodDto(CheckResultSchema) {}
export class ClosedSessionDto extends createZodDto(ClosedSessionSchema) {}
export class LearningProgressDto extends createZodDto(LearningProgressSchema) {}
export class LearningMediaListDto extends createZodDto(LearningMediaListSchema) {}
