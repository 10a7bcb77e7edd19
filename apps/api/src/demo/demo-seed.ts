/**
 * Demo data: the founding story from the fixtures. A local authority publishes its model
 * Social Media policy (release 1.0 in 2017, and a 2026 revision, 1.1); Leaf Trust (three
 * academies, a Finance, Audit & Risk Committee and a Trust Board) adopted release 1.0 as its Use
 * of Social Media Policy v1.0 on 13 January 2025 with a two-year cycle, so it has an update
 * waiting; LiFE Multi Academy Trust has its own policy. Jo Clarke, a professional clerk, administers
 * both trusts (one person, two memberships: the organisation switcher). Idempotent: an organisation whose slug
 * already exists is left alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { documentFromOutline, type PolicyDocument, type TermReplacement } from '@ratify/document';
import { presetYear, type TermNaming } from '@ratify/calendar';
import { importText } from '@ratify/importer';
import type { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvent } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { contentHash } from '../common/content-hash';
import type { Role } from '../common/request-context';
import { setTenant } from '../database/database.service';
import { reencodeLogo } from '../branding/logo';
import { FileStore, fileKey, sha256 } from '../storage/file-store';
import { indexClauses } from '../policy/clause-index';
import type { GovernanceBodyKind } from '../governance/governance-body.entity';
import type { NumberingStyle, OrganisationKind } from '../organisation/organisation.entity';
import { adaptModelForLeaf, LEAF_TERMS } from './leaf-adaptation';
import { reviseWestshireModel2026 } from './westshire-revision';

export const DEMO_PASSWORD = 'ratify-demo';

const logger = new Logger('DemoData');
const DEMO_DIR = join(__dirname, '..', '..', 'demo');
const POLICY_DIR = join(DEMO_DIR, 'policies');

interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  /** Slug of the academy the membership is at, if it is at one. */
  school?: string;
}

interface DemoPolicy {
  /** The text: a fixture file, or a publisher's template adapted by a recipe (which keeps the lineage). */
  file: string;
  clonedFrom?: { publisher: string; template: string; release: string; adapt: (model: PolicyDocument) => PolicyDocument };
  slug: string;
  title: string;
  statutory: boolean;
  ownerTitle: string;
  monitoredBy?: string;
  approvedBy?: string;
  /** The decision that approved version 1.0, recorded as an approval request through the approving body. */
  approval?: { submittedBy: string; decidedBy: string; minuteReference: string; membersPresent: number };
  reviewCycleMonths: number;
  /** Its entry in the policy-type catalogue. */
  policyType: string;
  /** Who gets its review reminders (with the admins). */
  owner?: string;
  /** The next review chosen as a term of the trust's calendar ("Term 2, 2026/27"), rather than a date. */
  reviewTerm?: { startYear: number; key: string };
  approvedOn: string;
  nextReviewOn: string;
  changeSummary: string;
  /** Publish for the organisation itself and for each of its academies. */
  publish: boolean;
  /** Offer it in the template library (publishers' model policies); each revision is released too. */
  template?: { slug: string; releasedOn: string };
  /** Later approved versions (1.1, 1.2 …), each made from the one before by a recipe. */
  revisions?: DemoRevision[];
}

interface DemoRevision {
  revise: (previous: PolicyDocument) => PolicyDocument;
  approvedOn: string;
  nextReviewOn: string;
  changeSummary: string;
}

interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  strapline?: string;
  /** The look of its published policies: a logo file in demo/, colours, contact for other formats, an archive. */
  branding?: { logo?: string; primaryColour?: string; accentColour?: string; contactEmail?: string; keepArchive?: boolean };
  numbering: NumberingStyle;
  schools?: { slug: string; name: string }[];
  bodies?: { name: string; kind: GovernanceBodyKind; quorum?: number; members: { email: string; position: 'chair' | 'clerk' | 'member' }[] }[];
  /** Approval routes: the first is the default; stages name bodies. */
  routes?: { name: string; minorChangeRole?: Role; stages: { body: string; action: 'approve' | 'ratify'; appliesTo: 'all' | 'major' }[] }[];
  /** The organisation's own words, proposed when it clones a model policy. */
  terms?: TermReplacement[];
  /** Term calendar: England's usual dates (presets) for these academic years. */
  calendar?: { naming: TermNaming; startYears: number[] };
  people: DemoPerson[];
  policies: DemoPolicy[];
}

/** A professional clerk from a governor services company, administering two trusts: one person, two memberships. */
const JO_CLARKE = { email: 'jo.clarke@governorservices.example', name: 'Jo Clarke', role: 'admin' } as const;

const LEAF_SCHOOLS = [
  { slug: 'willow-primary', name: 'Willow Primary Academy', head: 'head.willow@leaftrust.example', headName: 'Hannah Moss' },
  { slug: 'rowan-primary', name: 'Rowan Primary Academy', head: 'head.rowan@leaftrust.example', headName: 'Daniel Okafor' },
  { slug: 'hazel-primary', name: 'Hazel Primary Academy', head: 'head.hazel@leaftrust.example', headName: 'Priya Shah' },
];

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    slug: 'westshire-council',
    name: 'Westshire County Council',
    kind: 'publisher',
    numbering: 'numbered',
    people: [],
    policies: [
      {
        file: 'la-model-social-media-policy.txt',
        slug: 'social-media-policy',
        title: 'Social Media Policy',
        statutory: false,
        ownerTitle: 'Schools HR',
        policyType: 'social-media',
        reviewCycleMonths: 12,
        approvedOn: '2017-03-01',
        nextReviewOn: '2018-06-01',
        changeSummary: 'Model policy for employees in locally managed schools',
        publish: false,
        template: { slug: 'social-media-policy', releasedOn: '2017-03-01' },
        revisions: [
          {
            revise: reviseWestshireModel2026,
            approvedOn: '2026-09-01',
            nextReviewOn: '2027-09-01',
            changeSummary: 'Parents and carers, messaging and AI tools; reporting online concerns to the DSL (KCSIE 2026)',
          },
        ],
      },
    ],
  },
  {
    slug: 'leaf-trust',
    name: 'Leaf Trust',
    kind: 'trust',
    strapline: 'Unique Primary Schools Growing Together',
    branding: { logo: 'leaf-trust-logo.png', primaryColour: '#1d5b2c', accentColour: '#2f6b3a', contactEmail: 'office@leaftrust.example', keepArchive: true },
    numbering: 'unnumbered',
    schools: LEAF_SCHOOLS.map(({ slug, name }) => ({ slug, name })),
    bodies: [
      {
        name: 'Trust Board',
        kind: 'board',
        quorum: 2,
        members: [
          { email: 'chair.board@leaftrust.example', position: 'chair' },
          { email: 'admin@leaftrust.example', position: 'clerk' },
          { email: 'chair.far@leaftrust.example', position: 'member' },
          { email: 'trustee@leaftrust.example', position: 'member' },
        ],
      },
      {
        name: 'Finance, Audit & Risk Committee',
        kind: 'committee',
        quorum: 2,
        members: [
          { email: 'chair.far@leaftrust.example', position: 'chair' },
          { email: 'admin@leaftrust.example', position: 'clerk' },
          { email: 'trustee@leaftrust.example', position: 'member' },
        ],
      },
    ],
    routes: [
      { name: 'Finance, Audit & Risk Committee approves', minorChangeRole: 'admin', stages: [{ body: 'Finance, Audit & Risk Committee', action: 'approve', appliesTo: 'all' }] },
      {
        name: 'Committee recommends, Trust Board ratifies',
        stages: [
          { body: 'Finance, Audit & Risk Committee', action: 'approve', appliesTo: 'all' },
          { body: 'Trust Board', action: 'ratify', appliesTo: 'major' },
        ],
      },
    ],
    terms: LEAF_TERMS,
    calendar: { naming: 'six-terms', startYears: [2024, 2025, 2026, 2027] },
    people: [
      { email: 'admin@leaftrust.example', name: 'Alex Turner', role: 'admin' },
      { email: 'ops.lead@leaftrust.example', name: 'Olivia Grant', role: 'author' },
      { email: 'chair.far@leaftrust.example', name: 'Charles Fenwick', role: 'approver' },
      { email: 'chair.board@leaftrust.example', name: 'Beatrice Hale', role: 'approver' },
      { email: 'trustee@leaftrust.example', name: 'Samuel Reed', role: 'approver' },
      ...LEAF_SCHOOLS.map((school) => ({ email: school.head, name: school.headName, role: 'publisher' as const, school: school.slug })),
      JO_CLARKE,
    ],
    policies: [
      {
        file: 'leaf-trust-use-of-social-media-policy-v1.0.txt',
        clonedFrom: { publisher: 'westshire-council', template: 'social-media-policy', release: '1.0', adapt: adaptModelForLeaf },
        slug: 'use-of-social-media-policy',
        title: 'Use of Social Media Policy',
        statutory: false,
        ownerTitle: 'Operations Lead',
        monitoredBy: 'Finance, Audit & Risk Committee',
        approvedBy: 'Finance, Audit & Risk Committee',
        approval: { submittedBy: 'ops.lead@leaftrust.example', decidedBy: 'chair.far@leaftrust.example', minuteReference: 'FAR/24-25/03/7', membersPresent: 3 },
        policyType: 'social-media',
        owner: 'ops.lead@leaftrust.example',
        reviewCycleMonths: 24,
        approvedOn: '2025-01-13',
        // "Review Date: Term 2, 2026/27": the end of Term 2 (Kent-style six-term year), as the cycle snaps it too.
        reviewTerm: { startYear: 2026, key: 'T2' },
        nextReviewOn: '2026-12-18',
        changeSummary: 'New Policy – Adopted from existing LA Policy',
        publish: true,
      },
    ],
  },
  {
    slug: 'life-mat',
    name: 'LiFE Multi Academy Trust',
    kind: 'trust',
    strapline: 'Inspiration Innovation Integrity',
    numbering: 'unnumbered',
    bodies: [{ name: 'Directors of the LiFE MAT', kind: 'board', members: [] }],
    calendar: { naming: 'three-terms', startYears: [2025, 2026] },
    people: [{ email: 'ops.lead@lifemat.example', name: 'Morgan Ellis', role: 'author' }, JO_CLARKE],
    policies: [
      {
        file: 'life-mat-social-media-policy.txt',
        slug: 'social-media-policy',
        title: 'Social Media Policy',
        statutory: false,
        ownerTitle: 'Head of School',
        policyType: 'social-media',
        owner: 'ops.lead@lifemat.example',
        monitoredBy: 'Directors of the LiFE MAT',
        approvedBy: 'Directors of the LiFE MAT',
        reviewCycleMonths: 24,
        approvedOn: '2017-03-01',
        nextReviewOn: '2019-03-01',
        changeSummary: 'Reviewed March 2017; ratified by the Directors June 2017',
        publish: true,
      },
    ],
  },
];

async function insert(manager: EntityManager, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const result = await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(row),
  );
  return result[0].id as string;
}

/** One release of a publisher's template (the catalogue is readable from any tenant). */
async function templateVersion(manager: EntityManager, clonedFrom: NonNullable<DemoPolicy['clonedFrom']>): Promise<{ id: string; content: PolicyDocument }> {
  const rows = await manager.query(
    `SELECT v.id, v.content FROM template_version v JOIN template t ON t.id = v.template_id JOIN organisation o ON o.id = t.publisher_id
      WHERE o.slug = $1 AND t.slug = $2 AND v.major || '.' || v.minor = $3`,
    [clonedFrom.publisher, clonedFrom.template, clonedFrom.release],
  );
  if (!rows[0]) throw new Error(`Demo data: no release ${clonedFrom.release} of template ${clonedFrom.publisher}/${clonedFrom.template} to clone`);
  return rows[0];
}

/** Records how a seeded version was approved: its request, the body's decision and the audit events, as the app would have. */
async function recordApproval(
  manager: EntityManager,
  organisationId: string,
  version: { policyId: string; versionId: string; content: PolicyDocument; approvedOn: string; changeSummary: string },
  approval: { bodyId: string; bodyName: string; submittedBy: string; decidedBy: string; minuteReference: string; membersPresent: number },
): Promise<void> {
  const hash = contentHash(version.content);
  const requestId = await insert(manager, 'approval_request', {
    organisation_id: organisationId,
    policy_id: version.policyId,
    version_id: version.versionId,
    status: 'approved',
    closed_at: new Date(),
    change_summary: version.changeSummary,
    change_origin: 'trust-decision',
    change_kind: 'major',
    submitted_content_hash: hash,
    content_hash: hash,
    author_may_approve: false,
    submitted_by: approval.submittedBy,
    current_stage: 1,
  });
  await manager.query(`INSERT INTO approval_request_stage (organisation_id, request_id, position, body_id, action) VALUES ($1, $2, 1, $3, 'approve')`, [organisationId, requestId, approval.bodyId]);
  await insert(manager, 'approval_decision', {
    organisation_id: organisationId,
    request_id: requestId,
    stage: 1,
    outcome: 'approved',
    decided_on: version.approvedOn,
    method: 'meeting',
    minute_reference: approval.minuteReference,
    members_present: approval.membersPresent,
    decided_by: approval.decidedBy,
    content_hash: hash,
  });
  await manager.query(`UPDATE policy_version SET status = 'approved', change_origin = 'trust-decision', approval_request_id = $3 WHERE organisation_id = $1 AND id = $2`, [
    organisationId,
    version.versionId,
    requestId,
  ]);
  const event = { policyId: version.policyId, versionId: version.versionId, contentHash: hash };
  await appendAuditEvent(manager, organisationId, approval.submittedBy, { ...event, action: 'approval.submitted', details: { requestId, changeKind: 'major', changeOrigin: 'trust-decision', changeSummary: version.changeSummary, stages: [`approval by ${approval.bodyName}`] } });
  await appendAuditEvent(manager, organisationId, approval.decidedBy, {
    ...event,
    action: 'approval.decided',
    details: { requestId, stage: 1, decider: approval.bodyName, outcome: 'approved', decidedOn: version.approvedOn, method: 'meeting', minuteReference: approval.minuteReference },
  });
  await appendAuditEvent(manager, organisationId, approval.decidedBy, { ...event, action: 'version.approved', details: { requestId, version: '1.0', approvedOn: version.approvedOn, effectiveOn: version.approvedOn, supersedes: null } });
}

async function personId(manager: EntityManager, person: DemoPerson, passwordHash: string): Promise<string> {
  const existing = await manager.query(`SELECT id FROM person WHERE email = $1`, [person.email]);
  if (existing.length) return existing[0].id;
  return insert(manager, 'person', { email: person.email, display_name: person.name, password_hash: passwordHash });
}

/** The trust's branding: the strapline, and the logo re-encoded and stored as an upload would be. */
async function seedBranding(manager: EntityManager, files: FileStore, organisationId: string, spec: DemoOrganisation): Promise<void> {
  if (!spec.strapline && !spec.branding) return;
  let logoId: string | null = null;
  if (spec.branding?.logo) {
    const logo = await reencodeLogo(readFileSync(join(DEMO_DIR, spec.branding.logo)));
    const hash = sha256(logo.png);
    await files.put(fileKey(organisationId, 'assets', hash, 'png'), logo.png, 'image/png');
    logoId = await insert(manager, 'asset', { organisation_id: organisationId, kind: 'logo', content_type: 'image/png', sha256: hash, byte_size: logo.png.length, width: logo.width, height: logo.height });
  }
  await insert(manager, 'branding', {
    organisation_id: organisationId,
    strapline: spec.strapline ?? null,
    logo_asset_id: logoId,
    primary_colour: spec.branding?.primaryColour ?? null,
    accent_colour: spec.branding?.accentColour ?? null,
    contact_email: spec.branding?.contactEmail ?? null,
    keep_archive: spec.branding?.keepArchive ?? null,
  });
}

async function seedOrganisation(manager: EntityManager, spec: DemoOrganisation, passwordHash: string, files: FileStore): Promise<void> {
  const organisationId = await insert(manager, 'organisation', {
    slug: spec.slug,
    name: spec.name,
    kind: spec.kind,
    numbering_style: spec.numbering,
  });
  const schools = new Map<string, string>();
  for (const school of spec.schools ?? []) {
    schools.set(school.slug, await insert(manager, 'organisation', { slug: school.slug, name: school.name, kind: 'school', parent_id: organisationId, numbering_style: spec.numbering }));
  }
  await setTenant(manager, { organisationId });
  await seedBranding(manager, files, organisationId, spec);
  for (const [position, term] of (spec.terms ?? []).entries()) {
    await insert(manager, 'organisation_term', { organisation_id: organisationId, position, term_from: term.from, term_to: term.to });
  }
  const memberships = new Map<string, { id: string; personId: string }>();
  for (const person of spec.people) {
    const id = await personId(manager, person, passwordHash);
    memberships.set(person.email, {
      personId: id,
      // Its own time, not the transaction's: signing in starts in a person's first membership (Leaf Trust, for Jo Clarke).
      id: await insert(manager, 'membership', { organisation_id: organisationId, school_id: person.school ? schools.get(person.school) : null, person_id: id, role: person.role, created_at: new Date() }),
    });
  }
  for (const startYear of spec.calendar?.startYears ?? []) {
    const year = presetYear(startYear, spec.calendar!.naming);
    await insert(manager, 'term_calendar_year', { organisation_id: organisationId, start_year: year.startYear, naming: year.naming, periods: JSON.stringify(year.periods) });
  }
  const bodies = new Map<string, string>();
  for (const body of spec.bodies ?? []) {
    const bodyId = await insert(manager, 'governance_body', { organisation_id: organisationId, name: body.name, kind: body.kind, quorum: body.quorum ?? null });
    bodies.set(body.name, bodyId);
    for (const member of body.members) {
      await manager.query(`INSERT INTO governance_body_member (organisation_id, body_id, membership_id, position) VALUES ($1, $2, $3, $4)`, [
        organisationId,
        bodyId,
        memberships.get(member.email)!.id,
        member.position,
      ]);
    }
  }
  for (const [index, route] of (spec.routes ?? []).entries()) {
    const routeId = await insert(manager, 'approval_route', { organisation_id: organisationId, name: route.name, is_default: index === 0, minor_change_role: route.minorChangeRole ?? null });
    for (const [position, stage] of route.stages.entries()) {
      await manager.query(`INSERT INTO approval_route_stage (organisation_id, route_id, position, body_id, action, applies_to) VALUES ($1, $2, $3, $4, $5, $6)`, [
        organisationId,
        routeId,
        position + 1,
        bodies.get(stage.body),
        stage.action,
        stage.appliesTo,
      ]);
    }
  }
  for (const policy of spec.policies) {
    const upstream = policy.clonedFrom ? await templateVersion(manager, policy.clonedFrom) : undefined;
    const content = upstream && policy.clonedFrom ? policy.clonedFrom.adapt(upstream.content) : documentFromOutline(importText(readFileSync(join(POLICY_DIR, policy.file), 'utf8')));
    const policyId = await insert(manager, 'policy', {
      organisation_id: organisationId,
      slug: policy.slug,
      title: policy.title,
      statutory: policy.statutory,
      owner_title: policy.ownerTitle,
      monitoring_body_id: policy.monitoredBy ? bodies.get(policy.monitoredBy) : null,
      review_cycle_months: policy.reviewCycleMonths,
      policy_type_key: policy.policyType,
      owner_id: policy.owner ? memberships.get(policy.owner)!.id : null,
      next_review_on: policy.revisions?.at(-1)?.nextReviewOn ?? policy.nextReviewOn,
      next_review_year: policy.reviewTerm?.startYear ?? null,
      next_review_term: policy.reviewTerm?.key ?? null,
    });
    const templateId = policy.template
      ? await insert(manager, 'template', { publisher_id: organisationId, slug: policy.template.slug, title: policy.title, statutory: policy.statutory, source_policy_id: policyId })
      : null;
    // Version 1.0, then each revision as 1.1, 1.2 …: the last is approved, the others superseded.
    const versions = [{ content, approvedOn: policy.approvedOn, nextReviewOn: policy.nextReviewOn, changeSummary: policy.changeSummary, releasedOn: policy.template?.releasedOn }];
    for (const revision of policy.revisions ?? []) {
      versions.push({ ...revision, content: revision.revise(versions[versions.length - 1]!.content), releasedOn: revision.approvedOn });
    }
    let versionId = '';
    for (const [minor, version] of versions.entries()) {
      versionId = await insert(manager, 'policy_version', {
        organisation_id: organisationId,
        policy_id: policyId,
        major: 1,
        minor,
        // A version with a recorded approval is inserted in approval and approved through its request below.
        status: policy.approval ? 'in_approval' : minor === versions.length - 1 ? 'approved' : 'superseded',
        content: JSON.stringify(version.content),
        content_hash: contentHash(version.content),
        change_summary: version.changeSummary,
        change_kind: 'major',
        approved_on: version.approvedOn,
        effective_on: version.approvedOn,
        approved_by_body_id: policy.approvedBy ? bodies.get(policy.approvedBy) : null,
        next_review_on: version.nextReviewOn,
        upstream_template_version_id: upstream?.id ?? null,
      });
      if (policy.approval) {
        await recordApproval(manager, organisationId, { policyId, versionId, content: version.content, approvedOn: version.approvedOn, changeSummary: version.changeSummary }, {
          bodyId: bodies.get(policy.approvedBy!)!,
          bodyName: policy.approvedBy!,
          submittedBy: memberships.get(policy.approval.submittedBy)!.personId,
          decidedBy: memberships.get(policy.approval.decidedBy)!.personId,
          minuteReference: policy.approval.minuteReference,
          membersPresent: policy.approval.membersPresent,
        });
      }
      if (!templateId) continue;
      await insert(manager, 'template_version', {
        publisher_id: organisationId,
        template_id: templateId,
        major: 1,
        minor,
        content: JSON.stringify(version.content),
        content_hash: contentHash(version.content),
        released_on: version.releasedOn,
        change_summary: version.changeSummary,
      });
    }
    await indexClauses(manager, { organisationId, id: versionId, policyId, content: versions[versions.length - 1]!.content });
    if (!policy.publish) continue;
    for (const schoolId of [null, ...schools.values()]) {
      await insert(manager, 'publication', { organisation_id: organisationId, school_id: schoolId, policy_id: policyId, policy_version_id: versionId });
    }
  }
  await setTenant(manager, { organisationId: null });
}

/**
 * Seeds each demo organisation that does not exist yet, in one transaction. Returns the slugs
 * seeded. Their publications have no artefacts yet: the app renders them when it starts
 * (PublicationService.renderMissingArtefacts), as it would for any copy published before.
 */
export async function seedDemoData(owner: DataSource, files: FileStore): Promise<string[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return owner.transaction(async (manager) => {
    const seeded: string[] = [];
    for (const spec of DEMO_ORGANISATIONS) {
      const exists = await manager.query(`SELECT 1 FROM organisation WHERE slug = $1`, [spec.slug]);
      if (exists.length) continue;
      await seedOrganisation(manager, spec, passwordHash, files);
      seeded.push(spec.slug);
    }
    if (seeded.length) logger.log(`Seeded demo organisations: ${seeded.join(', ')}`);
    return seeded;
  });
}

/** True when the database holds no organisations at all (a brand-new embedded database). */
export async function isEmpty(owner: DataSource): Promise<boolean> {
  const rows = await owner.query(`SELECT 1 FROM organisation LIMIT 1`);
  return rows.length === 0;
}
