import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
import { PolicyService } from '../policy/policy.service';
import { AuditChainCheck, AuditEvent } from '../approval/dto/approval.types';
import { AuditService, type AuditEventRow } from './audit.service';

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    seq: row.seq,
    occurredAt: row.occurredAt,
    actor: row.actorName,
    action: row.action,
    policyTitle: row.policyTitle,
    versionId: row.versionId,
    versionNumber: row.versionNumber,
    contentHash: row.contentHash,
    details: row.details,
  };
}

/** Who may read the audit trail: the people who govern (admins and approvers, e.g. the audit committee). */
export const AUDIT_READERS = ['admin', 'approver'] as const;

@Resolver(() => AuditEvent)
@Members(...AUDIT_READERS)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
  ) {}

  @Query(() => [AuditEvent], { description: "The audit trail, oldest first: one policy's (over all its versions), or the whole organisation's." })
  async auditEvents(@Args('policyId', { type: () => ID, nullable: true }) policyId: string | null): Promise<AuditEvent[]> {
    const id = policyId ? (await this.policies.get(policyId)).id : null;
    return (await this.audit.events(id)).map(toAuditEvent);
  }

  @Query(() => AuditChainCheck, { description: "Re-computes the organisation's audit chain: an event altered behind the database's back breaks it." })
  @Members('admin')
  async auditChainCheck(): Promise<AuditChainCheck> {
    const result = await this.audit.verify();
    return { ...result, intact: result.brokenAt === null };
  }
}
