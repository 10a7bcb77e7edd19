/**
 * What the public may read: only the current approved version of a policy that has been
 * published for that trust or school. Each lookup runs in a transaction scoped to the
 * organisation named in the URL, so row-level security confines it to that tenant.
 */
import { Injectable } from '@nestjs/common';
import type { PolicyDocument } from '@ratify/document';
import { Database } from '../database/database.service';
import type { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationService } from '../organisation/organisation.service';
import { plainValues, variableValuesFor } from '../variable/variable-values';
import { schoolCopy } from '../variant/variant.service';

export interface PublishedPolicySummary {
  slug: string;
  title: string;
  versionNumber: string;
  approvedOn: string;
  nextReviewOn: string | null;
}

export interface PublishedPolicy extends PublishedPolicySummary {
  content: PolicyDocument;
  statutory: boolean;
}

export interface PublicSite {
  organisation: OrganisationEntity;
  trust: OrganisationEntity | null;
  schools: OrganisationEntity[];
  policies: PublishedPolicySummary[];
}

const PUBLISHED = `
  FROM publication pub
  JOIN policy p ON p.organisation_id = pub.organisation_id AND p.id = pub.policy_id AND p.deleted_at IS NULL
  JOIN policy_version v ON v.organisation_id = pub.organisation_id AND v.id = pub.policy_version_id AND v.status = 'approved'
  WHERE pub.organisation_id = $1 AND pub.school_id IS NOT DISTINCT FROM $2 AND pub.withdrawn_at IS NULL`;

interface Row {
  policy_id?: string;
  version_id?: string;
  slug: string;
  title: string;
  major: number;
  minor: number;
  approved_on: string;
  next_review_on: string | null;
  statutory: boolean;
  content?: PolicyDocument;
}

function summary(row: Row): PublishedPolicySummary {
  return { slug: row.slug, title: row.title, versionNumber: `${row.major}.${row.minor}`, approvedOn: row.approved_on, nextReviewOn: row.next_review_on };
}

@Injectable()
export class PublicSiteService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationService,
  ) {}

  /** The tenant and school a public slug stands for; an academy's data lives under its trust. */
  private scope(organisation: OrganisationEntity): { tenantId: string; schoolId: string | null } {
    return { tenantId: organisation.tenantId, schoolId: organisation.parentId ? organisation.id : null };
  }

  async site(slug: string): Promise<PublicSite | undefined> {
    const organisation = await this.organisations.bySlug(slug);
    if (!organisation || organisation.kind === 'publisher') return undefined;
    const { tenantId, schoolId } = this.scope(organisation);
    const [trust, schools, rows] = await Promise.all([
      organisation.parentId ? this.organisations.byId(organisation.parentId) : Promise.resolve(null),
      organisation.kind === 'trust' ? this.organisations.schoolsOf(organisation.id) : Promise.resolve([]),
      this.database.withContext({ organisationId: tenantId }, (manager) =>
        manager.query<Row[]>(`SELECT p.slug, p.title, p.statutory, v.major, v.minor, v.approved_on, v.next_review_on ${PUBLISHED} ORDER BY p.title`, [tenantId, schoolId]),
      ),
    ]);
    return { organisation, trust, schools, policies: rows.map(summary) };
  }

  /** The published policy, with the variable values of the school (or trust) it is published for. */
  async policy(
    slug: string,
    policySlug: string,
  ): Promise<{ site: OrganisationEntity; trust: OrganisationEntity | null; policy: PublishedPolicy; variables: Record<string, string> } | undefined> {
    const organisation = await this.organisations.bySlug(slug);
    if (!organisation || organisation.kind === 'publisher') return undefined;
    const { tenantId, schoolId } = this.scope(organisation);
    const trust = organisation.parentId ? await this.organisations.byId(organisation.parentId) : null;
    const found = await this.database.withContext({ organisationId: tenantId }, async (manager) => {
      const rows = await manager.query<Row[]>(`SELECT p.id AS policy_id, v.id AS version_id, p.slug, p.title, p.statutory, v.major, v.minor, v.approved_on, v.next_review_on, v.content ${PUBLISHED} AND p.slug = $3`, [
        tenantId,
        schoolId,
        policySlug,
      ]);
      if (rows.length === 0) return undefined;
      const row = rows[0]!;
      const variables = plainValues(await variableValuesFor(manager, trust ?? organisation, trust ? organisation : null));
      // An academy's page shows its own copy: the trust's text with the school's overrides.
      if (trust) row.content = (await schoolCopy(manager, tenantId, organisation.id, row.policy_id!, { id: row.version_id!, content: row.content! })).document;
      return { row, variables };
    });
    if (!found) return undefined;
    return { site: organisation, trust, policy: { ...summary(found.row), statutory: found.row.statutory, content: found.row.content! }, variables: found.variables };
  }
}
