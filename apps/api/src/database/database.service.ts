/**
 * The only way tenant data is read or written. Every statement runs in a transaction whose
 * first statement sets the tenant (and the person) with set_config(..., true): the setting
 * dies with the transaction, so nothing leaks to the next user of a pooled connection.
 * Row-level security (forced, on every tenant table) keys on that setting, so a forgotten
 * WHERE clause still cannot reach another tenant, and no context means no rows.
 */
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { RequestContext, type RequestState } from '../common/request-context';

export interface TenantContext {
  organisationId: string | null;
  personId?: string | null;
}

@Injectable()
export class Database implements OnApplicationShutdown {
  private readonly logger = new Logger(Database.name);

  constructor(readonly dataSource: DataSource) {}

  /**
   * The current request's transaction, begun on first use with the caller's tenant.
   * Committed or rolled back when the request finishes (see TransactionPlugin and
   * RequestContextMiddleware).
   */
  async manager(): Promise<EntityManager> {
    const state = RequestContext.require();
    if (!state.transaction) {
      const caller = state.caller;
      state.transaction = this.begin({ organisationId: caller?.membership?.organisationId ?? null, personId: caller?.personId ?? null });
      state.transaction.catch(() => undefined);
    }
    return (await state.transaction).manager;
  }

  /** Ends the request's transaction, if one was begun. Safe to call more than once. */
  async finish(state: RequestState, commit: boolean): Promise<void> {
    const pending = state.transaction;
    if (!pending) return;
    state.transaction = undefined;
    let runner: QueryRunner;
    try {
      runner = await pending;
    } catch {
      return;
    }
    const afterCommit = state.afterCommit.splice(0);
    try {
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      if (commit) for (const work of afterCommit) work().catch((error) => this.logger.error(`After-commit work failed: ${String(error)}`));
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Runs `work` in its own transaction with an explicit tenant (public pages, jobs, seeding). */
  async withContext<T>(context: TenantContext, work: (manager: EntityManager) => Promise<T>, dataSource = this.dataSource): Promise<T> {
    const runner = await this.begin(context, dataSource);
    try {
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch((rollbackError) => this.logger.warn(String(rollbackError)));
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async begin(context: TenantContext, dataSource = this.dataSource): Promise<QueryRunner> {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await setTenant(runner.manager, context);
      return runner;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Sets the tenant for the rest of the current transaction only. */
export async function setTenant(manager: EntityManager, context: TenantContext): Promise<void> {
  await manager.query(`select set_config('app.organisation_id', $1, true), set_config('app.person_id', $2, true)`, [
    context.organisationId ?? '',
    context.personId ?? '',
  ]);
}
