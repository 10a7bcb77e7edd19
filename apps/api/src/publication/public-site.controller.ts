import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { buildPolicyPdf, renderPdf } from '@ratify/pdf';
import type { Response } from 'express';
import { Public } from '../common/access';
import { Clock } from '../common/clock';
import { formatUkDate } from '../common/dates';
import { notFoundPage, policyPage, PUBLIC_CSS, sitePage } from './public-pages';
import { PublicSiteService } from './public-site.service';

/** /p/{slug}, /p/{slug}/{policySlug} and its .pdf: stable public addresses, no sign-in. */
@Controller('p')
@Public()
export class PublicSiteController {
  constructor(
    private readonly site: PublicSiteService,
    private readonly clock: Clock,
  ) {}

  @Get('_/public.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  stylesheet(): string {
    return PUBLIC_CSS;
  }

  @Get(':slug')
  async index(@Param('slug') slug: string, @Res() response: Response): Promise<void> {
    const site = await this.site.site(slug);
    if (!site) return void notFound(response);
    html(response, sitePage(site, this.clock.today()));
  }

  @Get(':slug/:policy')
  async policy(@Param('slug') slug: string, @Param('policy') policySlug: string, @Res() response: Response): Promise<void> {
    const pdf = policySlug.endsWith('.pdf');
    const found = await this.site.policy(slug, pdf ? policySlug.slice(0, -4) : policySlug);
    if (!found) return void notFound(response);
    const { site, trust, policy, variables } = found;
    if (!pdf) return void html(response, policyPage(site, trust, policy, variables, this.clock.today()));
    const owner = trust ?? site;
    const bytes = await renderPdf(
      buildPolicyPdf({
        title: policy.title,
        organisationName: owner.name,
        schoolName: trust ? site.name : undefined,
        version: {
          number: policy.versionNumber,
          approved: true,
          approvedOn: formatUkDate(policy.approvedOn),
          nextReview: policy.nextReviewOn ? formatUkDate(policy.nextReviewOn) : undefined,
        },
        document: policy.content,
        numbering: owner.numberingStyle,
        variables,
      }),
    );
    response
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Disposition', `inline; filename="${policy.slug}.pdf"`)
      .setHeader('Cache-Control', 'public, max-age=300')
      .send(bytes);
  }
}

function html(response: Response, body: string): void {
  response.status(200).type('text/html; charset=utf-8').setHeader('Cache-Control', 'public, max-age=60').send(body);
}

function notFound(response: Response): void {
  response.status(404).type('text/html; charset=utf-8').send(notFoundPage());
}
