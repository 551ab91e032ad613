import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  COURSE_MATERIAL_TYPES,
  CourseMaterialLinkSchema,
  CourseMaterialListSchema,
  CourseMaterialSchema,
  CourseMaterialUploadQuerySchema,
} from '@platform/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Actor } from '../../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../../common/auth/decorators';
import { CourseMaterialsService } from './course-materials.service';

class IdParams extends createZodDto(z.object({ id: z.string().uuid() })) {}
class UploadQueryDto extends createZodDto(CourseMaterialUploadQuerySchema) {}
class LinkQueryDto extends createZodDto(
  z.object({
    u: z.string().max(64).optional(),
    e: z.string().max(16).optional(),
    s: z.string().max(64).optional(),
  }),
) {}
class CourseMaterialDto extends createZodDto(CourseMaterialSchema) {}
class CourseMaterialListDto extends createZodDto(CourseMaterialListSchema) {}
class CourseMaterialLinkDto extends createZodDto(CourseMaterialLinkSchema) {}

/**
 * Upload bodies of these types reach the controller as the raw request stream (written to disk
 * as it arrives); every other route keeps Fastify's JSON parsing and its 1 MiB limit.
 */
export function acceptCourseMaterialBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(Object.keys(COURSE_MATERIAL_TYPES), (_request, payload, done) =>
    done(null, payload),
  );
}

@ApiTags('training')
@ApiBearerAuth()
@Controller('training')
export class CourseMaterialsController {
  constructor(private readonly materials: CourseMaterialsService) {}

  /** The raw file is the body: `Content-Type: video/mp4 | video/webm | application/pdf`. */
  @Roles('institution', 'organizer', 'admin')
  @Post('courses/:id/materials')
  @ApiConsumes(...Object.keys(COURSE_MATERIAL_TYPES))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ZodResponse({ status: 201, type: CourseMaterialDto })
  upload(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParams,
    @Query() query: UploadQueryDto,
    @Req() request: FastifyRequest,
  ) {
    // No body (or a JSON one) reaches the store as an empty stream and is refused as empty.
    const body = request.body instanceof Readable ? request.body : Readable.from([]);
    return this.materials.upload(actor, id, {
      ...query,
      contentType: request.headers['content-type'] ?? '',
      body,
    });
  }

  @Get('courses/:id/materials')
  @ZodResponse({ status: 200, type: CourseMaterialListDto })
  async list(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return { items: await this.materials.list(actor, id) };
  }

  @Post('materials/:id/link')
  @ZodResponse({ status: 201, type: CourseMaterialLinkDto })
  link(@CurrentActor() actor: Actor, @Param() { id }: IdParams) {
    return this.materials.link(actor, id);
  }

  @Roles('institution', 'organizer', 'admin')
  @Delete('materials/:id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param() { id }: IdParams): Promise<void> {
    await this.materials.remove(actor, id);
  }

  /** Opened by the player through a signed link (see material-link.ts); supports Range. */
  @Public()
  @Get('materials/:id/content')
  @ApiProduces(...Object.keys(COURSE_MATERIAL_TYPES))
  async content(
    @Param() { id }: IdParams,
    @Query() query: LinkQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const result = await this.materials.content(id, query, request.headers.range);
    reply
      .header('accept-ranges', 'bytes')
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff');
    if (result.status === 416)
      return reply.code(416).header('content-range', `bytes */${result.size}`).send();
    reply.header('content-type', result.material.contentType);
    if (result.status === 206 && result.range) {
      const { start, end } = result.range;
      reply
        .code(206)
        .header('content-range', `bytes ${start}-${end}/${result.size}`)
        .header('content-length', end - start + 1);
    } else reply.header('content-length', result.size);
    return reply.send(result.stream);
  }
}
