/**
 * Publishing: an approved version made public for the trust and its academies as immutable
 * artefacts (a PDF and an accessible web page, each stored by its SHA-256).
 *
 * A request only checks and records: who may publish, that there is an approved version, that no
 * copy has an empty required detail (refused, naming every one, before anything is queued). It
 * creates a publish job with an item per copy and returns it; the job renders each copy (the PDF
 * in a worker thread with a time limit), stores the files, and swaps the copy's current
 * publication in one transaction per item. The job runs on the pg-boss queue (any instance) or,
 * with background jobs off, in this process after the request commits. Items are claimed with
 * SKIP LOCKED and finished once, so a job re-delivered after a crash picks up where it stopped.
 */
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { unresolvedVariables, validateDocument, variableDefinition } from '@ratify/document';
import type { EntityManager } from 'typeorm';
import { appendAuditEvent } from '../audit/audit.service';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database.service';
import { JobQueue } from '../jobs/job-queue';
import type { OrganisationEntity } from '../organisation/organisation.entity';
import { maySpeakForSchool, OrganisationService } from '../organisation/organisation.service';
import { PolicyVersionEntity } from '../policy/policy-version.entity';
import { PolicyService } from '../policy/policy.service';
import { FileStore, fileKey, sha256 } from '../storage/file-store';
import { plainValues, variableValuesFor } from '../variable/variable-values';
import { schoolCopy } from '../variant/variant.service';
import { PdfRenderer } from './pdf-renderer';
import { policyPage } from './public-pages';
import { loadRendition } from './rendition';

export type PublishReason = 'published' | 'approved' | 'reviewed' | 'rebranded';
export type ItemStatus = 'pending' | 'published' | 'unchanged' | 'failed';

export interface PublishJobRow {
  id: string;
  policyId: string;
  policyVersionId: string;
  versionNumber: string;
  reason: PublishReason;
  status: 'queued' | 'running' | 'done' | 'failed';
  createdAt: Date;
  finishedAt: Date | null;
  items: PublishItemRow[];
}

export interface PublishItemRow {
  position: number;
  schoolId: string | null;
  status: ItemStatus;
  error: string | null;
  publicationId: string | null;
}

export interface CurrentPublication {
  id: string;
  schoolId: string | null;
  versionNumber: string;
  publishedAt: Date;
  pdfSha256: string;
  htmlSha256: string;
}

/** A copy whose stored text does not pass the document checks: said to the person, not retried. */
class UnprintableCopy extends Error {}

interface Missing {
  organisationId: string;
  organisationName: string;
  variables: { key: string; label: string }[];
}

const JOB_SQL = `
  SELECT j.id, j.policy_id AS "policyId", j.policy_version_id AS "policyVersionId", v.major || '.' || v.minor AS "versionNumber", j.reason, j.status,
         j.created_at AS "createdAt", j.finished_at AS "finishedAt",
         coalesce((SELECT jsonb_agg(jsonb_build_object('position', i.position, 'schoolId', i.school_id, 'status', i.status, 'error', i.error, 'publicationId', i.publication_id) ORDER BY i.position)
                     FROM publish_job_item i WHERE i.organisation_id = j.organisation_id AND i.job_id = j.id), '[]') AS items
    FROM publish_job j JOIN policy_version v ON v.organisation_id = j.organisation_id AND v.id = j.policy_version_id
   WHERE j.organisation_id = $1`;

/** The required details a copy leaves empty (nothing to publish until they are filled in). */
async function missingDetails(manager: EntityManager, trust: OrganisationEntity, school: OrganisationEntity | null, policyId: string, version: PolicyVersionEntity): Promise<Missing | null> {
  const copy = school ? (await schoolCopy(manager, trust.id, school.id, policyId, version)).document : version.content;
  const values = plainValues(await variableValuesFor(manager, trust, school));
  const empty = unresolvedVariables(copy, values)
    .map((key) => variableDefinition(key))
    .filter((definition) => definition?.required)
    .map((definition) => ({ key: definition!.key, label: definition!.label }));
  const place = school ?? trust;
  return empty.length ? { organisationId: place.id, organisationName: place.name, variables: empty } : null;
}

function describeMissing(missing: Missing[]): string {
  return missing.map((entry) => `${entry.organisationName}: ${entry.variables.map((variable) => variable.label).join(', ')}`).join('; ');
}

@Injectable()
export class PublicationService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PublicationService.name);
  /** Jobs this process is running (background jobs off), so tests and shutdown can wait for them. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly policies: PolicyService,
    private readonly organisations: OrganisationService,
    private readonly files: FileStore,
    private readonly renderer: PdfRenderer,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register('publish', async (data) => {
      if (data.organisationId && data.publishJobId) await this.runJob(data.organisationId, data.publishJobId);
    });
  }

  onApplicationBootstrap(): void {
    // With background jobs off this instance leaves it to one that runs them (or to a call, as the tests make).
    if (this.config.jobs === 'off') return;
    // Not awaited: the app serves while copies published before artefacts existed (or seeded) are rendered.
    this.track(this.renderMissingArtefacts().then(() => undefined, (error) => this.logger.error(`Rendering missing artefacts failed: ${String(error)}`)));
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /**
   * Current publications without artefacts (the demo's, or made before publishing stored them) are
   * published again from their own version. Every instance may do this at start-up: a copy whose
   * artefacts another instance has just stored is left unchanged.
   */
  async renderMissingArtefacts(): Promise<number> {
    const tenants: { id: string }[] = await this.database.dataSource.query(`SELECT id FROM organisation WHERE parent_id IS NULL AND kind <> 'publisher'`);
    let jobs = 0;
    for (const { id: organisationId } of tenants) {
      const created = await this.database.withContext({ organisationId }, async (manager) => {
        const missing: { policyId: string; versionId: string; schoolIds: (string | null)[] }[] = await manager.query(
          `SELECT pub.policy_id AS "policyId", pub.policy_version_id AS "versionId", array_agg(pub.school_id ORDER BY pub.school_id NULLS FIRST) AS "schoolIds"
             FROM publication pub JOIN policy_version v ON v.organisation_id = pub.organisation_id AND v.id = pub.policy_version_id AND v.status = 'approved'
            WHERE pub.organisation_id = $1 AND pub.withdrawn_at IS NULL AND pub.pdf_sha256 IS NULL
            GROUP BY pub.policy_id, pub.policy_version_id`,
          [organisationId],
        );
        const ids: string[] = [];
        for (const row of missing) ids.push(await this.createJob(manager, organisationId, row.policyId, row.versionId, 'published', row.schoolIds, null));
        return ids;
      });
      for (const jobId of created) await this.start(organisationId, jobId);
      jobs += created.length;
    }
    return jobs;
  }

  /** Publishes the policy's approved version for the trust and every academy, or for the academies named. */
  async publish(policyId: string, schoolIds?: string[]): Promise<PublishJobRow> {
    const caller = RequestContext.require().caller!;
    const membership = caller.membership!;
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
      const gap = await missingDetails(manager, trust, school, policy.id, version);
      if (gap) missing.push(gap);
    }
    if (missing.length) throw new AppError(ErrorCode.BAD_USER_INPUT, `Fill in these details before publishing — ${describeMissing(missing)}.`, { missing });
    const jobId = await this.createJob(manager, trust.id, policy.id, version.id, 'published', targets.map((school) => school?.id ?? null), caller.personId);
    this.startAfterCommit(trust.id, jobId);
    return (await this.job(jobId))!;
  }

  /**
   * After the trust approves a version (or reviews it with no change): every copy that is public
   * is published again from it, as one job. Nothing when the policy was never published.
   */
  async republishPublic(manager: EntityManager, organisationId: string, policyId: string, reason: PublishReason, personId: string | null): Promise<string | null> {
    const [version]: { id: string }[] = await manager.query(`SELECT id FROM policy_version WHERE organisation_id = $1 AND policy_id = $2 AND status = 'approved'`, [organisationId, policyId]);
    const places: { schoolId: string | null }[] = await manager.query(
      `SELECT pub.school_id AS "schoolId" FROM publication pub
         LEFT JOIN organisation s ON s.id = pub.school_id
        WHERE pub.organisation_id = $1 AND pub.policy_id = $2 AND pub.withdrawn_at IS NULL
        ORDER BY pub.school_id IS NOT NULL, s.name`,
      [organisationId, policyId],
    );
    if (!version || places.length === 0) return null;
    const jobId = await this.createJob(manager, organisationId, policyId, version.id, reason, places.map((place) => place.schoolId), personId);
    this.startAfterCommit(organisationId, jobId);
    return jobId;
  }

  /** After new branding: every policy public anywhere in the trust is published again, a job per policy. */
  async republishEverything(): Promise<PublishJobRow[]> {
    const caller = RequestContext.require().caller!;
    const organisationId = caller.membership!.organisationId;
    const manager = await this.database.manager();
    const policies: { id: string }[] = await manager.query(
      `SELECT DISTINCT p.id, p.title FROM publication pub JOIN policy p ON p.organisation_id = pub.organisation_id AND p.id = pub.policy_id AND p.deleted_at IS NULL
        WHERE pub.organisation_id = $1 AND pub.withdrawn_at IS NULL ORDER BY p.title`,
      [organisationId],
    );
    const jobIds: string[] = [];
    for (const policy of policies) {
      const jobId = await this.republishPublic(manager, organisationId, policy.id, 'rebranded', caller.personId);
      if (jobId) jobIds.push(jobId);
    }
    const rows: PublishJobRow[] = jobIds.length ? await manager.query(`${JOB_SQL} AND j.id = ANY($2::uuid[]) ORDER BY j.created_at`, [organisationId, jobIds]) : [];
    return rows;
  }

  private async createJob(manager: EntityManager, organisationId: string, policyId: string, versionId: string, reason: PublishReason, schoolIds: (string | null)[], personId: string | null): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO publish_job (organisation_id, policy_id, policy_version_id, reason, requested_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [organisationId, policyId, versionId, reason, personId],
    );
    await manager.query(
      `INSERT INTO publish_job_item (organisation_id, job_id, position, school_id)
       SELECT $1, $2, ordinality, school_id FROM unnest($3::uuid[]) WITH ORDINALITY AS t(school_id, ordinality)`,
      [organisationId, id, schoolIds],
    );
    return id;
  }

  /** Queues the job once the request has committed (the job must see its rows). */
  private startAfterCommit(organisationId: string, jobId: string): void {
    RequestContext.require().afterCommit.push(() => this.start(organisationId, jobId));
  }

  /** On the queue (any instance's worker), or in this process when background jobs are off. */
  private async start(organisationId: string, jobId: string): Promise<void> {
    if (this.config.jobs !== 'off') {
      await this.jobs.runSoon('publish', { organisationId, publishJobId: jobId });
      return;
    }
    this.track(this.runJob(organisationId, jobId).catch((error) => this.logger.error(`Publish job ${jobId} failed: ${String(error)}`)));
  }

  /** Waits for the jobs this process is running (tests; a graceful stop). */
  async settle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settle();
  }

  async job(id: string): Promise<PublishJobRow | null> {
    const organisationId = RequestContext.require().caller!.membership!.organisationId;
    const manager = await this.database.manager();
    const [row]: PublishJobRow[] = await manager.query(`${JOB_SQL} AND j.id = $2`, [organisationId, parseId(id, 'Publish job')]);
    return row ?? null;
  }

  /** A policy's latest publish jobs, newest first. */
  async jobsOf(policyId: string, first: number): Promise<PublishJobRow[]> {
    const organisationId = RequestContext.require().caller!.membership!.organisationId;
    const manager = await this.database.manager();
    return manager.query(`${JOB_SQL} AND j.policy_id = $2 ORDER BY j.created_at DESC LIMIT $3`, [organisationId, policyId, first]);
  }

  /** Where a policy is public now: one row per place, with the artefacts' hashes. */
  async current(policyId: string): Promise<CurrentPublication[]> {
    const organisationId = RequestContext.require().caller!.membership!.organisationId;
    const manager = await this.database.manager();
    return manager.query(
      `SELECT pub.id, pub.school_id AS "schoolId", v.major || '.' || v.minor AS "versionNumber", pub.published_at AS "publishedAt", pub.pdf_sha256 AS "pdfSha256", pub.html_sha256 AS "htmlSha256"
         FROM publication pub JOIN policy_version v ON v.organisation_id = pub.organisation_id AND v.id = pub.policy_version_id
         LEFT JOIN organisation s ON s.id = pub.school_id
        WHERE pub.organisation_id = $1 AND pub.policy_id = $2 AND pub.withdrawn_at IS NULL AND pub.pdf_sha256 IS NOT NULL
        ORDER BY pub.school_id IS NOT NULL, s.name`,
      [organisationId, policyId],
    );
  }

  /** Runs a job's pending items, one transaction each; safe to run twice or on two instances at once. */
  async runJob(organisationId: string, jobId: string): Promise<void> {
    // An UPDATE … RETURNING comes back from TypeORM as [rows, affected].
    const [started]: [{ id: string }[], number] = await this.database.withContext({ organisationId }, (manager) =>
      manager.query(`UPDATE publish_job SET status = 'running', started_at = coalesce(started_at, now()) WHERE organisation_id = $1 AND id = $2 AND status IN ('queued', 'running') RETURNING id`, [organisationId, jobId]),
    );
    if (started.length === 0) return;
    while (await this.database.withContext({ organisationId }, (manager) => this.runNextItem(manager, organisationId, jobId)));
    await this.database.withContext({ organisationId }, async (manager) => {
      const [[finished]]: [{ requestedBy: string | null; policyId: string; versionId: string; published: string[] }[], number] = await manager.query(
        `UPDATE publish_job j SET status = 'done', finished_at = now()
          WHERE organisation_id = $1 AND id = $2 AND status = 'running'
            AND NOT EXISTS (SELECT 1 FROM publish_job_item i WHERE i.organisation_id = j.organisation_id AND i.job_id = j.id AND i.status = 'pending')
          RETURNING requested_by AS "requestedBy", policy_id AS "policyId", policy_version_id AS "versionId",
                    (SELECT coalesce(array_agg(coalesce(o.slug, '')), '{}') FROM publish_job_item i LEFT JOIN organisation o ON o.id = coalesce(i.school_id, j.organisation_id)
                      WHERE i.organisation_id = j.organisation_id AND i.job_id = j.id AND i.status = 'published') AS published`,
        [organisationId, jobId],
      );
      // Publishing again what is already public changes nothing, so it records nothing.
      if (finished && finished.published.length) {
        await appendAuditEvent(manager, organisationId, finished.requestedBy, {
          action: 'policy.published',
          policyId: finished.policyId,
          versionId: finished.versionId,
          details: { job: jobId, for: finished.published },
        });
      }
    });
  }

  /** Publishes the next pending copy of a job; false when none is left. */
  private async runNextItem(manager: EntityManager, organisationId: string, jobId: string): Promise<boolean> {
    const [item]: { position: number; schoolId: string | null; policyId: string; versionId: string }[] = await manager.query(
      `SELECT i.position, i.school_id AS "schoolId", j.policy_id AS "policyId", j.policy_version_id AS "versionId"
         FROM publish_job_item i JOIN publish_job j ON j.organisation_id = i.organisation_id AND j.id = i.job_id
        WHERE i.organisation_id = $1 AND i.job_id = $2 AND i.status = 'pending'
        ORDER BY i.position LIMIT 1 FOR UPDATE OF i SKIP LOCKED`,
      [organisationId, jobId],
    );
    if (!item) return false;
    const finish = (status: ItemStatus, error: string | null, publicationId: string | null = null) =>
      manager.query(`UPDATE publish_job_item SET status = $4, error = $5, publication_id = $6, finished_at = now() WHERE organisation_id = $1 AND job_id = $2 AND position = $3`, [
        organisationId,
        jobId,
        item.position,
        status,
        error,
        publicationId,
      ]);
    // One copy at a time per policy and place: a second job waits here rather than racing this one.
    await manager.query(`SELECT 1 FROM policy WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [organisationId, item.policyId]);
    const version = await manager.findOneBy(PolicyVersionEntity, { organisationId, id: item.versionId });
    if (!version || version.status !== 'approved') {
      await finish('failed', 'A newer version has been approved since this was asked for; publish that one instead.');
      return true;
    }
    const trust = await this.organisations.byId(organisationId);
    const school = item.schoolId ? await this.organisations.byId(item.schoolId) : null;
    const gap = await missingDetails(manager, trust!, school, item.policyId, version);
    if (gap) {
      await finish('failed', `Fill in these details before publishing — ${describeMissing([gap])}.`);
      return true;
    }
    try {
      const publicationId = await this.publishCopy(manager, { trust: trust!, school, policyId: item.policyId, version, jobId });
      await finish(publicationId ? 'published' : 'unchanged', null, publicationId);
    } catch (error) {
      if (error instanceof UnprintableCopy) {
        await finish('failed', error.message);
        return true;
      }
      this.logger.error(`Publishing ${school?.slug ?? trust!.slug}'s copy failed: ${String(error)}`);
      await finish('failed', 'This copy could not be made into a PDF and web page. Try again; if it fails again, contact support.');
    }
    return true;
  }

  /** Renders and stores one copy; swaps it in as the place's current publication. Null when the same artefacts are already public. */
  private async publishCopy(
    manager: EntityManager,
    target: { trust: OrganisationEntity; school: OrganisationEntity | null; policyId: string; version: PolicyVersionEntity; jobId: string },
  ): Promise<string | null> {
    const { trust, school, policyId, version } = target;
    const place = school ?? trust;
    const { rendition, branding } = await loadRendition(manager, this.files, { trust, school, policyId, version });
    // Stored text is checked again before it is printed: only what the editor could have made goes into a PDF or a page.
    const checked = validateDocument(rendition.document);
    if (!checked.ok) throw new UnprintableCopy(`This copy has something Ratify cannot print (${checked.problems[0]}). Open the policy, correct it and publish again.`);
    const [policy]: { slug: string }[] = await manager.query(`SELECT slug FROM policy WHERE organisation_id = $1 AND id = $2`, [trust.id, policyId]);
    const pdf = await this.renderer.render(rendition);
    const html = Buffer.from(policyPage({ chrome: { site: place, trust: school ? trust : null, branding }, policySlug: policy!.slug, rendition }), 'utf8');
    const [pdfSha256, htmlSha256] = [sha256(pdf), sha256(html)];
    const [current]: { id: string; versionId: string; pdfSha256: string | null; htmlSha256: string | null }[] = await manager.query(
      `SELECT id, policy_version_id AS "versionId", pdf_sha256 AS "pdfSha256", html_sha256 AS "htmlSha256" FROM publication
        WHERE organisation_id = $1 AND school_id IS NOT DISTINCT FROM $2 AND policy_id = $3 AND withdrawn_at IS NULL`,
      [trust.id, school?.id ?? null, policyId],
    );
    if (current && current.versionId === version.id && current.pdfSha256 === pdfSha256 && current.htmlSha256 === htmlSha256) return null;
    await this.files.put(fileKey(trust.id, 'publications', pdfSha256, 'pdf'), pdf, 'application/pdf');
    await this.files.put(fileKey(trust.id, 'publications', htmlSha256, 'html'), html, 'text/html; charset=utf-8');
    if (current) await manager.query(`UPDATE publication SET withdrawn_at = now(), withdrawn_reason = 'superseded' WHERE organisation_id = $1 AND id = $2`, [trust.id, current.id]);
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO publication (organisation_id, school_id, policy_id, policy_version_id, pdf_sha256, pdf_size, html_sha256, html_size, publish_job_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [trust.id, school?.id ?? null, policyId, version.id, pdfSha256, pdf.length, htmlSha256, html.length, target.jobId],
    );
    return row!.id;
  }
}
