/** Small read-only helpers over stored policy JSON, shared by the renderers. */
import type { BlockJSON, ClauseJSON, InlineJSON, PolicyDocument, SectionJSON } from './types';

export function sectionsOf(doc: PolicyDocument): SectionJSON[] {
  return doc.content ?? [];
}

export function headingOf(section: SectionJSON): InlineJSON[] {
  return section.content[0]?.content ?? [];
}

export function clausesOf(section: SectionJSON): ClauseJSON[] {
  return section.content.slice(1) as ClauseJSON[];
}

export function inlineText(content: InlineJSON[] | undefined, variables: Record<string, string> = {}): string {
  return (content ?? [])
    .map((node) => {
      if (node.type === 'text') return node.text;
      if (node.type === 'hardBreak') return '\n';
      return variables[node.attrs.name] ?? `{{${node.attrs.name}}}`;
    })
    .join('');
}

export function blockText(block: BlockJSON, variables: Record<string, string> = {}): string {
  if (block.type === 'paragraph') return inlineText(block.content, variables);
  return block.content
    .map((item) => item.content.map((child) => blockText(child, variables)).join('\n'))
    .map((line) => `- ${line}`)
    .join('\n');
}

/** "1.", "1.1." — or nothing, for organisations that do not number their policies. */
export function sectionNumber(style: 'numbered' | 'unnumbered', sectionIndex: number): string {
  return style === 'numbered' ? `${sectionIndex + 1}.` : '';
}

export function clauseNumber(style: 'numbered' | 'unnumbered', sectionIndex: number, clauseIndex: number): string {
  return style === 'numbered' ? `${sectionIndex + 1}.${clauseIndex + 1}.` : '';
}
