/**
 * Guidance editions (KCSIE 2026, in force 1 September 2026): registering one flags every
 * policy of the linked types "review required" by the in-force date, whatever its cycle. An
 * approval of a new version or a completed review answers the flag.
 */
import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import type { RegisterGuidanceEditionInput } from './dto/review.types';
import { AuditService } from '../audit/audit.service';
import { POLICY_TYPE_SQL, type PolicyTypeRow } from './review-schedule.service';

export interface EditionRow {
  id: string;
  title: string;
  edition: string;
  inForceOn: string;
  note: string | null;
  registeredAt: Date;
  policyTypes: PolicyTypeRow[];
  flaggedCount: number;
  openCount: number;
}

const EDITION_SQL = `
  SELECT e.id, e.title, e.edition, e.in_force_on AS "inForceOn", e.note, e.registered_at AS "registeredAt",
         coalesce((SELECT jsonb_agg(to_jsonb(t) ORDER BY t.name) FROM guidance_edition_policy_type l JOIN (${POLICY_TYPE_SQL}) t ON t.key = l.policy_type_key
                    WHERE l.organisation_id = e.organisation_id AND l.edition_id = e.id), '[]') AS "policyTypes",
         (SELECT count(*)::int FROM review_flag f WHERE f.organisation_id = e.organisation_id AND f.edition_id = e.id) AS "flaggedCount",
         (SELECT count(*)::int FROM review_flag f WHERE f.organisation_id = e.organisation_id AND f.edition_id = e.id AND f.resolved_at IS NULL) AS "openCount"
    FROM guidance_edition e WHERE e.organisation_id = $1`;

@Injectable()
export class GuidanceService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  private organisationId(): string {
    return RequestContext.require().caller!.membership!.organisationId;
  }

  async editions(): Promise<EditionRow[]> {
    const manager = await this.database.manager();
    return manager.query(`${EDITION_SQL} ORDER BY e.in_force_on DESC, e.title`, [this.organisationId()]);
  }

  /** Records the edition and flags the linked policies; returns it and the ids of the policies flagged. */
  async register(input: RegisterGuidanceEditionInput): Promise<{ edition: EditionRow; flaggedPolicyIds: string[] }> {
    const organisationId = this.organisationId();
    const manager = await this.database.manager();
    const keys = [...new Set(input.policyTypeKeys)];
    if (keys.length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Choose the policy types this guidance affects.', { reason: 'NO_POLICY_TYPES' });
    const known: { key: string }[] = await manager.query(`SELECT key FROM policy_type WHERE key = ANY($1::text[])`, [keys]);
    const unknown = keys.filter((key) => !known.some((row) => row.key === key));
    if (unknown.length) throw new AppError(ErrorCode.BAD_USER_INPUT, `Unknown policy types: ${unknown.join(', ')}.`, { reason: 'UNKNOWN_POLICY_TYPE', unknown });
    const [clash] = await manager.query(`SELECT 1 FROM guidance_edition WHERE organisation_id = $1 AND title = $2 AND edition = $3`, [organisationId, input.title, input.edition]);
    if (clash) throw new AppError(ErrorCode.CONFLICT, `${input.title} ${input.edition} is already registered.`, { reason: 'ALREADY_REGISTERED' });
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO guidance_edition (organisation_id, title, edition, in_force_on, note, registered_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [organisationId, input.title, input.edition, input.inForceOn, input.note || null, RequestContext.require().caller!.personId],
    );
    await manager.query(`INSERT INTO guidance_edition_policy_type (organisation_id, edition_id, policy_type_key) SELECT $1, $2, unnest($3::text[])`, [organisationId, id, keys]);
    const flagged: { policyId: string }[] = await manager.query(
      `INSERT INTO review_flag (organisation_id, policy_id, edition_id, due_on)
       SELECT p.organisation_id, p.id, $2, $3 FROM policy p WHERE p.organisation_id = $1 AND p.deleted_at IS NULL AND p.policy_type_key = ANY($4::text[])
       RETURNING policy_id AS "policyId"`,
      [organisationId, id, input.inForceOn, keys],
    );
    const flaggedPolicyIds = flagged.map((row) => row.policyId);
    await this.audit.record({
      action: 'guidance.registered',
      details: { editionId: id, title: input.title, edition: input.edition, inForceOn: input.inForceOn, policyTypes: keys, flagged: flaggedPolicyIds.length },
    });
    const [edition]: EditionRow[] = await manager.query(`${EDITION_SQL} AND e.id = $2`, [organisationId, id]);
    return { edition: edition!, flaggedPolicyIds };
  }
}
