/**
 * Publishing a policy's approved version for the trust and its schools. Each copy is rendered
 * with its own school's overrides and variable values, so publishing is refused, naming every
 * empty required variable of every copy, before anything is made public.
 */
import { Injectable } from '@nestjs/common';
import { variableDefinition, unresolvedVariables } from '@ratify/document';
import { AppError, ErrorCode } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { toOrganisationRef } from '../organisation/membership.resolver';
import type { OrganisationEntity } from '../organisation/organisation.entity';
import { maySpeakForSchool, OrganisationService } from '../organisation/organisation.service';
import { AuditService } from '../audit/audit.service';
import { PolicyVersionEntity } from '../policy/policy-version.entity';
import { PolicyService } from '../policy/policy.service';
import { plainValues, variableValuesFor } from '../variable/variable-values';
import { schoolCopy } from '../variant/variant.service';
import type { Publication } from './dto/publication.types';

interface Missing {
  organisationId: string;
  organisationName: string;
  variables: { key: string; label: string }[];
}

@Injectable()
export class PublicationService {
  constructor(
    private readonly database: Database,
    private readonly policies: PolicyService,
    private readonly organisations: OrganisationService,
    private readonly audit: AuditService,
  ) {}

  async publish(policyId: string, schoolIds?: string[]): Promise<Publication[]> {
    const membership = RequestContext.require().caller!.membership!;
    const trust = await this.organisations.load(membership.organisationId);
    const policy = await this.policies.get(policyId);
    const targets: (OrganisationEntity | null)[] = schoolIds
      ? await Promise.all([...new Set(schoolIds)].map((id) => this.organisations.schoolOf(trust.id, id)))
      : [null, ...(await this.organisations.schoolsOf(trust.id))];
    const refused = targets.find((school) => (school ? !maySpeakForSchool(membership, school.id) : membership.role !== 'admin'));
    if (refused !== undefined) {
      throw new AppError(ErrorCode.FORBIDDEN, refused ? `Only the trust's administrators or ${refused.name}'s staff can publish its copy.` : "Only the trust's administrators can publish for the whole trust.");
    }
    const manager = await this.database.manager();
    await manager.query(`SELECT 1 FROM policy WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [trust.id, policy.id]);
    const version = await manager.findOneBy(PolicyVersionEntity, { organisationId: trust.id, policyId: policy.id, status: 'approved' });
    if (!version) throw new AppError(ErrorCode.CONFLICT, 'This policy has no approved version yet, so there is nothing to publish.');

    const missing: Missing[] = [];
    for (const school of targets) {
      const copy = school ? (await schoolCopy(manager, trust.id, school.id, policy.id, version)).document : version.content;
      const values = plainValues(await variableValuesFor(manager, trust, school));
      const empty = unresolvedVariables(copy, values)
        .map((key) => variableDefinition(key))
        .filter((definition) => definition?.required)
        .map((definition) => ({ key: definition!.key, label: definition!.label }));
      if (empty.length) missing.push({ organisationId: (school ?? trust).id, organisationName: (school ?? trust).name, variables: empty });
    }
    if (missing.length) {
      const names = missing.map((entry) => `${entry.organisationName}: ${entry.variables.map((variable) => variable.label).join(', ')}`).join('; ');
      throw new AppError(ErrorCode.BAD_USER_INPUT, `Fill in these details before publishing — ${names}.`, { missing });
    }

    const published: Publication[] = [];
    const newlyPublished: string[] = [];
    for (const school of targets) {
      const organisation = school ?? trust;
      await manager.query(
        `UPDATE publication SET withdrawn_at = now()
          WHERE organisation_id = $1 AND school_id IS NOT DISTINCT FROM $2 AND policy_id = $3 AND withdrawn_at IS NULL AND policy_version_id <> $4`,
        [trust.id, school?.id ?? null, policy.id, version.id],
      );
      const [row]: { id: string; published_at: Date; inserted: boolean }[] = await manager.query(
        `INSERT INTO publication (organisation_id, school_id, policy_id, policy_version_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id, school_id, policy_id) WHERE withdrawn_at IS NULL DO UPDATE SET policy_version_id = EXCLUDED.policy_version_id
         RETURNING id, published_at, (xmax = 0) AS inserted`,
        [trust.id, school?.id ?? null, policy.id, version.id],
      );
      published.push({
        id: row!.id,
        publishedFor: toOrganisationRef(organisation),
        versionNumber: version.number!,
        publishedAt: row!.published_at,
        path: `/p/${organisation.slug}/${policy.slug}`,
      });
      if (row!.inserted) newlyPublished.push(organisation.slug);
    }
    // Publishing again what is already public changes nothing, so it records nothing.
    if (newlyPublished.length) {
      await this.audit.record({ action: 'policy.published', policyId: policy.id, versionId: version.id, contentHash: version.contentHash, details: { version: version.number, for: newlyPublished } });
    }
    return published;
  }
}
