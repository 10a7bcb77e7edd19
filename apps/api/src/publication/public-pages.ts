/**
 * The public pages parents and inspectors read: semantic, server-rendered HTML with no
 * script, a skip link, the page language, and the facts of each policy.
 */
import { escapeHtml as e, renderHtml } from '@ratify/document';
import { formatUkDate } from '../common/dates';
import type { OrganisationEntity } from '../organisation/organisation.entity';
import type { PublicSite, PublishedPolicy, PublishedPolicySummary } from './public-site.service';

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<link rel="stylesheet" href="/p/_/public.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
${body}
<footer class="site-footer"><p>Published with Ratify.</p></footer>
</body>
</html>`;
}

function header(site: OrganisationEntity, trust: OrganisationEntity | null): string {
  const strapline = site.strapline ?? trust?.strapline;
  return `<header class="site-header">
<p class="site-name"><a href="/p/${e(site.slug)}">${e(site.name)}</a></p>
${trust ? `<p class="site-trust">Part of <a href="/p/${e(trust.slug)}">${e(trust.name)}</a></p>` : ''}
${strapline ? `<p class="site-strapline">${e(strapline)}</p>` : ''}
</header>`;
}

function reviewText(nextReviewOn: string | null, today: string): string {
  if (!nextReviewOn) return 'Not set';
  return nextReviewOn < today ? `${formatUkDate(nextReviewOn)} (review overdue)` : formatUkDate(nextReviewOn);
}

function policyRow(site: OrganisationEntity, policy: PublishedPolicySummary, today: string): string {
  const href = `/p/${e(site.slug)}/${e(policy.slug)}`;
  return `<tr>
<th scope="row"><a href="${href}">${e(policy.title)}</a></th>
<td>${e(policy.versionNumber)}</td>
<td>${formatUkDate(policy.approvedOn)}</td>
<td>${reviewText(policy.nextReviewOn, today)}</td>
<td><a href="${href}.pdf">PDF<span class="visually-hidden"> of ${e(policy.title)}</span></a></td>
</tr>`;
}

export function sitePage(site: PublicSite, today: string): string {
  const { organisation } = site;
  const schools = site.schools.length
    ? `<section aria-labelledby="schools-heading">
<h2 id="schools-heading">Our academies</h2>
<ul class="school-list">${site.schools.map((school) => `<li><a href="/p/${e(school.slug)}">${e(school.name)}</a></li>`).join('')}</ul>
</section>`
    : '';
  const policies = site.policies.length
    ? `<table>
<caption>Policies published by ${e(organisation.name)}</caption>
<thead><tr><th scope="col">Policy</th><th scope="col">Version</th><th scope="col">Approved</th><th scope="col">Next review</th><th scope="col">Print copy</th></tr></thead>
<tbody>${site.policies.map((policy) => policyRow(organisation, policy, today)).join('')}</tbody>
</table>`
    : `<p>${e(organisation.name)} has not published any policies here yet.</p>`;
  return layout(
    `Policies – ${organisation.name}`,
    `${header(organisation, site.trust)}
<main id="main">
<h1>Policies</h1>
${schools}
<section aria-labelledby="policies-heading">
<h2 id="policies-heading">${site.schools.length ? 'Trust-wide policies' : 'Our policies'}</h2>
${policies}
</section>
<p class="alternative-format">To ask for a policy in another format, such as large print or a paper copy, please contact ${e(organisation.name)}.</p>
</main>`,
  );
}

export function policyPage(site: OrganisationEntity, trust: OrganisationEntity | null, policy: PublishedPolicy, variables: Record<string, string>, today: string): string {
  const owner = trust ?? site;
  const html = renderHtml(policy.content, { numbering: owner.numberingStyle, headingLevel: 2, variables });
  return layout(
    `${policy.title} – ${site.name}`,
    `${header(site, trust)}
<main id="main">
<article class="policy">
<h1>${e(policy.title)}</h1>
<dl class="policy-facts">
<dt>Version</dt><dd>${e(policy.versionNumber)}</dd>
<dt>Status</dt><dd>${policy.statutory ? 'Statutory' : 'Non-statutory'}</dd>
<dt>Date of approval</dt><dd>${formatUkDate(policy.approvedOn)}</dd>
<dt>Next review</dt><dd>${reviewText(policy.nextReviewOn, today)}</dd>
</dl>
<p class="supersedes">This policy supersedes all previous versions of the ${e(policy.title)}.</p>
<p><a href="/p/${e(site.slug)}/${e(policy.slug)}.pdf">Download a PDF copy of this policy</a></p>
${html}
</article>
<p class="alternative-format">To ask for this policy in another format, such as large print or a paper copy, please contact ${e(site.name)}.</p>
</main>`,
  );
}

export function notFoundPage(): string {
  return layout(
    'Page not found',
    `<main id="main"><h1>Page not found</h1><p>There is no published policy at this address. It may have been moved or withdrawn.</p></main>`,
  );
}

export const PUBLIC_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --accent: #1d5b2c; --focus: #ffbf47; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1rem 1.25rem 3rem; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; background: var(--focus); color: #0b0c0c; }
.skip-link { position: absolute; left: -999px; top: 0; padding: 0.5rem 1rem; background: var(--focus); color: #0b0c0c; }
.skip-link:focus { left: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.site-header { border-bottom: 4px solid var(--accent); margin-bottom: 1.5rem; }
.site-name { font-size: 1.5rem; font-weight: 700; margin: 0.25rem 0; }
.site-name a { color: var(--ink); text-decoration: none; }
.site-trust, .site-strapline { margin: 0.25rem 0; color: var(--muted); }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.375rem; margin: 2rem 0 0.5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; padding: 0.5rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
.policy-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; padding: 1rem; background: #f3f2f1; }
.policy-facts dt { font-weight: 600; }
.policy-facts dd { margin: 0; }
.clause { margin: 0 0 0.75rem; }
.clause p { margin: 0 0 0.5rem; }
.number { font-weight: 600; margin-right: 0.25rem; }
.alternative-format, .site-footer { color: var(--muted); font-size: 0.9375rem; }
@media print {
  .skip-link, .site-footer, .alternative-format { display: none; }
  body { max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .clause { break-inside: avoid; }
}
`;
