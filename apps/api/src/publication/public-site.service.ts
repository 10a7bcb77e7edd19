/**
 * What the public may read: the artefacts of the current publication of a policy for that trust
 * or school, and — only when the trust keeps an archive — those of its superseded versions.
 * Nothing else: a draft, a version in approval, an approved version never published, another
 * tenant's policy under this school's address, all answer "not found". Each lookup runs in a
 * transaction scoped to the tenant the URL names, so row-level security confines it there.
 */
import { Injectable } from '@nestjs/common';
import { periodForDue } from '@ratify/calendar';
import type { EntityManager } from 'typeorm';
import { effectiveBranding } from '../branding/branding.service';
import { Database } from '../database/database.service';
import type { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationService } from '../organisation/organisation.service';
import { loadCalendars } from '../review/calendar.service';
import { dueAt } from '../review/due-dates';
import { FileStore, fileKey } from '../storage/file-store';
import type { ArchiveEntry, IndexEntry, SiteChrome } from './public-pages';

export interface PublicArtefact {
  bytes: Buffer;
  sha256: string;
  versionNumber: string;
  policySlug: string;
}

/** The publications that are public now, with artefacts; $1 tenant, $2 school (null: the trust's own). */
const CURRENT = `
  FROM publication pub
  JOIN policy p ON p.organisation_id = pub.organisation_id AND p.id = pub.policy_id AND p.deleted_at IS NULL
  JOIN policy_version v ON v.organisation_id = pub.organisation_id AND v.id = pub.policy_version_id AND v.status = 'approved'
  WHERE pub.organisation_id = $1 AND pub.school_id IS NOT DISTINCT FROM $2 AND pub.withdrawn_at IS NULL AND pub.pdf_sha256 IS NOT NULL`;

/** Superseded publications of one policy ($3 its slug) for the place, newest first per version. */
const SUPERSEDED = `
  FROM publication pub
  JOIN policy p ON p.organisation_id = pub.organisation_id AND p.id = pub.policy_id AND p.deleted_at IS NULL AND p.slug = $3
  JOIN policy_version v ON v.organisation_id = pub.organisation_id AND v.id = pub.policy_version_id
  WHERE pub.organisation_id = $1 AND pub.school_id IS NOT DISTINCT FROM $2 AND pub.withdrawn_reason = 'superseded' AND pub.pdf_sha256 IS NOT NULL
    AND pub.policy_version_id <> coalesce((SELECT c.policy_version_id FROM publication c WHERE c.organisation_id = pub.organisation_id AND c.school_id IS NOT DISTINCT FROM pub.school_id
                                            AND c.policy_id = pub.policy_id AND c.withdrawn_at IS NULL), '00000000-0000-0000-0000-000000000000')`;

interface Place {
  site: OrganisationEntity;
  trust: OrganisationEntity | null;
  tenantId: string;
  schoolId: string | null;
}

@Injectable()
export class PublicSiteService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationService,
    private readonly files: FileStore,
  ) {}

  /** The trust or school a public slug names; an academy's data lives under its trust. Publishers have no public site. */
  private async place(slug: string): Promise<Place | undefined> {
    const site = await this.organisations.bySlug(slug);
    if (!site || site.kind === 'publisher') return undefined;
    const trust = site.parentId ? await this.organisations.byId(site.parentId) : null;
    return { site, trust, tenantId: site.parentId ?? site.id, schoolId: site.parentId ? site.id : null };
  }

  private inTenant<T>(place: Place, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.database.withContext({ organisationId: place.tenantId }, work);
  }

  async index(slug: string): Promise<{ chrome: SiteChrome; schools: OrganisationEntity[]; policies: IndexEntry[] } | undefined> {
    const place = await this.place(slug);
    if (!place) return undefined;
    const schools = place.site.kind === 'trust' ? await this.organisations.schoolsOf(place.site.id) : [];
    return this.inTenant(place, async (manager) => {
      const rows: (IndexEntry & { nextReviewYear: number | null; nextReviewTerm: string | null; flags: { dueOn: string; reason: string }[] })[] = await manager.query(
        `SELECT p.slug, p.title, v.major || '.' || v.minor AS "versionNumber", v.approved_on AS "approvedOn",
                p.next_review_on AS "nextReviewOn", p.next_review_year AS "nextReviewYear", p.next_review_term AS "nextReviewTerm",
                coalesce((SELECT jsonb_agg(jsonb_build_object('dueOn', f.due_on, 'reason', '')) FROM review_flag f
                           WHERE f.organisation_id = p.organisation_id AND f.policy_id = p.id AND f.resolved_at IS NULL), '[]') AS flags
         ${CURRENT} ORDER BY p.title`,
        [place.tenantId, place.schoolId],
      );
      const calendar = (await loadCalendars(manager, place.tenantId)).forSchool(place.schoolId);
      const policies = rows.map((row) => {
        const due = dueAt(row, calendar);
        return { slug: row.slug, title: row.title, versionNumber: row.versionNumber, approvedOn: row.approvedOn, nextReviewOn: due, nextReviewLabel: due ? (periodForDue(calendar, due)?.label ?? null) : null };
      });
      return { chrome: await this.chrome(manager, place), schools, policies };
    });
  }

  private async chrome(manager: EntityManager, place: Place): Promise<SiteChrome> {
    return { site: place.site, trust: place.trust, branding: await effectiveBranding(manager, place.tenantId, place.schoolId) };
  }

  /** The current published page or PDF of a policy at this place. */
  async current(slug: string, policySlug: string, kind: 'pdf' | 'html'): Promise<PublicArtefact | undefined> {
    const place = await this.place(slug);
    if (!place) return undefined;
    const [row]: { sha256: string; versionNumber: string }[] = await this.inTenant(place, (manager) =>
      manager.query(`SELECT pub.${kind}_sha256 AS sha256, v.major || '.' || v.minor AS "versionNumber" ${CURRENT} AND p.slug = $3`, [place.tenantId, place.schoolId, policySlug]),
    );
    return row ? this.read(place, row, kind, policySlug) : undefined;
  }

  /** The superseded versions of a policy at this place, when the trust keeps an archive. */
  async archive(slug: string, policySlug: string): Promise<{ chrome: SiteChrome; policy: { slug: string; title: string }; entries: ArchiveEntry[] } | undefined> {
    const place = await this.place(slug);
    if (!place) return undefined;
    return this.inTenant(place, async (manager) => {
      const chrome = await this.chrome(manager, place);
      if (!chrome.branding.keepArchive) return undefined;
      const [policy]: { slug: string; title: string }[] = await manager.query(`SELECT p.slug, p.title ${CURRENT} AND p.slug = $3`, [place.tenantId, place.schoolId, policySlug]);
      if (!policy) return undefined;
      const entries: ArchiveEntry[] = await manager.query(
        `SELECT DISTINCT ON (v.major, v.minor) v.major || '.' || v.minor AS "versionNumber", v.approved_on AS "approvedOn", pub.withdrawn_at AS "supersededAt"
         ${SUPERSEDED} ORDER BY v.major DESC, v.minor DESC, pub.published_at DESC`,
        [place.tenantId, place.schoolId, policySlug],
      );
      return { chrome, policy, entries };
    });
  }

  /** One superseded version's page or PDF, only when the trust keeps an archive. */
  async archived(slug: string, policySlug: string, versionNumber: string, kind: 'pdf' | 'html'): Promise<PublicArtefact | undefined> {
    const place = await this.place(slug);
    const version = /^(\d{1,4})\.(\d{1,4})$/.exec(versionNumber);
    if (!place || !version) return undefined;
    const [row]: { sha256: string; versionNumber: string }[] = await this.inTenant(place, async (manager) => {
      if (!(await effectiveBranding(manager, place.tenantId, place.schoolId)).keepArchive) return [];
      return manager.query(
        `SELECT pub.${kind}_sha256 AS sha256, v.major || '.' || v.minor AS "versionNumber" ${SUPERSEDED} AND v.major = $4 AND v.minor = $5 ORDER BY pub.published_at DESC LIMIT 1`,
        [place.tenantId, place.schoolId, policySlug, Number(version[1]), Number(version[2])],
      );
    });
    return row ? this.read(place, row, kind, policySlug) : undefined;
  }

  private async read(place: Place, row: { sha256: string; versionNumber: string }, kind: 'pdf' | 'html', policySlug: string): Promise<PublicArtefact | undefined> {
    const bytes = await this.files.getVerified(fileKey(place.tenantId, 'publications', row.sha256, kind), row.sha256);
    if (!bytes) throw new Error(`The ${kind} of ${place.site.slug}/${policySlug} (${row.sha256}) is missing from the file store.`);
    return { bytes, sha256: row.sha256, versionNumber: row.versionNumber, policySlug };
  }

  /** A logo of this place's tenant, by its hash (the pages name the exact file they show). */
  async logo(slug: string, hash: string): Promise<Buffer | undefined> {
    const place = await this.place(slug);
    if (!place || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
    const [asset] = await this.inTenant(place, (manager) => manager.query(`SELECT 1 FROM asset WHERE organisation_id = $1 AND sha256 = $2 AND kind = 'logo' LIMIT 1`, [place.tenantId, hash]));
    return asset ? ((await this.files.getVerified(fileKey(place.tenantId, 'assets', hash, 'png'), hash)) ?? undefined) : undefined;
  }
}
