import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ApiErrorBody, ErrorCode } from '@platform/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { AppError } from './app-error';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'AUTH_UNAUTHENTICATED',
  403: 'FORBIDDEN_ROLE',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** The one place errors become responses: `{ code, message, details }`, never a stack. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const { status, body } = this.toResponse(exception);
    if (status >= 500) this.logger.error({ err: exception, reqId: request.id }, 'unhandled error');
    void reply.status(status).header('x-request-id', request.id).send(body);
  }

  toResponse(exception: unknown): { status: number; body: ApiErrorBody } {
    if (exception instanceof AppError) {
      return {
        status: exception.status,
        body: { code: exception.code, message: exception.message, details: exception.details },
      };
    }
    if (exception instanceof ZodValidationException) {
      return { status: 400, body: validationBody(exception.getZodError() as ZodError) };
    }
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (isJsonSyntaxError(fastifyError)) return fromFastifyError(400, 'FST_ERR_CTP_INVALID_JSON_BODY');
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      return fromFastifyError(fastifyError.statusCode, fastifyError.code, fastifyError.message);
    }
    if (isOutage(exception)) {
      // Nothing was done: the request failed before or inside its transaction. Saying so lets the
      // page offer "try again" instead of "something broke".
      return {
        status: 503,
        body: {
          code: 'SERVICE_UNAVAILABLE',
          message:
            'A service the platform needs is briefly unreachable; nothing was saved, please try again. 服务暂时不可用，本次操作未生效，请稍后重试。',
        },
      };
    }
    return {
      status: 500,
      body: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. 服务器内部错误。' },
    };
  }
}

function validationBody(error: ZodError): ApiErrorBody {
  const fields = error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
    code: issue.code,
  }));
  const first = fields[0];
  const message = first ? `Invalid input at "${first.path || '(body)'}": ${first.message}` : 'Invalid input';
  return { code: 'VALIDATION_FAILED', message, details: { fields } };
}

function fromHttpException(exception: HttpException): { status: number; body: ApiErrorBody } {
  const status = exception.getStatus();
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
  const message = status === 404 ? 'No such resource. 资源不存在。' : exception.message;
  return { status, body: { code, message } };
}

/** Fastify reports unparsable JSON as a 400 whose message names JSON; Nest wraps it in HttpException. */
function isJsonSyntaxError(
  error: { code?: string; message?: string; statusCode?: number } | undefined,
): boolean {
  if (!error) return false;
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return true;
  const status = error instanceof HttpException ? error.getStatus() : error.statusCode;
  return (
    status === 400 && /not valid JSON|Unexpected token|Unexpected end of JSON|JSON/.test(error.message ?? '')
  );
}

function fromFastifyError(
  status: number,
  code: string | undefined,
  message = 'Bad request',
): { status: number; body: ApiErrorBody } {
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return {
      status: 400,
      body: {
        code: 'MALFORMED_JSON',
        message: 'The request body is not valid JSON. 请求体不是合法的 JSON。',
      },
    };
  }
  if (status === 413)
    return { status, body: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' } };
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return {
      status: 415,
      body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type; send application/json.' },
    };
  }
  return { status, body: { code: STATUS_CODES[status] ?? 'VALIDATION_FAILED', message } };
}

const OUTAGE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
// PostgreSQL: admin/crash shutdown, cannot connect now, connection failures (SQLSTATE classes 57P, 08).
const OUTAGE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

/** PostgreSQL or Redis is down or restarting (a dropped connection, not a bad query). */
function isOutage(exception: unknown): boolean {
  const error = exception as { name?: string; code?: string; message?: string } | undefined;
  if (!error || typeof error !== 'object') return false;
  if (error.name === 'MaxRetriesPerRequestError') return true; // ioredis gave up while Redis is away
  if (error.code && (OUTAGE_SOCKET_CODES.has(error.code) || OUTAGE_SQLSTATES.has(error.code))) return true;
  return /^(Connection is closed\.|Connection terminated( unexpectedly)?)$/.test(error.message ?? '');
}
