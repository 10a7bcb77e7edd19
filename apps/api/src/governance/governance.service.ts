/**
 * Governance bodies and approval routes (the scheme of delegation, as data). Only the
 * organisation's admins change them; everyone in the organisation may read them.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { byKey, requestLoader } from '../common/loaders';
import { RequestContext, type Role } from '../common/request-context';
import { Database } from '../database/database.service';
import type { GovernanceBodyKind } from './governance-body.entity';
import { OrganisationService } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import type { SaveApprovalRouteInput, SaveGovernanceBodyInput } from './dto/governance.types';

export type BodyPosition = 'chair' | 'clerk' | 'member';

export interface BodyMemberRow {
  membershipId: string;
  personId: string;
  name: string;
  position: BodyPosition;
  role: Role;
}

export interface BodyRow {
  id: string;
  name: string;
  kind: GovernanceBodyKind;
  schoolId: string | null;
  quorum: number | null;
  members: BodyMemberRow[];
}

export interface RouteStageRow {
  position: number;
  bodyId: string;
  action: 'approve' | 'ratify';
  appliesTo: 'all' | 'major';
}

export interface RouteRow {
  id: string;
  name: string;
  isDefault: boolean;
  authorMayApprove: boolean;
  minorChangeRole: Role | null;
  localAdoption: 'none' | 'note' | 'adopt';
  stages: RouteStageRow[];
}

export interface MemberRow {
  membershipId: string;
  personId: string;
  name: string;
  role: Role;
  schoolId: string | null;
}

const BODY_SQL = `SELECT b.id, b.name, b.kind, b.school_id AS "schoolId", b.quorum,
    coalesce(jsonb_agg(jsonb_build_object('membershipId', m.id, 'personId', p.id, 'name', p.display_name, 'position', bm.position, 'role', m.role)
      ORDER BY CASE bm.position WHEN 'chair' THEN 0 WHEN 'clerk' THEN 1 ELSE 2 END, p.display_name) FILTER (WHERE bm.membership_id IS NOT NULL), '[]') AS members
  FROM governance_body b
  LEFT JOIN governance_body_member bm ON bm.organisation_id = b.organisation_id AND bm.body_id = b.id
  LEFT JOIN membership m ON m.organisation_id = bm.organisation_id AND m.id = bm.membership_id
  LEFT JOIN person p ON p.id = m.person_id
 WHERE b.organisation_id = $1`;

const ROUTE_SQL = `SELECT r.id, r.name, r.is_default AS "isDefault", r.author_may_approve AS "authorMayApprove", r.minor_change_role AS "minorChangeRole",
    r.local_adoption AS "localAdoption",
    coalesce(jsonb_agg(jsonb_build_object('position', s.position, 'bodyId', s.body_id, 'action', s.action, 'appliesTo', s.applies_to) ORDER BY s.position)
      FILTER (WHERE s.position IS NOT NULL), '[]') AS stages
  FROM approval_route r
  LEFT JOIN approval_route_stage s ON s.organisation_id = r.organisation_id AND s.route_id = r.id
 WHERE r.organisation_id = $1`;

function refuse(message: string, details?: Record<string, unknown>): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, details);
}

@Injectable()
export class GovernanceService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationService,
    private readonly policies: PolicyService,
    private readonly audit: AuditService,
  ) {}

  private organisationId(): string {
    return RequestContext.require().caller!.membership!.organisationId;
  }

  async members(): Promise<MemberRow[]> {
    const manager = await this.database.manager();
    return manager.query(
      `SELECT m.id AS "membershipId", p.id AS "personId", p.display_name AS name, m.role, m.school_id AS "schoolId"
         FROM membership m JOIN person p ON p.id = m.person_id WHERE m.organisation_id = $1 ORDER BY p.display_name, m.id`,
      [this.organisationId()],
    );
  }

  async bodies(): Promise<BodyRow[]> {
    const manager = await this.database.manager();
    return manager.query(`${BODY_SQL} GROUP BY b.id ORDER BY b.kind, b.name`, [this.organisationId()]);
  }

  /** Bodies of the caller's organisation by id, batched. */
  body(id: string): Promise<BodyRow> {
    return requestLoader<string, BodyRow>('governanceBody.byId', async (ids) => {
      const manager = await this.database.manager();
      const rows: BodyRow[] = await manager.query(`${BODY_SQL} AND b.id = ANY($2::uuid[]) GROUP BY b.id`, [this.organisationId(), [...ids]]);
      return byKey(ids, rows, (row) => row.id, () => AppError.notFound('Governance body'));
    }).load(id);
  }

  async saveBody(input: SaveGovernanceBodyInput): Promise<BodyRow> {
    const organisationId = this.organisationId();
    const manager = await this.database.manager();
    const id = input.id ? parseId(input.id, 'Governance body') : null;
    if (id) await this.body(id);
    const schoolId = input.schoolId ? (await this.organisations.schoolOf(organisationId, input.schoolId)).id : null;
    if (input.kind === 'local_governing_body' && !schoolId && (await this.organisations.schoolsOf(organisationId)).length > 0) {
      throw refuse('Choose the academy this local governing body governs.');
    }
    if (input.kind !== 'local_governing_body' && schoolId) throw refuse('Only a local governing body belongs to one academy.');
    const [clash] = await manager.query(`SELECT 1 FROM governance_body WHERE organisation_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3`, [organisationId, input.name, id]);
    if (clash) throw refuse(`There is already a body called "${input.name}".`);
    const members = await this.checkMembers(manager, organisationId, input);
    let bodyId = id;
    if (bodyId) {
      await manager.query(`UPDATE governance_body SET name = $3, kind = $4, school_id = $5, quorum = $6 WHERE organisation_id = $1 AND id = $2`, [
        organisationId,
        bodyId,
        input.name,
        input.kind,
        schoolId,
        input.quorum ?? null,
      ]);
      await manager.query(`DELETE FROM governance_body_member WHERE organisation_id = $1 AND body_id = $2`, [organisationId, bodyId]);
    } else {
      [{ id: bodyId }] = await manager.query(`INSERT INTO governance_body (organisation_id, name, kind, school_id, quorum) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        organisationId,
        input.name,
        input.kind,
        schoolId,
        input.quorum ?? null,
      ]);
    }
    for (const member of members) {
      await manager.query(`INSERT INTO governance_body_member (organisation_id, body_id, membership_id, position) VALUES ($1, $2, $3, $4)`, [
        organisationId,
        bodyId,
        member.membershipId,
        member.position,
      ]);
    }
    const [saved]: BodyRow[] = await manager.query(`${BODY_SQL} AND b.id = $2 GROUP BY b.id`, [organisationId, bodyId]);
    await this.audit.record({
      action: 'governance.body-saved',
      details: { bodyId, name: saved!.name, kind: saved!.kind, quorum: saved!.quorum, members: saved!.members.map((member) => ({ name: member.name, position: member.position })) },
    });
    return saved!;
  }

  private async checkMembers(manager: EntityManager, organisationId: string, input: SaveGovernanceBodyInput) {
    const ids = input.members.map((member) => parseId(member.membershipId, 'Member'));
    if (new Set(ids).size !== ids.length) throw refuse('Each person can be on a body once.');
    for (const position of ['chair', 'clerk'] as const) {
      if (input.members.filter((member) => member.position === position).length > 1) throw refuse(`A body has one ${position}.`);
    }
    const found: { id: string }[] = ids.length ? await manager.query(`SELECT id FROM membership WHERE organisation_id = $1 AND id = ANY($2::uuid[])`, [organisationId, ids]) : [];
    const known = new Set(found.map((row) => row.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw refuse('Some of the people chosen are not members of this organisation.', { unknownMembershipIds: unknown });
    if (input.quorum && input.quorum > ids.length) throw refuse(`A quorum of ${input.quorum} needs at least ${input.quorum} members on the body.`);
    return input.members.map((member, index) => ({ membershipId: ids[index]!, position: member.position }));
  }

  async routes(): Promise<RouteRow[]> {
    const manager = await this.database.manager();
    return manager.query(`${ROUTE_SQL} GROUP BY r.id ORDER BY r.is_default DESC, r.name`, [this.organisationId()]);
  }

  private async routeById(manager: EntityManager, organisationId: string, id: string): Promise<RouteRow | undefined> {
    const [route]: RouteRow[] = await manager.query(`${ROUTE_SQL} AND r.id = $2 GROUP BY r.id`, [organisationId, id]);
    return route;
  }

  /** The route a policy's approvals follow: its own, else the organisation's default; null when there is none. */
  async routeFor(manager: EntityManager, organisationId: string, policyId: string): Promise<RouteRow | null> {
    const [route]: RouteRow[] = await manager.query(
      `${ROUTE_SQL} AND r.id = (SELECT coalesce(p.approval_route_id, (SELECT id FROM approval_route WHERE organisation_id = $1 AND is_default))
                                   FROM policy p WHERE p.organisation_id = $1 AND p.id = $2) GROUP BY r.id`,
      [organisationId, policyId],
    );
    return route ?? null;
  }

  /** The route each policy follows, batched. */
  policyRoute(policyId: string): Promise<RouteRow | null> {
    return requestLoader<string, RouteRow | null>('policy.approvalRoute', async (policyIds) => {
      const organisationId = this.organisationId();
      const manager = await this.database.manager();
      const rows: { policyId: string; routeId: string | null }[] = await manager.query(
        `SELECT p.id AS "policyId", coalesce(p.approval_route_id, (SELECT id FROM approval_route WHERE organisation_id = $1 AND is_default)) AS "routeId"
           FROM policy p WHERE p.organisation_id = $1 AND p.id = ANY($2::uuid[])`,
        [organisationId, [...policyIds]],
      );
      const routes = new Map((await this.routes()).map((route) => [route.id, route]));
      const routeOf = new Map(rows.map((row) => [row.policyId, row.routeId ? (routes.get(row.routeId) ?? null) : null]));
      return policyIds.map((id) => routeOf.get(id) ?? null);
    }).load(policyId);
  }

  async saveRoute(input: SaveApprovalRouteInput): Promise<RouteRow> {
    const organisationId = this.organisationId();
    const manager = await this.database.manager();
    const id = input.id ? parseId(input.id, 'Approval route') : null;
    if (id && !(await this.routeById(manager, organisationId, id))) throw AppError.notFound('Approval route');
    if (input.stages.length === 0) throw refuse('A route needs at least one stage: the body that approves.');
    if (input.stages[0]!.action === 'ratify') throw refuse('The first stage approves; ratifying comes after a body has recommended.');
    if (input.stages[input.stages.length - 1]!.appliesTo === 'major' && input.stages.every((stage) => stage.appliesTo === 'major')) {
      throw refuse('At least one stage must apply to every change.');
    }
    const bodyIds = input.stages.map((stage) => parseId(stage.bodyId, 'Governance body'));
    if (new Set(bodyIds).size !== bodyIds.length) throw refuse('A body can appear in a route once.');
    for (const bodyId of bodyIds) await this.body(bodyId);
    const [clash] = await manager.query(`SELECT 1 FROM approval_route WHERE organisation_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3`, [organisationId, input.name, id]);
    if (clash) throw refuse(`There is already a route called "${input.name}".`);
    if (input.isDefault) await manager.query(`UPDATE approval_route SET is_default = false WHERE organisation_id = $1 AND is_default AND id IS DISTINCT FROM $2`, [organisationId, id]);
    const values = [input.name, input.isDefault, input.authorMayApprove, input.minorChangeRole ?? null, input.localAdoption];
    let routeId = id;
    if (routeId) {
      await manager.query(
        `UPDATE approval_route SET name = $3, is_default = $4, author_may_approve = $5, minor_change_role = $6, local_adoption = $7 WHERE organisation_id = $1 AND id = $2`,
        [organisationId, routeId, ...values],
      );
      await manager.query(`DELETE FROM approval_route_stage WHERE organisation_id = $1 AND route_id = $2`, [organisationId, routeId]);
    } else {
      [{ id: routeId }] = await manager.query(
        `INSERT INTO approval_route (organisation_id, name, is_default, author_may_approve, minor_change_role, local_adoption) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [organisationId, ...values],
      );
    }
    for (const [index, stage] of input.stages.entries()) {
      await manager.query(`INSERT INTO approval_route_stage (organisation_id, route_id, position, body_id, action, applies_to) VALUES ($1, $2, $3, $4, $5, $6)`, [
        organisationId,
        routeId,
        index + 1,
        bodyIds[index],
        stage.action,
        stage.appliesTo,
      ]);
    }
    const saved = (await this.routeById(manager, organisationId, routeId!))!;
    await this.audit.record({ action: 'governance.route-saved', details: { ...saved } });
    return saved;
  }

  /** Gives a policy its own route, or (null) returns it to the organisation's default. */
  async setPolicyRoute(policyId: string, routeId: string | null): Promise<void> {
    const organisationId = this.organisationId();
    const policy = await this.policies.get(policyId);
    const manager = await this.database.manager();
    const id = routeId ? parseId(routeId, 'Approval route') : null;
    if (id && !(await this.routeById(manager, organisationId, id))) throw AppError.notFound('Approval route');
    await manager.query(`UPDATE policy SET approval_route_id = $3 WHERE organisation_id = $1 AND id = $2`, [organisationId, policy.id, id]);
    await this.audit.record({ action: 'governance.policy-route-set', policyId: policy.id, details: { routeId: id } });
  }
}
