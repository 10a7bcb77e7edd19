import { CallHandler, ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { Database } from '../database/database.service';
import { RequestContext } from './request-context';

/** For REST routes: commit the request's transaction when the handler succeeds, roll back when it throws. */
@Injectable()
export class HttpTransactionInterceptor implements NestInterceptor {
  constructor(private readonly database: Database) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const state = RequestContext.current();
    if (context.getType() !== 'http' || !state) return next.handle();
    return from(
      (async () => {
        try {
          const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
          await this.database.finish(state, true);
          return result;
        } catch (error) {
          await this.database.finish(state, false).catch(() => undefined);
          throw error;
        }
      })(),
    );
  }
}
