/**
 * Review reminders, at the lead times each trust sets (60, 30 and 7 days before, on the day,
 * weekly when overdue), to the policy's owner and the trust's admins, in the app and by email.
 *
 * Exactly once: each reminder has a stable key (`ahead:30:2026-12-18`), and it is written to
 * `review_reminder` under a unique constraint in the same transaction as its notifications.
 * Two instances running the sweep at once both try the insert; the second waits for the first
 * to commit and then inserts nothing, so it notifies no one.
 */
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { dueReminder, periodForDue, validateReminderSettings, type DueReminder, type ReminderSettings } from '@ratify/calendar';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { formatUkDate } from '../common/dates';
import { AppError, ErrorCode } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database.service';
import { JobQueue, type JobData } from '../jobs/job-queue';
import { Mailer } from '../notification/mailer';
import { writeNotifications, type Message } from '../notification/notification.service';
import { loadCalendars } from './calendar.service';
import { effectiveDue } from './due-dates';
import { OPEN_FLAGS_SQL, type FlagRow } from './review-schedule.service';

export const DEFAULT_REMINDERS: ReminderSettings = { leadDays: [60, 30, 7, 0], overdueWeekly: true };

interface DuePolicy {
  id: string;
  title: string;
  nextReviewOn: string | null;
  ownerPersonId: string | null;
}

export async function reminderSettings(manager: EntityManager, organisationId: string): Promise<ReminderSettings> {
  const [row]: { leadDays: number[]; overdueWeekly: boolean }[] = await manager.query(
    `SELECT lead_days AS "leadDays", overdue_weekly AS "overdueWeekly" FROM review_settings WHERE organisation_id = $1`,
    [organisationId],
  );
  return row ?? DEFAULT_REMINDERS;
}

function reminderText(title: string, reminder: DueReminder, dueOn: string, term: string | null): string {
  const when = term ? `${term}, by ${formatUkDate(dueOn)}` : `by ${formatUkDate(dueOn)}`;
  if (reminder.kind === 'ahead') return `Review due in ${reminder.daysLeft} days: ${title} (${when})`;
  if (reminder.kind === 'due') return `Review due today: ${title} (${when})`;
  const weeks = Math.floor(-reminder.daysLeft / 7);
  return `Review overdue by ${weeks} week${weeks === 1 ? '' : 's'}: ${title} (was due ${formatUkDate(dueOn)})`;
}

@Injectable()
export class ReminderService implements OnModuleInit {
  private readonly logger = new Logger(ReminderService.name);

  constructor(
    private readonly database: Database,
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register('review-reminders', (data) => this.sendDue(data));
    this.jobs.register('email-outbox', (data) => this.deliverOutboxes(data));
  }

  private async organisations(data: JobData): Promise<string[]> {
    if (data.organisationIds) return data.organisationIds;
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM organisation WHERE kind <> 'publisher' AND parent_id IS NULL ORDER BY id`);
    return rows.map((row) => row.id);
  }

  /** Sends every reminder due today that has not been sent; returns how many reminders went out. */
  async sendDue(data: JobData = {}): Promise<number> {
    const today = this.clock.today();
    let sent = 0;
    for (const organisationId of await this.organisations(data)) {
      const count = await this.database.withContext({ organisationId }, (manager) => this.sendFor(manager, organisationId, today));
      if (count > 0 && this.mailer.configured) await this.mailer.deliver(organisationId);
      sent += count;
    }
    if (sent) this.logger.log(`Sent ${sent} review reminder${sent === 1 ? '' : 's'}`);
    return sent;
  }

  private async sendFor(manager: EntityManager, organisationId: string, today: string): Promise<number> {
    const settings = await reminderSettings(manager, organisationId);
    const policies: DuePolicy[] = await manager.query(
      `SELECT p.id, p.title, p.next_review_on AS "nextReviewOn", m.person_id AS "ownerPersonId"
         FROM policy p
         LEFT JOIN membership m ON m.organisation_id = p.organisation_id AND m.id = p.owner_id
        WHERE p.organisation_id = $1 AND p.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM policy_version v WHERE v.organisation_id = p.organisation_id AND v.policy_id = p.id AND v.status = 'approved')`,
      [organisationId],
    );
    if (policies.length === 0) return 0;
    const flags: FlagRow[] = await manager.query(OPEN_FLAGS_SQL, [organisationId]);
    const admins: { personId: string }[] = await manager.query(`SELECT person_id AS "personId" FROM membership WHERE organisation_id = $1 AND role = 'admin' AND school_id IS NULL`, [
      organisationId,
    ]);
    const calendar = (await loadCalendars(manager, organisationId)).forSchool(null);
    let sent = 0;
    for (const policy of policies) {
      const policyFlags = flags.filter((flag) => flag.policyId === policy.id);
      const dueOn = effectiveDue(policy.nextReviewOn, policyFlags);
      const reminder = dueOn ? dueReminder(dueOn, today, settings) : null;
      if (!dueOn || !reminder) continue;
      const recipients = [...new Set([policy.ownerPersonId, ...admins.map((admin) => admin.personId)].filter((id): id is string => !!id))];
      const [claimed] = await manager.query(
        `INSERT INTO review_reminder (organisation_id, policy_id, reminder_key, due_on, recipients) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ON CONSTRAINT review_reminder_once DO NOTHING RETURNING id`,
        [organisationId, policy.id, reminder.key, dueOn, recipients.length],
      );
      if (!claimed || recipients.length === 0) continue;
      const message: Message = {
        text: reminderText(policy.title, reminder, dueOn, periodForDue(calendar, dueOn)?.label ?? null),
        link: `/policies/${policy.id}`,
        detail: policyFlags.length ? `Review required by new guidance: ${policyFlags.map((flag) => `${flag.reason} (in force ${formatUkDate(flag.dueOn)})`).join('; ')}.` : undefined,
      };
      await writeNotifications(manager, organisationId, recipients, message, this.config.publicUrl);
      sent++;
    }
    return sent;
  }

  /** The sweep that retries email a failed SMTP delivery left in an outbox. */
  private async deliverOutboxes(data: JobData): Promise<number> {
    if (!this.mailer.configured) return 0;
    let sent = 0;
    for (const organisationId of await this.organisations(data)) sent += await this.mailer.deliver(organisationId);
    return sent;
  }

  async settings(): Promise<ReminderSettings> {
    const organisationId = RequestContext.require().caller!.membership!.organisationId;
    return reminderSettings(await this.database.manager(), organisationId);
  }

  async saveSettings(settings: ReminderSettings): Promise<ReminderSettings> {
    const organisationId = RequestContext.require().caller!.membership!.organisationId;
    const problems = validateReminderSettings(settings);
    if (problems.length) throw new AppError(ErrorCode.BAD_USER_INPUT, problems.join(' '), { reason: 'INVALID_REMINDER_SETTINGS', problems });
    // Validation refuses repeats; kept longest first, as people read them.
    const leadDays = [...settings.leadDays].sort((a, b) => b - a);
    const manager = await this.database.manager();
    await manager.query(
      `INSERT INTO review_settings (organisation_id, lead_days, overdue_weekly) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id) DO UPDATE SET lead_days = EXCLUDED.lead_days, overdue_weekly = EXCLUDED.overdue_weekly`,
      [organisationId, leadDays, settings.overdueWeekly],
    );
    await this.audit.record({ action: 'review.reminders-set', details: { leadDays, overdueWeekly: settings.overdueWeekly } });
    return { leadDays, overdueWeekly: settings.overdueWeekly };
  }
}
