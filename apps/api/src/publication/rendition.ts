/**
 * Everything one copy of a policy shows when it is published — the trust's or an academy's —
 * gathered into a `PolicyRendition` (libs/pdf): the text with the school's overrides and
 * variables, the cover's document-control facts, the generated history, the branding. Runs in
 * any transaction of the tenant (a request or a publishing job), so the PDF and the web page
 * are built from the same facts wherever they are made.
 */
import { periodForDue } from '@ratify/calendar';
import { changeOriginLabel, type PolicyDocument } from '@ratify/document';
import { reviewCycleText, type HistoryItem, type PolicyRendition } from '@ratify/pdf';
import type { EntityManager } from 'typeorm';
import { historyRows } from '../approval/version-history.service';
import { effectiveBranding, renditionBranding, type EffectiveBranding } from '../branding/branding.service';
import { formatUkDate } from '../common/dates';
import type { OrganisationEntity } from '../organisation/organisation.entity';
import type { PolicyVersionEntity } from '../policy/policy-version.entity';
import { loadCalendars } from '../review/calendar.service';
import { MONITORING_BODY_OF_P } from '../governance/monitoring-body';
import { dueAt } from '../review/due-dates';
import type { FileStore } from '../storage/file-store';
import { plainValues, variableValuesFor } from '../variable/variable-values';
import { schoolCopy } from '../variant/variant.service';

interface CoverRow {
  title: string;
  statutory: boolean;
  ownerTitle: string | null;
  cycleMonths: number | null;
  nextReviewOn: string | null;
  nextReviewYear: number | null;
  nextReviewTerm: string | null;
  monitoredBy: string | null;
  approvedBy: string | null;
  adoptedOn: string | null;
  boardRatified: boolean;
  flags: { dueOn: string; reason: string }[];
}

const COVER_SQL = `
  SELECT p.title, p.statutory, p.owner_title AS "ownerTitle", p.review_cycle_months AS "cycleMonths",
         p.next_review_on AS "nextReviewOn", p.next_review_year AS "nextReviewYear", p.next_review_term AS "nextReviewTerm",
         body.name AS "monitoredBy",
         (SELECT b.name FROM governance_body b WHERE b.organisation_id = v.organisation_id AND b.id = v.approved_by_body_id) AS "approvedBy",
         (SELECT min(a.approved_on) FROM policy_version a WHERE a.organisation_id = p.organisation_id AND a.policy_id = p.id AND a.status IN ('approved', 'superseded')) AS "adoptedOn",
         EXISTS (SELECT 1 FROM approval_request_stage s
                   JOIN governance_body b ON b.organisation_id = s.organisation_id AND b.id = s.body_id AND b.kind = 'board'
                   JOIN approval_decision d ON d.organisation_id = s.organisation_id AND d.request_id = s.request_id AND d.stage = s.position AND d.outcome = 'approved'
                  WHERE s.organisation_id = v.organisation_id AND s.request_id = v.approval_request_id) AS "boardRatified",
         coalesce((SELECT jsonb_agg(jsonb_build_object('dueOn', f.due_on, 'reason', '') ORDER BY f.due_on)
                     FROM review_flag f WHERE f.organisation_id = p.organisation_id AND f.policy_id = p.id AND f.resolved_at IS NULL), '[]') AS flags
    FROM policy p
    JOIN policy_version v ON v.organisation_id = p.organisation_id AND v.id = $3
    LEFT JOIN governance_body body ON ${MONITORING_BODY_OF_P}
   WHERE p.organisation_id = $1 AND p.id = $2`;

export interface RenditionTarget {
  trust: OrganisationEntity;
  /** The academy whose copy it is; null for the trust's own. */
  school: OrganisationEntity | null;
  policyId: string;
  version: Pick<PolicyVersionEntity, 'id' | 'content' | 'number' | 'status' | 'major' | 'minor' | 'approvedOn'>;
}

export interface LoadedRendition {
  rendition: PolicyRendition;
  branding: EffectiveBranding;
  /** The copy's review date as a date, for the public index. */
  reviewOn: string | null;
}

/** Versions up to and including this one, in the order of their numbers. */
function upTo(version: RenditionTarget['version']) {
  return (row: { version: PolicyVersionEntity }) =>
    version.major === null || row.version.major! < version.major || (row.version.major === version.major && row.version.minor! <= version.minor!);
}

async function history(manager: EntityManager, organisationId: string, target: RenditionTarget): Promise<HistoryItem[]> {
  const rows = (await historyRows(manager, organisationId, target.policyId)).filter(upTo(target.version));
  return rows.map((row, index) => ({
    version: row.version.number!,
    date: formatUkDate(row.date),
    change: row.change ?? '',
    origin: row.reviewed ? null : changeOriginLabel(row.version.changeOrigin),
    changedClauses: row.reviewed ? [] : index === 0 ? 'whole' : row.changedClauseIds,
  }));
}

export async function loadRendition(manager: EntityManager, files: FileStore, target: RenditionTarget): Promise<LoadedRendition> {
  const { trust, school } = target;
  const [cover]: CoverRow[] = await manager.query(COVER_SQL, [trust.id, target.policyId, target.version.id]);
  if (!cover) throw new Error(`Policy ${target.policyId} or its version ${target.version.id} is missing`);
  const calendar = (await loadCalendars(manager, trust.id)).forSchool(school?.id ?? null);
  const reviewOn = dueAt(cover, calendar);
  const document: PolicyDocument = school ? (await schoolCopy(manager, trust.id, school.id, target.policyId, target.version)).document : target.version.content;
  const branding = await effectiveBranding(manager, trust.id, school?.id ?? null);
  const approved = target.version.status === 'approved' || target.version.status === 'superseded';
  const rendition: PolicyRendition = {
    title: cover.title,
    language: 'en-GB',
    organisationName: trust.name,
    schoolName: school?.name ?? null,
    version: { number: target.version.number ?? 'draft', approved },
    issuedOn: approved ? target.version.approvedOn : null,
    cover: {
      statutory: cover.statutory,
      adoptedOn: cover.adoptedOn ? formatUkDate(cover.adoptedOn) : null,
      author: cover.ownerTitle,
      monitoredBy: cover.monitoredBy,
      boardRatification: cover.boardRatified,
      approvedBy: approved ? cover.approvedBy : null,
      approvedOn: approved && target.version.approvedOn ? formatUkDate(target.version.approvedOn) : null,
      reviewCycle: reviewCycleText(cover.cycleMonths),
      reviewDate: reviewOn ? (periodForDue(calendar, reviewOn)?.label ?? formatUkDate(reviewOn)) : null,
    },
    history: await history(manager, trust.id, target),
    branding: await renditionBranding(files, trust.id, branding),
    document,
    numbering: trust.numberingStyle,
    variables: plainValues(await variableValuesFor(manager, trust, school)),
  };
  return { rendition, branding, reviewOn };
}
