/**
 * Background work on a Postgres-backed queue (pg-boss): review reminders every morning and a
 * sweep of unsent email. Every API instance runs a worker; pg-boss hands each job to one of
 * them, and its cron schedule is cluster-safe, so N replicas add capacity, not duplicates.
 * (Exactly-once for a reminder is also kept by the data: see ReminderService.)
 *
 * The queue's schema is created by the owner at start-up, like the migrations, and the runtime
 * role is granted what it needs to use it: the app never holds DDL rights.
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RUNTIME_GROUP_ROLE } from '../database/data-sources';

export const JOB_SCHEMA = 'pgboss';
export const JOB_QUEUE_URL = Symbol('JOB_QUEUE_URL');

export type JobName = 'review-reminders' | 'email-outbox' | 'publish';

/**
 * Each queue, and when it runs on its own (Europe/London). A singleton queue runs one job at a
 * time; publishing runs jobs side by side (each publish job claims its own items).
 */
export const QUEUES: Record<JobName, { cron?: string; policy: 'singleton' | 'standard' }> = {
  'review-reminders': { cron: '0 7 * * *', policy: 'singleton' },
  'email-outbox': { cron: '*/10 * * * *', policy: 'singleton' },
  publish: { policy: 'standard' },
};

const logger = new Logger('Jobs');

/** Owner's start-up work: pg-boss's schema and queues, the schedules, and the runtime role's grants. */
export async function installJobQueue(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false, max: 2 });
  boss.on('error', (error) => logger.error(`Job queue set-up: ${String(error)}`));
  await boss.start();
  try {
    for (const [name, queue] of Object.entries(QUEUES)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: queue.policy, retryLimit: 2, expireInSeconds: 15 * 60 });
      if (queue.cron) await boss.schedule(name, queue.cron, {}, { tz: 'Europe/London' });
    }
  } finally {
    await boss.stop({ graceful: false });
  }
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${RUNTIME_GROUP_ROLE}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${RUNTIME_GROUP_ROLE}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO ${RUNTIME_GROUP_ROLE}`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO ${RUNTIME_GROUP_ROLE}`);
  } finally {
    await client.end();
  }
}

/** What a job carries: nothing for the scheduled run (every organisation), or one organisation's ids; a publish job's tenant and id. */
export interface JobData {
  organisationIds?: string[];
  organisationId?: string;
  publishJobId?: string;
}

type Handler = (data: JobData) => Promise<unknown>;

@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss: PgBoss | null = null;
  private readonly handlers = new Map<JobName, Handler>();
  /** Resolved once the worker has started: work queued earlier in start-up waits for it. */
  private started!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.started = resolve));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_QUEUE_URL) private readonly url: string,
  ) {}

  /** Services say what each job does; the worker starts with the app when jobs are on. */
  register(name: JobName, handler: Handler): void {
    this.handlers.set(name, handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.jobs === 'off') return;
    const schedule = this.config.jobs === 'on';
    const boss = new PgBoss({ connectionString: this.url, schema: JOB_SCHEMA, migrate: false, supervise: schedule, schedule, max: 2, application_name: 'ratify-jobs' });
    boss.on('error', (error) => logger.error(`Job queue: ${String(error)}`));
    await boss.start();
    for (const [name, handler] of this.handlers) {
      await boss.work<JobData>(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) await handler(job.data ?? {});
      });
    }
    this.boss = boss;
    this.started();
  }

  /** Queues a job now (an admin's "send reminders now", a test); null when the queue already holds one. */
  async runSoon(name: JobName, data: JobData = {}): Promise<string | null> {
    if (this.config.jobs === 'off') throw new Error('Background jobs are off (RATIFY_JOBS=0).');
    await this.ready;
    if (!this.boss) throw new Error('The job queue has stopped.');
    return this.boss.send(name, data);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5000 });
    this.boss = null;
  }
}
