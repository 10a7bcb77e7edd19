/**
 * An organisation's terminology, and applying it to a draft as an ordinary, recorded edit:
 * the person sees each proposal, accepts some, and the draft is saved with the usual
 * optimistic check, so it shows in the draft's history and redlines like any other change.
 */
import { Injectable } from '@nestjs/common';
import { applyTerminology, proposeTerminology, type TermProposal, type TermReplacement } from '@ratify/document';
import { AppError, ErrorCode } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { DraftService } from '../policy/draft.service';
import type { PolicyVersionEntity } from '../policy/policy-version.entity';
import { PolicyService } from '../policy/policy.service';

export const MAX_TERMS = 100;

@Injectable()
export class TerminologyService {
  constructor(
    private readonly database: Database,
    private readonly policies: PolicyService,
    private readonly drafts: DraftService,
  ) {}

  private organisationId(): string {
    return RequestContext.require().caller!.membership!.organisationId;
  }

  async terms(): Promise<TermReplacement[]> {
    const manager = await this.database.manager();
    const rows: { term_from: string; term_to: string }[] = await manager.query(
      `SELECT term_from, term_to FROM organisation_term WHERE organisation_id = $1 ORDER BY position`,
      [this.organisationId()],
    );
    return rows.map((row) => ({ from: row.term_from, to: row.term_to }));
  }

  /** Replaces the whole list (the order is kept, for people; matching is longest first anyway). */
  async setTerms(terms: TermReplacement[]): Promise<TermReplacement[]> {
    if (terms.length > MAX_TERMS) throw new AppError(ErrorCode.BAD_USER_INPUT, `Keep the list to at most ${MAX_TERMS} terms.`);
    const seen = new Set<string>();
    for (const term of terms) {
      if (seen.has(term.from)) throw new AppError(ErrorCode.BAD_USER_INPUT, `"${term.from}" is in the list twice.`);
      seen.add(term.from);
    }
    const organisationId = this.organisationId();
    const manager = await this.database.manager();
    await manager.query(`DELETE FROM organisation_term WHERE organisation_id = $1`, [organisationId]);
    for (const [position, term] of terms.entries()) {
      await manager.query(`INSERT INTO organisation_term (organisation_id, position, term_from, term_to) VALUES ($1, $2, $3, $4)`, [organisationId, position, term.from, term.to]);
    }
    return terms;
  }

  async proposals(versionId: string): Promise<TermProposal[]> {
    const version = await this.policies.loadVersion(versionId);
    return proposeTerminology(version.content, await this.terms());
  }

  async apply(versionId: string, expectedRevision: number, accept: string[]): Promise<PolicyVersionEntity> {
    const draft = await this.policies.loadVersion(versionId);
    if (draft.status !== 'draft') throw new AppError(ErrorCode.CONFLICT, 'This version is no longer a draft, so it cannot be changed. Start a new draft to edit the policy.');
    const content = applyTerminology(draft.content, await this.terms(), new Set(accept));
    return this.drafts.saveDraft(draft.id, expectedRevision, content);
  }
}
