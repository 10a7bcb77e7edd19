import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError, ErrorCode } from './errors';

/**
 * The same cross-site request rule Apollo applies to GraphQL, for REST routes that change or
 * read private data with the session cookie (uploads): a header a plain HTML form cannot send,
 * which forces the browser to ask the server first (a CORS preflight) when the page is elsewhere.
 */
@Injectable()
export class PreflightGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.headers['apollo-require-preflight'] || request.headers['x-apollo-operation-name']) return true;
    throw new AppError(ErrorCode.BAD_USER_INPUT, "This request has been blocked as a possible cross-site request forgery: send the header 'apollo-require-preflight: true'.");
  }
}
