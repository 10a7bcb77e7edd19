/**
 * Email delivery. Every email is first written to the organisation's outbox in the same
 * transaction as the change it reports; once that transaction commits, the unsent rows are
 * sent through SMTP when SMTP_URL is configured. Without SMTP they stay in the outbox, which
 * the app shows (the embedded default: nothing to install to try Ratify). A row is claimed
 * with FOR UPDATE SKIP LOCKED, so two API instances never send it twice.
 */
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database.service';

const MAX_ATTEMPTS = 5;

@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: Database,
  ) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  /** Sends the organisation's unsent email, one row at a time, each in its own transaction. */
  async deliver(organisationId: string): Promise<number> {
    if (!this.transport) return 0;
    let sent = 0;
    for (;;) {
      const delivered = await this.database.withContext({ organisationId }, async (manager) => {
        const [row]: { id: string; to_address: string; subject: string; body: string }[] = await manager.query(
          `SELECT id, to_address, subject, body FROM email_outbox
            WHERE organisation_id = $1 AND sent_at IS NULL AND attempts < $2
            ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [organisationId, MAX_ATTEMPTS],
        );
        if (!row) return null;
        try {
          await this.transport!.sendMail({ from: this.config.mailFrom, to: row.to_address, subject: row.subject, text: row.body });
          await manager.query(`UPDATE email_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE organisation_id = $1 AND id = $2`, [organisationId, row.id]);
          return true;
        } catch (error) {
          this.logger.warn(`Could not send email ${row.id}: ${String(error)}`);
          await manager.query(`UPDATE email_outbox SET attempts = attempts + 1, last_error = $3 WHERE organisation_id = $1 AND id = $2`, [organisationId, row.id, String(error).slice(0, 500)]);
          return false;
        }
      });
      if (delivered === null || delivered === false) return sent;
      sent++;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
