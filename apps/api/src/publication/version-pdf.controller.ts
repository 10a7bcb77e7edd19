import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Members } from '../common/access';
import { parseId } from '../common/ids';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { OrganisationService } from '../organisation/organisation.service';
import { PolicyService } from '../policy/policy.service';
import { FileStore } from '../storage/file-store';
import { PdfRenderer } from './pdf-renderer';
import { loadRendition } from './rendition';

/**
 * GET /api/versions/{versionId}.pdf[?schoolId=…]: any version of one of the caller's policies
 * as its PDF — a draft or a version in approval with the DRAFT watermark — for the trust's copy
 * or an academy's. For reading and printing before approval; nothing is stored or published.
 */
@Controller('api/versions')
export class VersionPdfController {
  constructor(
    private readonly database: Database,
    private readonly policies: PolicyService,
    private readonly organisations: OrganisationService,
    private readonly files: FileStore,
    private readonly renderer: PdfRenderer,
  ) {}

  @Get(':file')
  @Members()
  async pdf(@Param('file') file: string, @Query('schoolId') schoolId: string | undefined, @Res() response: Response): Promise<void> {
    const id = parseId(file.replace(/\.pdf$/, ''), 'Version');
    const version = await this.policies.loadVersion(id);
    const policy = await this.policies.get(version.policyId);
    const trust = await this.organisations.load(RequestContext.require().caller!.membership!.organisationId);
    const school = schoolId ? await this.organisations.schoolOf(trust.id, schoolId) : null;
    const { rendition } = await loadRendition(await this.database.manager(), this.files, { trust, school, policyId: policy.id, version });
    const bytes = await this.renderer.render(rendition);
    const name = `${policy.slug}-${version.number ? `v${version.number}` : 'draft'}.pdf`;
    response.status(200).type('application/pdf').setHeader('Content-Disposition', `inline; filename="${name}"`).setHeader('Cache-Control', 'private, no-store').send(bytes);
  }
}
