/**
 * Clause locks and school variants. A school's copy is the trust's current version with the
 * school's overrides applied; overrides are checked against the trust's text and locks before
 * they are saved, and carried forward (with anything doubtful flagged) when the trust moves on.
 */
import { Injectable } from '@nestjs/common';
import { listClauses, renderHtml, type PolicyDocument } from '@ratify/document';
import { applyOverrides, carryForward, divergence, validateOverrides, type ClauseLocks, type Override } from '@ratify/merge';
import type { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import type { OrganisationEntity } from '../organisation/organisation.entity';
import { maySpeakForSchool, OrganisationService } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import { plainValues, variableValuesFor } from '../variable/variable-values';
import type { Reconfirmation, SchoolVariant } from './dto/variant.types';

/** The school's document for a trust version: stored overrides, carried forward if they were made on an older version. */
export async function schoolCopy(
  manager: EntityManager,
  organisationId: string,
  schoolId: string,
  policyId: string,
  current: { id: string; content: PolicyDocument },
): Promise<{ document: PolicyDocument; overrides: Override[]; basedOnVersionId: string | null; needsReconfirmation: Reconfirmation[] }> {
  const [row]: { overrides: Override[]; based_on_version_id: string }[] = await manager.query(
    `SELECT overrides, based_on_version_id FROM school_variant WHERE organisation_id = $1 AND school_id = $2 AND policy_id = $3`,
    [organisationId, schoolId, policyId],
  );
  if (!row) return { document: current.content, overrides: [], basedOnVersionId: null, needsReconfirmation: [] };
  if (row.based_on_version_id === current.id) return { document: applyOverrides(current.content, row.overrides), overrides: row.overrides, basedOnVersionId: current.id, needsReconfirmation: [] };
  const [base]: { content: PolicyDocument }[] = await manager.query(`SELECT content FROM policy_version WHERE organisation_id = $1 AND id = $2`, [organisationId, row.based_on_version_id]);
  const carried = carryForward(base!.content, current.content, row.overrides);
  return {
    document: applyOverrides(current.content, carried.overrides),
    overrides: carried.overrides,
    basedOnVersionId: row.based_on_version_id,
    needsReconfirmation: carried.needsReconfirmation.map((entry) => ({
      clauseId: entry.override.clauseId,
      reason: entry.reason,
      carried: entry.carried,
      override: entry.override,
      previousAnchor: entry.previousAnchor ?? null,
    })),
  };
}

/**
 * After the trust approves a new version: each school copy whose overrides all carry forward
 * cleanly is moved onto the new version; a copy with anything to re-confirm stays on the
 * version it was made on, so the school is shown what to look at.
 */
export async function rollSchoolCopiesForward(
  manager: EntityManager,
  organisationId: string,
  policyId: string,
  approved: { id: string; content: PolicyDocument },
): Promise<{ carried: number; needReconfirmation: number }> {
  const rows: { school_id: string }[] = await manager.query(
    `SELECT school_id FROM school_variant WHERE organisation_id = $1 AND policy_id = $2 AND based_on_version_id <> $3 FOR UPDATE`,
    [organisationId, policyId, approved.id],
  );
  let carried = 0;
  for (const { school_id: schoolId } of rows) {
    const copy = await schoolCopy(manager, organisationId, schoolId, policyId, approved);
    if (copy.needsReconfirmation.length > 0) continue;
    await manager.query(
      `UPDATE school_variant SET based_on_version_id = $4, overrides = $5, updated_at = now() WHERE organisation_id = $1 AND school_id = $2 AND policy_id = $3`,
      [organisationId, schoolId, policyId, approved.id, JSON.stringify(copy.overrides)],
    );
    carried++;
  }
  return { carried, needReconfirmation: rows.length - carried };
}

@Injectable()
export class VariantService {
  constructor(
    private readonly database: Database,
    private readonly policies: PolicyService,
    private readonly organisations: OrganisationService,
  ) {}

  private membership() {
    return RequestContext.require().caller!.membership!;
  }

  private async current(policyId: string): Promise<{ id: string; content: PolicyDocument; policyId: string }> {
    const policy = await this.policies.get(policyId);
    const version = await this.policies.currentVersion(policy.id);
    if (!version) throw AppError.notFound('Policy');
    return { id: version.id, content: version.content, policyId: policy.id };
  }

  private async school(schoolId: string): Promise<{ trust: OrganisationEntity; school: OrganisationEntity }> {
    const trust = await this.organisations.load(this.membership().organisationId);
    return { trust, school: await this.organisations.schoolOf(trust.id, schoolId) };
  }

  async locks(policyId: string): Promise<ClauseLocks> {
    const policy = await this.policies.get(policyId);
    const manager = await this.database.manager();
    const rows: { clause_id: string; level: 'locked' | 'editable' | 'school-specific' }[] = await manager.query(
      `SELECT clause_id, level FROM clause_lock WHERE organisation_id = $1 AND policy_id = $2`,
      [policy.organisationId, policy.id],
    );
    return Object.fromEntries(rows.map((row) => [row.clause_id, row.level]));
  }

  async setLocks(policyId: string, locks: { clauseId: string; level: string }[]): Promise<ClauseLocks> {
    const current = await this.current(policyId);
    const known = new Set(listClauses(current.content).map((clause) => clause.clauseId));
    const unknown = locks.filter((lock) => !known.has(lock.clauseId)).map((lock) => lock.clauseId);
    if (unknown.length) throw new AppError(ErrorCode.BAD_USER_INPUT, `The policy has no clause ${unknown[0]}.`, { problems: unknown.map((id) => `The policy has no clause ${id}.`) });
    const organisationId = this.membership().organisationId;
    const manager = await this.database.manager();
    await manager.query(`DELETE FROM clause_lock WHERE organisation_id = $1 AND policy_id = $2`, [organisationId, current.policyId]);
    for (const lock of locks) {
      await manager.query(`INSERT INTO clause_lock (organisation_id, policy_id, clause_id, level) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [organisationId, current.policyId, lock.clauseId, lock.level]);
    }
    return this.locks(current.policyId);
  }

  async variant(policyId: string, schoolId: string): Promise<SchoolVariant> {
    const { trust, school } = await this.school(schoolId);
    const current = await this.current(policyId);
    const manager = await this.database.manager();
    const copy = await schoolCopy(manager, trust.id, school.id, current.policyId, current);
    const values = plainValues(await variableValuesFor(manager, trust, school));
    return {
      policyId: current.policyId,
      schoolId: school.id,
      basedOnVersionId: copy.basedOnVersionId,
      overrides: copy.overrides,
      divergence: divergence(current.content, copy.overrides),
      needsReconfirmation: copy.needsReconfirmation,
      html: renderHtml(copy.document, { numbering: trust.numberingStyle, variables: values }),
    };
  }

  async saveVariant(policyId: string, schoolId: string, overrides: unknown[]): Promise<SchoolVariant> {
    const { trust, school } = await this.school(schoolId);
    const membership = this.membership();
    if (!maySpeakForSchool(membership, school.id)) throw new AppError(ErrorCode.FORBIDDEN, "Only the trust's administrators or this school's staff can change its copy.");
    const current = await this.current(policyId);
    const problems = validateOverrides(current.content, await this.locks(current.policyId), overrides as Override[]);
    if (problems.length) throw new AppError(ErrorCode.BAD_USER_INPUT, problems[0]!.message, { problems: problems.map((problem) => problem.message) });
    const manager = await this.database.manager();
    await manager.query(
      `INSERT INTO school_variant (organisation_id, school_id, policy_id, based_on_version_id, overrides) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organisation_id, school_id, policy_id) DO UPDATE SET overrides = EXCLUDED.overrides, based_on_version_id = EXCLUDED.based_on_version_id, updated_at = now()`,
      [trust.id, school.id, current.policyId, current.id, JSON.stringify(overrides)],
    );
    return this.variant(current.policyId, school.id);
  }
}
