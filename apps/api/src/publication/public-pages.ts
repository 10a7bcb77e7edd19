/**
 * The public pages parents and inspectors read: semantic, server-rendered HTML with no script,
 * the page language, a skip link, a print stylesheet and a way to ask for another format. A
 * policy's page is built from the same rendition as its PDF (cover facts, history, text), and is
 * stored as an immutable artefact when the policy is published; the index pages are live.
 * Branding colours come in a small inline style whose hash the response's CSP allows.
 */
import { createHash } from 'node:crypto';
import { escapeHtml as e, renderHtml } from '@ratify/document';
import { coverRows, supersedesNote, type PolicyRendition } from '@ratify/pdf';
import type { EffectiveBranding } from '../branding/branding.service';
import { formatUkDate } from '../common/dates';
import type { OrganisationEntity } from '../organisation/organisation.entity';

/** What a page's header needs: the place, its trust, and the place's effective branding. */
export interface SiteChrome {
  site: OrganisationEntity;
  trust: OrganisationEntity | null;
  branding: EffectiveBranding;
}

export interface IndexEntry {
  slug: string;
  title: string;
  versionNumber: string;
  approvedOn: string;
  nextReviewOn: string | null;
  nextReviewLabel: string | null;
}

export interface ArchiveEntry {
  versionNumber: string;
  approvedOn: string;
  supersededAt: Date;
}

/** The brand colours as custom properties (the rest of the look is the shared stylesheet). */
function brandStyle(branding: EffectiveBranding): string {
  const font = branding.font === 'DejaVu Serif' ? '"DejaVu Serif", Georgia, serif' : `"${branding.font}", system-ui, -apple-system, "Segoe UI", Arial, sans-serif`;
  return `:root{--accent:${branding.primaryColour};--accent-2:${branding.accentColour};--brand-font:${font}}`;
}

function layout(chrome: SiteChrome, title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<link rel="stylesheet" href="/p/_/public.css">
<style>${brandStyle(chrome.branding)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
${header(chrome)}
${body}
<footer class="site-footer"><p>Published with Ratify.</p></footer>
</body>
</html>`;
}

function header({ site, trust, branding }: SiteChrome): string {
  const logo = branding.logo
    ? `<img class="site-logo" src="/p/_/logo/${e(site.slug)}/${branding.logo.sha256}.png" alt="" width="${Math.round((branding.logo.width * 64) / branding.logo.height)}" height="64">`
    : '';
  return `<header class="site-header">
${logo}<p class="site-name"><a href="/p/${e(site.slug)}">${e(site.name)}</a></p>
${trust ? `<p class="site-trust">Part of <a href="/p/${e(trust.slug)}">${e(trust.name)}</a></p>` : ''}
${branding.strapline ? `<p class="site-strapline">${e(branding.strapline)}</p>` : ''}
</header>`;
}

/** How to ask for a policy in another format: an email with the subject filled in, or the school's name. */
function alternativeFormat(chrome: SiteChrome, policyTitle?: string): string {
  const what = policyTitle ? `this policy` : 'a policy';
  const contact = chrome.branding.contactEmail;
  if (!contact) return `<p class="alternative-format">To ask for ${what} in another format, such as large print, audio or a paper copy, please contact ${e(chrome.site.name)}.</p>`;
  const subject = encodeURIComponent(policyTitle ? `Request for ${policyTitle} in another format` : 'Request for a policy in another format');
  return `<p class="alternative-format">To ask for ${what} in another format, such as large print, audio, another language or a paper copy, email <a href="mailto:${e(contact)}?subject=${subject}">${e(contact)}</a> and say which format you need.</p>`;
}

function reviewText(entry: IndexEntry, today: string): string {
  if (!entry.nextReviewOn) return 'Not set';
  const when = entry.nextReviewLabel ? `${e(entry.nextReviewLabel)} (${formatUkDate(entry.nextReviewOn)})` : formatUkDate(entry.nextReviewOn);
  return entry.nextReviewOn < today ? `${when}, review overdue` : when;
}

function indexRow(site: OrganisationEntity, entry: IndexEntry, today: string): string {
  const href = `/p/${e(site.slug)}/${e(entry.slug)}`;
  return `<tr>
<th scope="row"><a href="${href}">${e(entry.title)}</a></th>
<td>${e(entry.versionNumber)}</td>
<td>${formatUkDate(entry.approvedOn)}</td>
<td>${reviewText(entry, today)}</td>
<td><a href="${href}.pdf">PDF<span class="visually-hidden"> of ${e(entry.title)}</span></a></td>
</tr>`;
}

export function sitePage(chrome: SiteChrome, schools: OrganisationEntity[], policies: IndexEntry[], today: string): string {
  const { site } = chrome;
  const schoolList = schools.length
    ? `<section aria-labelledby="schools-heading">
<h2 id="schools-heading">Our academies</h2>
<ul class="school-list">${schools.map((school) => `<li><a href="/p/${e(school.slug)}">${e(school.name)}</a></li>`).join('')}</ul>
</section>`
    : '';
  const table = policies.length
    ? `<table>
<caption>Policies published by ${e(site.name)}</caption>
<thead><tr><th scope="col">Policy</th><th scope="col">Version</th><th scope="col">Approved</th><th scope="col">Next review</th><th scope="col">Print copy</th></tr></thead>
<tbody>${policies.map((policy) => indexRow(site, policy, today)).join('')}</tbody>
</table>`
    : `<p>${e(site.name)} has not published any policies here yet.</p>`;
  return layout(
    chrome,
    `Policies – ${site.name}`,
    `<main id="main">
<h1>Policies</h1>
${schoolList}
<section aria-labelledby="policies-heading">
<h2 id="policies-heading">${schools.length ? 'Trust-wide policies' : 'Our policies'}</h2>
${table}
</section>
${alternativeFormat(chrome)}
</main>`,
  );
}

function historyTable(rendition: PolicyRendition): string {
  if (!rendition.history.length) return '';
  const rows = rendition.history
    .map((row) => `<tr><th scope="row">${e(row.version)}</th><td>${e(row.date)}</td><td>${e(row.change)}</td><td>${row.origin ? e(row.origin) : '—'}</td></tr>`)
    .join('');
  return `<section aria-labelledby="history-heading">
<h2 id="history-heading">History of policy changes</h2>
<table>
<thead><tr><th scope="col">Version</th><th scope="col">Date</th><th scope="col">Change</th><th scope="col">Origin of change</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</section>`;
}

/** A published policy's page: the stored HTML artefact. Pure: the same rendition gives the same bytes. */
export function policyPage(input: { chrome: SiteChrome; policySlug: string; rendition: PolicyRendition }): string {
  const { chrome, policySlug, rendition } = input;
  const { site } = chrome;
  const text = renderHtml(rendition.document, { numbering: rendition.numbering, headingLevel: 2, variables: rendition.variables });
  const facts = [{ label: 'Version', value: rendition.version.number }, ...coverRows(rendition)]
    .map((row) => `<dt>${e(row.label)}</dt><dd>${e(row.value)}</dd>`)
    .join('\n');
  return layout(
    chrome,
    `${rendition.title} – ${site.name}`,
    `<main id="main">
<article class="policy" lang="${e(rendition.language)}">
<h1>${e(rendition.title)}</h1>
<dl class="policy-facts">
${facts}
</dl>
<p class="supersedes">${e(supersedesNote(rendition))}</p>
<p class="download"><a href="/p/${e(site.slug)}/${e(policySlug)}.pdf">Download this policy as a PDF</a></p>
${historyTable(rendition)}
<section aria-labelledby="policy-text-heading" class="policy-text">
<h2 id="policy-text-heading" class="visually-hidden">The policy</h2>
${text}
</section>
</article>
${alternativeFormat(chrome, rendition.title)}
</main>`,
  );
}

/** Superseded versions the trust keeps public: each with its web page and PDF. */
export function archivePage(chrome: SiteChrome, policy: { slug: string; title: string }, entries: ArchiveEntry[]): string {
  const { site } = chrome;
  const base = `/p/${e(site.slug)}/${e(policy.slug)}`;
  const rows = entries
    .map(
      (entry) => `<tr><th scope="row">${e(entry.versionNumber)}</th><td>${formatUkDate(entry.approvedOn)}</td><td>${formatUkDate(entry.supersededAt.toISOString().slice(0, 10))}</td>
<td><a href="${base}/archive/${e(entry.versionNumber)}">Web page<span class="visually-hidden"> of version ${e(entry.versionNumber)}</span></a> · <a href="${base}/archive/${e(entry.versionNumber)}.pdf">PDF<span class="visually-hidden"> of version ${e(entry.versionNumber)}</span></a></td></tr>`,
    )
    .join('');
  return layout(
    chrome,
    `Earlier versions of ${policy.title} – ${site.name}`,
    `<main id="main">
<h1>Earlier versions of ${e(policy.title)}</h1>
<p>These versions are no longer in force. <a href="${base}">Read the current version</a>.</p>
${
  entries.length
    ? `<table><caption>Superseded versions</caption><thead><tr><th scope="col">Version</th><th scope="col">Approved</th><th scope="col">Superseded</th><th scope="col">Copies</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>There are no earlier versions of this policy.</p>'
}
</main>`,
  );
}

/** A superseded version's stored page, with a notice that it is no longer in force. */
export function withArchivedNotice(html: string, current: string, versionNumber: string): string {
  return html.replace(
    '<main id="main">',
    `<main id="main">\n<p class="archived-notice" role="note"><strong>This is version ${e(versionNumber)}, which is no longer in force.</strong> <a href="${e(current)}">Read the current version</a>.</p>`,
  );
}

export function notFoundPage(): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Page not found</title><link rel="stylesheet" href="/p/_/public.css"></head>
<body><a class="skip-link" href="#main">Skip to main content</a>
<main id="main"><h1>Page not found</h1><p>There is no published policy at this address. It may have been moved or withdrawn.</p></main>
</body>
</html>`;
}

/** The Content-Security-Policy for a page: our stylesheet plus its inline brand style, by hash. */
export function pageCsp(html: string): string {
  const hashes = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
  return ["default-src 'none'", `style-src 'self' ${hashes.join(' ')}`.trim(), "img-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');
}

export const PUBLIC_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --accent: #1d5b2c; --accent-2: #1d5b2c; --focus: #ffbf47; --brand-font: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1rem 1.25rem 3rem; font: 1.0625rem/1.6 var(--brand-font); color: var(--ink); background: #fff; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; background: var(--focus); color: #0b0c0c; }
.skip-link { position: absolute; left: -999px; top: 0; padding: 0.5rem 1rem; background: var(--focus); color: #0b0c0c; }
.skip-link:focus { left: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.site-header { border-bottom: 4px solid var(--accent); margin-bottom: 1.5rem; padding-bottom: 0.5rem; }
.site-logo { display: block; max-width: 100%; height: auto; max-height: 4rem; width: auto; margin: 0.25rem 0; }
.site-name { font-size: 1.5rem; font-weight: 700; margin: 0.25rem 0; }
.site-name a { color: var(--ink); text-decoration: none; }
.site-trust, .site-strapline { margin: 0.25rem 0; color: var(--muted); }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; color: var(--accent); }
h2 { font-size: 1.375rem; margin: 2rem 0 0.5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; padding: 0.5rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
thead th { border-bottom: 2px solid var(--accent-2); }
.policy-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; padding: 1rem; background: #f3f2f1; border-left: 4px solid var(--accent); }
.policy-facts dt { font-weight: 600; }
.policy-facts dd { margin: 0; }
.archived-notice { padding: 0.75rem 1rem; border-left: 4px solid #d4351c; background: #fdf2f0; }
.clause { margin: 0 0 0.75rem; }
.clause p { margin: 0 0 0.5rem; }
.number { font-weight: 600; margin-right: 0.25rem; }
.alternative-format, .site-footer { color: var(--muted); font-size: 0.9375rem; }
@media (max-width: 40rem) { .policy-facts { grid-template-columns: 1fr; } .policy-facts dd { margin-bottom: 0.5rem; } }
@media print {
  @page { margin: 18mm 16mm; }
  .skip-link, .site-footer, .download, .site-trust a { display: none; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .alternative-format a::after { content: " (" attr(href) ")"; }
  h1, h2 { break-after: avoid; }
  .clause, tr { break-inside: avoid; }
  .policy-facts { background: none; border: 1px solid #b1b4b6; }
}
`;
