/**
 * Policy JSON → HTML. Text is always escaped, links are emitted only when their href passes
 * the allowlist (otherwise the text stays, the link goes), and nothing from an attribute is
 * ever written unescaped. Numbering is computed here, in the organisation's style.
 */
import { isAllowedHref } from './links';
import { sanitizePolicyHtml } from './sanitize';
import type { BlockJSON, InlineJSON, NumberingStyle, PolicyDocument, TextJSON } from './types';
import { clauseNumber, clausesOf, headingOf, sectionNumber, sectionsOf } from './walk';

export interface HtmlOptions {
  numbering: NumberingStyle;
  /** Values for {{variables}}; an unset variable is shown as its placeholder. */
  variables?: Record<string, string>;
  /** The heading level for section titles (the page title takes the level above). */
  headingLevel?: 2 | 3;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function renderText(node: TextJSON): string {
  let html = escapeHtml(node.text);
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') html = `<strong>${html}</strong>`;
    else if (mark.type === 'italic') html = `<em>${html}</em>`;
    else if (mark.type === 'link' && isAllowedHref(mark.attrs?.href)) {
      const href = mark.attrs!.href!;
      const external = /^https?:/i.test(href) ? ' rel="noopener noreferrer nofollow"' : '';
      html = `<a href="${escapeHtml(href)}"${external}>${html}</a>`;
    }
  }
  return html;
}

function renderInline(content: InlineJSON[] | undefined, variables: Record<string, string>): string {
  return (content ?? [])
    .map((node) => {
      if (node.type === 'text') return renderText(node);
      if (node.type === 'hardBreak') return '<br>';
      const value = variables[node.attrs.name];
      return value === undefined
        ? `<span class="variable variable--unset">{{${escapeHtml(node.attrs.name)}}}</span>`
        : escapeHtml(value);
    })
    .join('');
}

function renderBlock(block: BlockJSON, variables: Record<string, string>, prefix = ''): string {
  if (block.type === 'paragraph') return `<p>${prefix}${renderInline(block.content, variables)}</p>`;
  const items = block.content
    .map((item) => `<li>${item.content.map((child) => renderBlock(child, variables)).join('')}</li>`)
    .join('');
  return `${prefix ? `<p>${prefix}</p>` : ''}<ul>${items}</ul>`;
}

/** The policy as HTML, numbered in the organisation's style, escaped, link-checked and sanitised. */
export function renderHtml(doc: PolicyDocument, options: HtmlOptions): string {
  return sanitizePolicyHtml(renderUnsanitisedHtml(doc, options));
}

function renderUnsanitisedHtml(doc: PolicyDocument, options: HtmlOptions): string {
  const variables = options.variables ?? {};
  const level = options.headingLevel ?? 2;
  return sectionsOf(doc)
    .map((section, s) => {
      const number = sectionNumber(options.numbering, s);
      const heading = `<h${level}>${number ? `<span class="number">${number}</span> ` : ''}${renderInline(headingOf(section), variables)}</h${level}>`;
      const clauses = clausesOf(section)
        .map((clause, c) => {
          const label = clauseNumber(options.numbering, s, c);
          const prefix = label ? `<span class="number">${label}</span> ` : '';
          const blocks = clause.content.map((block, b) => renderBlock(block, variables, b === 0 ? prefix : '')).join('');
          return `<div class="clause" id="clause-${escapeHtml(clause.attrs.clauseId)}">${blocks}</div>`;
        })
        .join('');
      return `<section id="section-${escapeHtml(section.attrs.sectionId)}">${heading}${clauses}</section>`;
    })
    .join('\n');
}
