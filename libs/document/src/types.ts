/**
 * The stored shape of a policy document: ProseMirror JSON in the schema of `schema.ts`.
 * A document is a list of sections; a section is a heading and clauses; a clause holds
 * paragraphs and bullet lists. Clause and section ids are stable across edits, versions
 * and clones. Numbering ("1.1.") is never stored: it is computed at render time.
 */
export type MarkType = 'bold' | 'italic' | 'link';

export interface MarkJSON {
  type: MarkType;
  attrs?: { href?: string };
}

export interface TextJSON {
  type: 'text';
  text: string;
  marks?: MarkJSON[];
}

export interface VariableJSON {
  type: 'variable';
  attrs: { name: string };
}

export interface HardBreakJSON {
  type: 'hardBreak';
}

export type InlineJSON = TextJSON | VariableJSON | HardBreakJSON;

export interface ParagraphJSON {
  type: 'paragraph';
  content?: InlineJSON[];
}

export interface ListItemJSON {
  type: 'listItem';
  content: (ParagraphJSON | BulletListJSON)[];
}

export interface BulletListJSON {
  type: 'bulletList';
  content: ListItemJSON[];
}

export type BlockJSON = ParagraphJSON | BulletListJSON;

export interface ClauseJSON {
  type: 'clause';
  attrs: { clauseId: string };
  content: BlockJSON[];
}

export interface SectionHeadingJSON {
  type: 'sectionHeading';
  content?: InlineJSON[];
}

export interface SectionJSON {
  type: 'section';
  attrs: { sectionId: string };
  content: [SectionHeadingJSON, ...ClauseJSON[]];
}

export interface PolicyDocument {
  type: 'doc';
  content: SectionJSON[];
}

/** How an organisation numbers its sections and clauses when a policy is rendered. */
export type NumberingStyle = 'numbered' | 'unnumbered';
