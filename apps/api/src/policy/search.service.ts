/**
 * Full-text search over an organisation's policies (Postgres tsvector over each clause's
 * plain text and its section heading), answering with the best-matching clause per policy.
 */
import { Injectable } from '@nestjs/common';
import { escapeHtml } from '@ratify/document';
import { AppError, ErrorCode } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';

export interface SearchHit {
  policyId: string;
  versionId: string;
  clauseId: string | null;
  sectionHeading: string | null;
  snippet: string;
}

const START = '\u0001';
const STOP = '\u0002';

/** ts_headline marks matches with control characters; escape everything, then turn those into <mark>. */
export function markSnippet(headline: string): string {
  return escapeHtml(headline).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}

@Injectable()
export class SearchService {
  constructor(private readonly database: Database) {}

  async search(query: string, first: number): Promise<SearchHit[]> {
    const text = query.trim();
    if (text.length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Type something to search for.');
    if (text.length > 200) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Search for at most 200 characters.');
    if (!Number.isInteger(first) || first < 1 || first > 50) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Ask for between 1 and 50 results.');
    const organisationId = RequestContext.require().caller!.membership!.organisationId;
    const manager = await this.database.manager();
    const rows: { policy_id: string; version_id: string; clause_id: string; section_heading: string; headline: string }[] = await manager.query(
      `WITH q AS (SELECT websearch_to_tsquery('english', $2) AS query),
       best AS (
         SELECT DISTINCT ON (c.policy_id) c.policy_id, c.version_id, c.clause_id, c.section_heading, c.text,
                ts_rank(c.search, q.query) + CASE WHEN to_tsvector('english', p.title) @@ q.query THEN 1 ELSE 0 END AS rank
           FROM policy_clause c
           JOIN policy_version v ON v.organisation_id = c.organisation_id AND v.id = c.version_id AND v.status <> 'superseded'
           JOIN policy p ON p.organisation_id = c.organisation_id AND p.id = c.policy_id AND p.deleted_at IS NULL
           CROSS JOIN q
          WHERE c.organisation_id = $1 AND (c.search @@ q.query OR to_tsvector('english', p.title) @@ q.query)
          ORDER BY c.policy_id, (c.search @@ q.query) DESC, rank DESC, v.status = 'draft' DESC, c.position
       )
       SELECT best.policy_id, best.version_id, best.clause_id, best.section_heading,
              ts_headline('english', best.text, q.query, 'StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS headline
         FROM best CROSS JOIN q
        ORDER BY best.rank DESC, best.policy_id
        LIMIT $3`,
      [organisationId, text, first],
    );
    return rows.map((row) => ({
      policyId: row.policy_id,
      versionId: row.version_id,
      clauseId: row.clause_id,
      sectionHeading: row.section_heading || null,
      snippet: markSnippet(row.headline),
    }));
  }
}
