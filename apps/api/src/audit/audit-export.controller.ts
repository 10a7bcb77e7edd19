import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { Members } from '../common/access';
import { PolicyService } from '../policy/policy.service';
import { AUDIT_READERS } from './audit.resolver';
import { AuditService } from './audit.service';

const COLUMNS = ['Sequence', 'When (UTC)', 'Who', 'Action', 'Policy', 'Version', 'Content SHA-256', 'Details'];

/**
 * GET /api/policies/:policyId/audit.csv: a policy's audit trail over all its versions, for an
 * audit committee. Cells that a spreadsheet would run as a formula are escaped.
 */
@Controller('api/policies')
export class AuditExportController {
  constructor(
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
  ) {}

  @Get(':policyId/audit.csv')
  @Members(...AUDIT_READERS)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async export(@Param('policyId') policyId: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const policy = await this.policies.get(policyId);
    const events = await this.audit.events(policy.id);
    response.setHeader('Content-Disposition', `attachment; filename="${policy.slug}-audit-trail.csv"`);
    const rows = events.map((event) => [
      event.seq,
      event.occurredAt.toISOString(),
      event.actorName ?? '',
      event.action,
      event.policyTitle ?? '',
      event.versionNumber ?? '',
      event.contentHash ?? '',
      JSON.stringify(event.details),
    ]);
    return stringify([COLUMNS, ...rows], { escape_formulas: true, record_delimiter: 'windows' });
  }
}
