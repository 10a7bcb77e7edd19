/**
 * Tokens → sections of clauses. A heading opens a section; a numbered clause, a paragraph or a
 * list opens a clause. What follows joins the clause when it belongs to it: the items of a list
 * a paragraph introduces ("…the following principles:"), the text a colon introduces, a note
 * starting "*" under a list, the rows of one table. Everything else stands where it is, as its
 * own clause; where that is a guess, a warning says so.
 */
import type { OutlineBlock, OutlineSection } from '@ratify/document';
import { endsSentence } from './classify';
import { quote, wordCount } from './inline';
import type { SpecialBlocks } from './special-blocks';
import type { Token } from './tokens';
import { Warnings } from './warnings';

interface ClauseDraft {
  blocks: OutlineBlock[];
  number?: string;
  /** Rows of a table, kept one paragraph per row. */
  table?: boolean;
}

interface SectionDraft {
  heading: string;
  level: number;
  /** A heading whose only content is sub-headings ("Roles and responsibilities" → "The headteacher"). */
  grouping?: boolean;
  clauses: ClauseDraft[];
  /** Where the heading was, for warnings. */
  at?: string;
  numbered: boolean;
}

export interface Body {
  sections: OutlineSection[];
  warnings: string[];
}

/** Whether a paragraph introduces what follows it: "…to:", "…as follows –", or a short unfinished line. */
function introduces(text: string): boolean {
  return /[:–—-]$/.test(text) || (!endsSentence(text) && wordCount(text, 25) <= 25);
}

export function clauseText(blocks: OutlineBlock[]): string {
  return blocks.map((block) => (block.type === 'paragraph' ? block.text : block.items.map((item) => `- ${item}`).join('\n'))).join('\n');
}

export class BodyBuilder {
  private readonly sections: SectionDraft[] = [];
  private readonly warnings = new Warnings();
  private section: SectionDraft | undefined;
  private clause: ClauseDraft | undefined;
  private lastNumber: string | undefined;
  /** Where text before the first heading began; reported unless there are no headings at all. */
  private openingAt: string | undefined;

  constructor(
    private readonly special: SpecialBlocks,
    private readonly label: string,
  ) {}

  private at(token: Token): string {
    return `${this.label} ${token.line.n} (${quote(token.text)})`;
  }

  /** The untitled section that holds text standing before the first heading. */
  private opening(token: Token): SectionDraft {
    if (this.section) return this.section;
    const section: SectionDraft = { heading: '', level: 0, clauses: [], numbered: false };
    this.sections.push(section);
    this.section = section;
    this.openingAt = this.at(token);
    return section;
  }

  private startClause(token: Token, first: OutlineBlock, extra: Omit<ClauseDraft, 'blocks'> = {}): void {
    const section = this.opening(token);
    this.clause = { blocks: [first], ...extra };
    section.clauses.push(this.clause);
  }

  private lastBlock(): OutlineBlock | undefined {
    return this.clause?.blocks[this.clause.blocks.length - 1];
  }

  /** Text from the cover that is none of its recognised facts: kept, at the very start, with a warning. */
  addLeftover(token: Token): void {
    const text = token.kind === 'row' ? token.cells.join(' | ') : token.text;
    if (!text) return;
    let section = this.sections[0];
    if (!section || section.heading !== '') {
      section = { heading: '', level: 0, clauses: [], numbered: false };
      this.sections.unshift(section);
    }
    // Body text before the first heading joins the same opening section.
    this.section ??= section;
    section.clauses.push({ blocks: [{ type: 'paragraph', text }] });
    this.warnings.add('text that could not be placed', `${this.at(token)}: could not tell where this text belongs; kept it as a clause in an untitled opening section.`);
  }

  add(token: Token): void {
    if (this.special.consume(token)) {
      if (token.kind === 'heading') this.clause = undefined;
      return;
    }
    switch (token.kind) {
      case 'heading':
        if (this.section && this.section.clauses.length === 0 && token.level > this.section.level) this.section.grouping = true;
        this.section = { heading: token.text, level: token.level, clauses: [], numbered: false, at: `${this.label} ${token.line.n}` };
        this.sections.push(this.section);
        this.clause = undefined;
        this.lastNumber = undefined;
        return;
      case 'clause':
        this.startClause(token, { type: 'paragraph', text: token.text }, { number: token.number });
        if (this.section) this.section.numbered = true;
        this.lastNumber = token.number;
        return;
      case 'item':
        return this.addItem(token);
      case 'row':
        if (token.cells.length === 1) return this.addParagraph({ ...token, kind: 'paragraph', text: token.cells[0] });
        return this.addRow(token);
      case 'paragraph':
        return this.addParagraph(token);
    }
  }

  private addItem(token: Extract<Token, { kind: 'item' }>): void {
    const last = this.lastBlock();
    if (last?.type === 'bulletList') last.items.push(token.text);
    else if (this.clause && last?.type === 'paragraph' && !this.clause.table && introduces(last.text)) {
      this.clause.blocks.push({ type: 'bulletList', items: [token.text] });
    } else this.startClause(token, { type: 'bulletList', items: [token.text] });
  }

  private addParagraph(token: Extract<Token, { kind: 'paragraph' }>): void {
    const last = this.lastBlock();
    const paragraph: OutlineBlock = { type: 'paragraph', text: token.text };
    if (this.clause && !this.clause.table && last?.type === 'paragraph' && /[:]$/.test(last.text)) {
      this.clause.blocks.push(paragraph);
      return;
    }
    if (this.clause && last?.type === 'bulletList' && token.text.startsWith('*')) {
      this.clause.blocks.push(paragraph);
      return;
    }
    const section = this.section;
    this.startClause(token, paragraph);
    if (section?.numbered && this.lastNumber) {
      this.warnings.add(
        'unnumbered paragraphs among numbered clauses',
        `${this.at(token)}: this paragraph has no number but follows clause ${this.lastNumber}; kept it as its own clause in "${section.heading}". Check whether it belongs to clause ${this.lastNumber}.`,
      );
    }
  }

  private addRow(token: Extract<Token, { kind: 'row' }>): void {
    const paragraph: OutlineBlock = { type: 'paragraph', text: token.cells.join(' | ') };
    if (this.clause?.table) {
      this.clause.blocks.push(paragraph);
      return;
    }
    this.startClause(token, paragraph, { table: true });
    const where = this.section?.heading ? `in "${this.section.heading}"` : 'here';
    this.warnings.add('tables', `${this.label} ${token.line.n}: a table ${where} was kept as one paragraph per row, cells separated by "|"; check it reads well.`);
  }

  build(): Body {
    const sections: OutlineSection[] = this.sections.map((section) => ({
      heading: section.heading,
      clauses: section.clauses.map((clause) => ({ text: clauseText(clause.blocks), blocks: clause.blocks })),
    }));
    for (const section of this.sections) {
      if (section.clauses.length === 0 && !section.grouping) this.warnings.add('empty sections', `${section.at ?? 'The start'}: the heading "${section.heading}" has no text under it; kept it as an empty section.`);
    }
    const untitledOnly = sections.length === 1 && sections[0].heading === '';
    if (this.openingAt && !untitledOnly) {
      this.warnings.add('text before the first heading', `${this.openingAt}: this text comes before the first heading; kept it in an untitled opening section.`);
    }
    if (sections.length === 0) this.warnings.add('no text', 'No text was found under any heading: the policy has no sections yet.');
    else if (untitledOnly) this.warnings.add('no headings', 'No headings were found: the whole text is one untitled section. Add headings in the editor.');
    return { sections, warnings: this.warnings.list() };
  }
}
