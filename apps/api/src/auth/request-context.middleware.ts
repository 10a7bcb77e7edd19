import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { newRequestState, RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-cookie';

/**
 * Opens the request's context: who is calling (from the session cookie; never from a
 * header or the URL), and a safety net that rolls back a transaction nobody finished.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(
    private readonly auth: AuthService,
    private readonly database: Database,
  ) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const state = newRequestState();
    try {
      state.caller = await this.auth.authenticate(request.cookies?.[SESSION_COOKIE]);
    } catch (error) {
      next(error);
      return;
    }
    response.on('close', () => void this.database.finish(state, false).catch(() => undefined));
    RequestContext.run(state, () => next());
  }
}
