/**
 * The audit trail: an append-only, hash-chained record of who did what to which version.
 * Written in the same transaction as the change it records, so both commit or neither does.
 * Each organisation's events form a chain: an event's hash covers the previous event's hash
 * and its own canonical content, so an edit made behind the database's back (a superuser
 * disabling the triggers) shows up when the chain is verified.
 */
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../common/content-hash';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';

export type AuditAction =
  | 'approval.submitted'
  | 'approval.decided'
  | 'approval.withdrawn'
  | 'version.approved'
  | 'policy.published'
  | 'branding.changed'
  | 'governance.body-saved'
  | 'governance.route-saved'
  | 'governance.policy-route-set'
  | 'calendar.saved'
  | 'calendar.year-deleted'
  | 'calendar-feed.created'
  | 'calendar-feed.revoked'
  | 'guidance.registered'
  | 'review.schedule-set'
  | 'review.completed'
  | 'review.reminders-set'
  | 'invitation.sent'
  | 'invitation.resent'
  | 'invitation.cancelled'
  | 'invitation.accepted'
  | 'membership.changed'
  | 'membership.removed';

export interface AuditEntry {
  action: AuditAction;
  policyId?: string | null;
  versionId?: string | null;
  contentHash?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEventRow {
  id: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  policyId: string | null;
  policyTitle: string | null;
  versionId: string | null;
  versionNumber: string | null;
  contentHash: string | null;
  details: Record<string, unknown>;
}

interface ChainRow {
  seq: string;
  organisation_id: string;
  occurred_at: string;
  actor_id: string | null;
  action: string;
  policy_id: string | null;
  version_id: string | null;
  content_hash: string | null;
  details: Record<string, unknown>;
  prev_hash: string | null;
  hash: string;
}

function eventHash(prevHash: string | null, event: Omit<ChainRow, 'prev_hash' | 'hash'>): string {
  return createHash('sha256')
    .update(prevHash ?? '')
    .update(canonicalJson({ ...event, seq: String(event.seq) }))
    .digest('hex');
}

@Injectable()
export class AuditService {
  constructor(private readonly database: Database) {}

  /** Appends an event for the caller's organisation, in the request's transaction. */
  async record(entry: AuditEntry): Promise<void> {
    const caller = RequestContext.require().caller!;
    await appendAuditEvent(await this.database.manager(), caller.membership!.organisationId, caller.personId, entry);
  }

  /** A policy's events (or the organisation's), oldest first, with names for people, policies and versions. */
  async events(policyId: string | null): Promise<AuditEventRow[]> {
    const organisationId = RequestContext.require().caller!.membership!.organisationId;
    const manager = await this.database.manager();
    return manager.query(
      `SELECT e.id, e.seq::int AS seq, e.occurred_at AS "occurredAt", e.actor_id AS "actorId", person.display_name AS "actorName", e.action,
              e.policy_id AS "policyId", p.title AS "policyTitle", e.version_id AS "versionId",
              CASE WHEN v.major IS NULL THEN NULL ELSE v.major || '.' || v.minor END AS "versionNumber", e.content_hash AS "contentHash", e.details
         FROM audit_event e
         LEFT JOIN person ON person.id = e.actor_id
         LEFT JOIN policy p ON p.organisation_id = e.organisation_id AND p.id = e.policy_id
         LEFT JOIN policy_version v ON v.organisation_id = e.organisation_id AND v.id = e.version_id
        WHERE e.organisation_id = $1 AND ($2::uuid IS NULL OR e.policy_id = $2)
        ORDER BY e.seq
        LIMIT 10000`,
      [organisationId, policyId],
    );
  }

  /** Re-computes the organisation's chain; the first event whose hash does not follow, or null when all do. */
  async verify(): Promise<{ events: number; brokenAt: number | null }> {
    const organisationId = RequestContext.require().caller!.membership!.organisationId;
    const manager = await this.database.manager();
    const rows: ChainRow[] = await manager.query(
      `SELECT seq::text AS seq, organisation_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, actor_id, action, policy_id, version_id, content_hash, details, prev_hash, hash
         FROM audit_event WHERE organisation_id = $1 ORDER BY audit_event.seq`,
      [organisationId],
    );
    let previous: string | null = null;
    for (const row of rows) {
      const { prev_hash, hash, ...event } = row;
      if (prev_hash !== previous || hash !== eventHash(previous, event)) return { events: rows.length, brokenAt: Number(row.seq) };
      previous = hash;
    }
    return { events: rows.length, brokenAt: null };
  }
}

/** Appends an event to an organisation's chain in the given transaction (the tenant must be set on it). */
export async function appendAuditEvent(manager: EntityManager, organisationId: string, actorId: string | null, entry: AuditEntry): Promise<void> {
  // One writer per organisation's chain at a time, until this transaction ends.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('audit:' || $1, 0))`, [organisationId]);
  const [last]: { seq: string; hash: string }[] = await manager.query(
    `SELECT seq::text AS seq, hash FROM audit_event WHERE organisation_id = $1 ORDER BY audit_event.seq DESC LIMIT 1`,
    [organisationId],
  );
  const [{ now }]: { now: string }[] = await manager.query(`SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now`);
  const event = {
    seq: String(Number(last?.seq ?? 0) + 1),
    organisation_id: organisationId,
    occurred_at: now,
    actor_id: actorId,
    action: entry.action,
    policy_id: entry.policyId ?? null,
    version_id: entry.versionId ?? null,
    content_hash: entry.contentHash ?? null,
    details: entry.details ?? {},
  };
  const prevHash = last?.hash ?? null;
  await manager.query(
    `INSERT INTO audit_event (organisation_id, seq, occurred_at, actor_id, action, policy_id, version_id, content_hash, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [organisationId, event.seq, now, actorId, event.action, event.policy_id, event.version_id, event.content_hash, JSON.stringify(event.details), prevHash, eventHash(prevHash, event)],
  );
}
