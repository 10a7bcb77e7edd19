/**
 * The review calendar as an iCalendar feed Outlook and Google Calendar subscribe to. Its
 * address carries a secret (only its SHA-256 is stored); revoking the feed makes the address
 * answer 404 at once. One all-day event per policy on its next review date, with a stable UID
 * so that a moved date moves the event instead of adding another.
 */
import { Inject, Injectable } from '@nestjs/common';
import { periodForDue } from '@ratify/calendar';
import ical from 'ical-generator';
import { AuditService } from '../audit/audit.service';
import { formatUkDate } from '../common/dates';
import { AppError } from '../common/errors';
import { parseId } from '../common/ids';
import { RequestContext } from '../common/request-context';
import { hashSecretToken, newSecretToken, SECRET_TOKEN_FORMAT } from '../common/secret-token';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database.service';
import { OrganisationService } from '../organisation/organisation.service';
import { loadCalendars } from './calendar.service';
import { effectiveDue } from './due-dates';
import { OPEN_FLAGS_SQL, type FlagRow } from './review-schedule.service';

export interface FeedRow {
  id: string;
  label: string;
  createdAt: Date;
  revokedAt: Date | null;
  createdById: string | null;
  createdByName: string | null;
}

const FEED_SQL = `SELECT f.id, f.label, f.created_at AS "createdAt", f.revoked_at AS "revokedAt", f.created_by AS "createdById", p.display_name AS "createdByName"
  FROM calendar_feed f LEFT JOIN person p ON p.id = f.created_by WHERE f.organisation_id = $1`;

@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private caller() {
    const caller = RequestContext.require().caller!;
    return { personId: caller.personId, organisationId: caller.membership!.organisationId };
  }

  async feeds(): Promise<FeedRow[]> {
    const manager = await this.database.manager();
    return manager.query(`${FEED_SQL} ORDER BY f.revoked_at IS NOT NULL, f.created_at DESC`, [this.caller().organisationId]);
  }

  async create(label: string): Promise<{ feed: FeedRow; url: string }> {
    const { personId, organisationId } = this.caller();
    const token = newSecretToken();
    const manager = await this.database.manager();
    const [{ id }]: { id: string }[] = await manager.query(`INSERT INTO calendar_feed (organisation_id, token_hash, label, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [
      organisationId,
      hashSecretToken(token),
      label,
      personId,
    ]);
    const [feed]: FeedRow[] = await manager.query(`${FEED_SQL} AND f.id = $2`, [organisationId, id]);
    await this.audit.record({ action: 'calendar-feed.created', details: { feedId: id, label } });
    const organisation = await this.organisations.load(organisationId);
    return { feed: feed!, url: `${this.config.publicUrl}/api/calendar/${organisation.slug}/${token}.ics` };
  }

  async revoke(id: string): Promise<FeedRow> {
    const { organisationId } = this.caller();
    const manager = await this.database.manager();
    const [feed]: FeedRow[] = await manager.query(`${FEED_SQL} AND f.id = $2`, [organisationId, parseId(id, 'Calendar feed')]);
    if (!feed) throw AppError.notFound('Calendar feed');
    if (!feed.revokedAt) {
      await manager.query(`UPDATE calendar_feed SET revoked_at = now() WHERE organisation_id = $1 AND id = $2`, [organisationId, feed.id]);
      await this.audit.record({ action: 'calendar-feed.revoked', details: { feedId: feed.id, label: feed.label } });
    }
    const [revoked]: FeedRow[] = await manager.query(`${FEED_SQL} AND f.id = $2`, [organisationId, feed.id]);
    return revoked!;
  }

  /** The feed's text, or null for an unknown organisation, a wrong or revoked token (the same 404 for all). */
  async render(slug: string, token: string): Promise<string | null> {
    if (!SECRET_TOKEN_FORMAT.test(token)) return null;
    const organisation = await this.organisations.bySlug(slug);
    if (!organisation || organisation.parentId) return null;
    return this.database.withContext({ organisationId: organisation.id }, async (manager) => {
      const [feed] = await manager.query(`SELECT id FROM calendar_feed WHERE organisation_id = $1 AND token_hash = $2 AND revoked_at IS NULL`, [organisation.id, hashSecretToken(token)]);
      if (!feed) return null;
      const policies: { id: string; title: string; nextReviewOn: string | null; version: string }[] = await manager.query(
        `SELECT p.id, p.title, p.next_review_on AS "nextReviewOn", v.major || '.' || v.minor AS version
           FROM policy p JOIN policy_version v ON v.organisation_id = p.organisation_id AND v.policy_id = p.id AND v.status = 'approved'
          WHERE p.organisation_id = $1 AND p.deleted_at IS NULL ORDER BY p.title`,
        [organisation.id],
      );
      const flags: FlagRow[] = await manager.query(OPEN_FLAGS_SQL, [organisation.id]);
      const calendar = (await loadCalendars(manager, organisation.id)).forSchool(null);
      const feedCalendar = ical({ name: `${organisation.name}: policy reviews`, prodId: { company: 'Ratify', product: 'policy-reviews', language: 'EN' }, ttl: 60 * 60 * 6 });
      for (const policy of policies) {
        const policyFlags = flags.filter((flag) => flag.policyId === policy.id);
        const dueOn = effectiveDue(policy.nextReviewOn, policyFlags);
        if (!dueOn) continue;
        const term = periodForDue(calendar, dueOn);
        feedCalendar.createEvent({
          id: `review-${policy.id}@ratify`,
          allDay: true,
          start: new Date(`${dueOn}T00:00:00Z`),
          summary: `Review due: ${policy.title}`,
          description: [
            `${policy.title} (version ${policy.version}) is due for review${term ? ` in ${term.label}` : ''}, by ${formatUkDate(dueOn)}.`,
            ...policyFlags.map((flag) => `Review required: ${flag.reason}.`),
          ].join('\n'),
          url: `${this.config.publicUrl}/policies/${policy.id}`,
        });
      }
      return feedCalendar.toString();
    });
  }
}
