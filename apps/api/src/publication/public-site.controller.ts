import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../common/access';
import { Clock } from '../common/clock';
import { archivePage, notFoundPage, pageCsp, PUBLIC_CSS, sitePage, withArchivedNotice } from './public-pages';
import { PublicSiteService, type PublicArtefact } from './public-site.service';

/**
 * Stable public addresses, no sign-in: /p/{slug} (a trust's or school's index), /p/{slug}/{policy}
 * and …/{policy}.pdf (always the current published version), …/{policy}/archive and
 * …/archive/{version}[.pdf] (superseded versions, when the trust keeps them). Anything else is 404.
 */
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

  @Get('_/logo/:slug/:file')
  async logo(@Param('slug') slug: string, @Param('file') file: string, @Res() response: Response): Promise<void> {
    const hash = /^([0-9a-f]{64})\.png$/.exec(file)?.[1];
    const bytes = hash ? await this.site.logo(slug, hash) : undefined;
    if (!bytes) return notFound(response);
    response.status(200).type('image/png').setHeader('Cache-Control', 'public, max-age=31536000, immutable').send(bytes);
  }

  @Get(':slug')
  async index(@Param('slug') slug: string, @Res() response: Response): Promise<void> {
    const found = await this.site.index(slug);
    if (!found) return notFound(response);
    page(response, sitePage(found.chrome, found.schools, found.policies, this.clock.today()), 60);
  }

  @Get(':slug/:policy')
  async policy(@Param('slug') slug: string, @Param('policy') policy: string, @Res() response: Response): Promise<void> {
    const pdf = policy.endsWith('.pdf');
    const artefact = await this.site.current(slug, pdf ? policy.slice(0, -4) : policy, pdf ? 'pdf' : 'html');
    if (!artefact) return notFound(response);
    send(response, artefact, pdf ? 'pdf' : 'html');
  }

  @Get(':slug/:policy/archive')
  async archive(@Param('slug') slug: string, @Param('policy') policy: string, @Res() response: Response): Promise<void> {
    const found = await this.site.archive(slug, policy);
    if (!found) return notFound(response);
    page(response, archivePage(found.chrome, found.policy, found.entries), 60);
  }

  @Get(':slug/:policy/archive/:version')
  async archived(@Param('slug') slug: string, @Param('policy') policy: string, @Param('version') version: string, @Res() response: Response): Promise<void> {
    const pdf = version.endsWith('.pdf');
    const artefact = await this.site.archived(slug, policy, pdf ? version.slice(0, -4) : version, pdf ? 'pdf' : 'html');
    if (!artefact) return notFound(response);
    if (pdf) return send(response, artefact, 'pdf');
    page(response, withArchivedNotice(artefact.bytes.toString('utf8'), `/p/${slug}/${policy}`, artefact.versionNumber), 300);
  }
}

function page(response: Response, html: string, maxAge: number): void {
  response.status(200).type('text/html; charset=utf-8').setHeader('Content-Security-Policy', pageCsp(html)).setHeader('Cache-Control', `public, max-age=${maxAge}`).send(html);
}

/** A stored artefact as it was published: its SHA-256 is its ETag and its Content-Digest. */
function send(response: Response, artefact: PublicArtefact, kind: 'pdf' | 'html'): void {
  response
    .status(200)
    .setHeader('ETag', `"${artefact.sha256}"`)
    .setHeader('Content-Digest', `sha-256=:${Buffer.from(artefact.sha256, 'hex').toString('base64')}:`)
    .setHeader('Cache-Control', 'public, max-age=300');
  if (kind === 'pdf') {
    response.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${artefact.policySlug}-v${artefact.versionNumber}.pdf"`).send(artefact.bytes);
  } else {
    const html = artefact.bytes.toString('utf8');
    response.type('text/html; charset=utf-8').setHeader('Content-Security-Policy', pageCsp(html)).send(html);
  }
}

function notFound(response: Response): void {
  const html = notFoundPage();
  response.status(404).type('text/html; charset=utf-8').setHeader('Content-Security-Policy', pageCsp(html)).send(html);
}
