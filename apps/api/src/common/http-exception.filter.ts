import { ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { HTTP_STATUS, toTypedError, type ErrorCode } from './errors';

/** REST routes answer errors as { error: { code, message, details? } } with the matching status, as GraphQL's extensions do. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const typed = toTypedError(exception);
    if (response.headersSent) return;
    response.status(HTTP_STATUS[typed.code as ErrorCode] ?? 500).json({ error: { code: typed.code, message: typed.message, ...(typed.details ? { details: typed.details } : {}) } });
  }
}
