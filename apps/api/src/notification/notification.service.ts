/**
 * Telling people: an in-app notification and an email for each person, written in the
 * request's transaction, the email sent once it commits (see Mailer).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database.service';
import { Mailer } from './mailer';

export interface Message {
  /** One sentence for the in-app list and the email's subject. */
  text: string;
  /** The app path it is about, e.g. /approvals/{id}. */
  link: string;
  /** More for the email's body. */
  detail?: string;
}

export interface NotificationRow {
  id: string;
  message: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
}

function emailBody(message: Message, publicUrl: string): string {
  return [message.text, message.detail, `Open it in Ratify: ${publicUrl}${message.link}`].filter(Boolean).join('\n\n');
}

/** Writes the in-app notifications and the outbox rows (sent once the transaction commits). */
export async function writeNotifications(manager: EntityManager, organisationId: string, recipients: string[], message: Message, publicUrl: string): Promise<void> {
  await manager.query(`INSERT INTO notification (organisation_id, person_id, message, link) SELECT $1, unnest($2::uuid[]), $3, $4`, [organisationId, recipients, message.text, message.link]);
  const body = emailBody(message, publicUrl);
  await manager.query(`INSERT INTO email_outbox (organisation_id, to_address, subject, body) SELECT $1, email, $3, $4 FROM person WHERE id = ANY($2::uuid[])`, [
    organisationId,
    recipients,
    message.text,
    body,
  ]);
}

@Injectable()
export class NotificationService {
  constructor(
    private readonly database: Database,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private caller() {
    const caller = RequestContext.require().caller!;
    return { personId: caller.personId, organisationId: caller.membership!.organisationId };
  }

  /** Tells each person once (duplicates and the caller themselves are skipped). */
  async notify(personIds: string[], message: Message): Promise<void> {
    const { personId: caller, organisationId } = this.caller();
    const recipients = [...new Set(personIds)].filter((id) => id !== caller);
    if (recipients.length === 0) return;
    await writeNotifications(await this.database.manager(), organisationId, recipients, message, this.config.publicUrl);
    this.deliverAfterCommit(organisationId);
  }

  /** Emails someone who may not have an account yet (an invitation): the outbox row only, sent once the request commits. */
  async emailAddress(to: string, message: Message): Promise<void> {
    const { organisationId } = this.caller();
    const manager = await this.database.manager();
    await manager.query(`INSERT INTO email_outbox (organisation_id, to_address, subject, body) VALUES ($1, $2, $3, $4)`, [organisationId, to, message.text, emailBody(message, this.config.publicUrl)]);
    this.deliverAfterCommit(organisationId);
  }

  private deliverAfterCommit(organisationId: string): void {
    if (this.mailer.configured) RequestContext.require().afterCommit.push(async () => void (await this.mailer.deliver(organisationId)));
  }

  async list(first: number): Promise<NotificationRow[]> {
    const { personId, organisationId } = this.caller();
    const manager = await this.database.manager();
    return manager.query(
      `SELECT id, message, link, created_at AS "createdAt", read_at AS "readAt" FROM notification
        WHERE organisation_id = $1 AND person_id = $2 ORDER BY created_at DESC, id LIMIT $3`,
      [organisationId, personId, Math.min(Math.max(first, 1), 200)],
    );
  }

  async unreadCount(): Promise<number> {
    const { personId, organisationId } = this.caller();
    const manager = await this.database.manager();
    const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM notification WHERE organisation_id = $1 AND person_id = $2 AND read_at IS NULL`, [
      organisationId,
      personId,
    ]);
    return count;
  }

  /** Marks the caller's notifications read (all of them when ids is empty); returns how many changed. */
  async markRead(ids: string[]): Promise<number> {
    const { personId, organisationId } = this.caller();
    if (ids.length > 500) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Mark at most 500 notifications at once, or pass none to mark them all.');
    const parsed = ids.map((id) => parseId(id, 'Notification'));
    const manager = await this.database.manager();
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE notification SET read_at = now() WHERE organisation_id = $1 AND person_id = $2 AND read_at IS NULL AND (cardinality($3::uuid[]) = 0 OR id = ANY($3::uuid[]))`,
      [organisationId, personId, parsed],
    );
    return affected;
  }

  async outbox(first: number): Promise<OutboxRow[]> {
    const { organisationId } = this.caller();
    const manager = await this.database.manager();
    return manager.query(
      `SELECT id, to_address AS "to", subject, body, created_at AS "createdAt", sent_at AS "sentAt", attempts, last_error AS "lastError"
         FROM email_outbox WHERE organisation_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [organisationId, Math.min(Math.max(first, 1), 200)],
    );
  }
}
