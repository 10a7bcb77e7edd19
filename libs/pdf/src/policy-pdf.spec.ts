import { documentFromOutline, type PolicyDocument } from '@ratify/document';
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import { documentControlRows, fitInto } from './cover';
import { leafRendition, LEAF_SCHOOL } from './fixtures/leaf';
import { NONE, pageCell, pageList, PAGES_PENDING, WHOLE_DOCUMENT } from './history';
import { buildPolicyPdf } from './policy-pdf';
import type { HistoryItem, PolicyRendition } from './rendition';

/** Every object node in the definition's content, depth first. */
function nodesOf(content: unknown): Record<string, unknown>[] {
  if (Array.isArray(content)) return content.flatMap(nodesOf);
  if (content === null || typeof content !== 'object') return [];
  const node = content as Record<string, unknown>;
  return [node, ...Object.values(node).flatMap(nodesOf)];
}

/** The plain text of a text node's runs. */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'text' in node) return textOf((node as { text: unknown }).text);
  return '';
}

function tables(definition: TDocumentDefinitions): ContentTable[] {
  return nodesOf(definition.content).filter((node) => 'table' in node) as unknown as ContentTable[];
}

function documentControl(definition: TDocumentDefinitions): string[][] {
  const table = tables(definition).find((candidate) => textOf(candidate.table.body[0]![0]) === 'Document control')!;
  return table.table.body.slice(1).map((row) => row.map(textOf));
}

function historyRows(definition: TDocumentDefinitions): string[][] {
  const table = tables(definition).find((candidate) => textOf(candidate.table.body[0]![0]) === 'Version')!;
  return table.table.body.map((row) => row.map(textOf));
}

function sectionHeadings(definition: TDocumentDefinitions): string[] {
  return nodesOf(definition.content)
    .filter((node) => node.tocItem)
    .map(textOf);
}

function withDocument(rendition: PolicyRendition, document: PolicyDocument): PolicyRendition {
  return { ...rendition, document };
}

describe('buildPolicyPdf for the Leaf Trust policy', () => {
  const rendition = leafRendition();
  const definition = buildPolicyPdf(rendition);

  it('matches the reviewed definition', () => {
    // The logo's bytes are checked below and by the render tests; the snapshot keeps the layout.
    expect(definition).toMatchSnapshot({ images: { logo: expect.stringMatching(/^data:image\/png;base64,/) } });
  });

  it('carries the exact title, the organisation and the language as metadata', () => {
    expect(definition.info).toEqual({
      title: 'Use of Social Media Policy',
      author: `${LEAF_SCHOOL}, Leaf Trust`,
      subject: 'Policy, version 1.0',
      creator: 'Ratify',
      producer: 'Ratify',
      creationDate: new Date('2025-01-13T00:00:00Z'),
      modDate: new Date('2025-01-13T00:00:00Z'),
    });
    expect(definition.language).toBe('en-GB');
  });

  it("names the trust alone as author of the trust's own copy", () => {
    expect(buildPolicyPdf({ ...rendition, schoolName: null }).info?.author).toBe('Leaf Trust');
  });

  it('puts the logo, names, strapline and versioned title on the cover', () => {
    const texts = nodesOf(definition.content).map(textOf);
    for (const expected of ['Leaf Trust', 'Unique Primary Schools Growing Together', LEAF_SCHOOL, 'Use of Social Media Policy (v\u00a01.0)', 'Non-statutory']) {
      expect(texts).toContain(expected);
    }
    expect(definition.images).toEqual({ logo: rendition.branding.logo!.dataUrl });
    expect(nodesOf(definition.content).find((node) => node.image === 'logo')).toMatchObject({ width: 80, height: 80 });
  });

  it('lists the document-control facts exactly as given, in the default order', () => {
    expect(documentControl(definition)).toEqual([
      ['Date policy adopted', '13 January 2025'],
      ['Policy author', 'Operations Lead'],
      ['Policy monitored by', 'Finance, Audit & Risk Committee'],
      ['Trust board ratification', 'No'],
      ['Policy approved by', 'Finance, Audit & Risk Committee'],
      ['Date of approval', '13 January 2025'],
      ['Review cycle', '2 years'],
      ['Review date', 'Term 2, 2026/27'],
    ]);
  });

  it("follows the trust's choice and order of cover rows", () => {
    const chosen = { ...rendition, branding: { ...rendition.branding, coverFields: ['reviewDate' as const, 'author' as const, 'boardRatification' as const] } };
    const built = buildPolicyPdf(chosen);
    expect(documentControl(built)).toEqual([
      ['Review date', 'Term 2, 2026/27'],
      ['Policy author', 'Operations Lead'],
      ['Trust board ratification', 'No'],
    ]);
    // Without the statutory field the statutory line goes too.
    expect(nodesOf(built.content).map(textOf)).not.toContain('Non-statutory');
    expect(documentControlRows(chosen).map((row) => row.field)).toEqual(['reviewDate', 'author', 'boardRatification']);
  });

  it('generates the history table with a repeated header row', () => {
    const history = tables(definition).find((candidate) => textOf(candidate.table.body[0]![0]) === 'Version')!;
    expect(history.table.headerRows).toBe(1);
    expect(historyRows(definition)).toEqual([
      ['Version', 'Date', 'Page', 'Change', 'Origin of change'],
      ['1.0', '13 January 2025', 'Whole document', 'New Policy – Adopted from existing LA Policy', 'Trust decision'],
    ]);
  });

  it('numbers the sections like the body, in a contents list', () => {
    expect(nodesOf(definition.content).filter((node) => 'toc' in node)).toHaveLength(1);
    expect(sectionHeadings(definition)).toEqual([
      '1. Introduction',
      '2. Scope',
      '3. Aims',
      '4. Definition',
      '5. Use of Social Networking Sites, online sources and gaming platforms',
      '6. Breaches of the Policy',
    ]);
  });

  it('numbers clauses and marks each with its clause id, so its page can be found', () => {
    const numbers = nodesOf(definition.content).filter((node) => node.style === 'clauseNumber').map(textOf);
    expect(numbers.slice(0, 4)).toEqual(['1.1.', '1.2.', '1.3.', '2.1.']);
    const clauseIds = rendition.document.content.flatMap((section) => section.content.slice(1).map((clause) => `clause-${(clause as { attrs: { clauseId: string } }).attrs.clauseId}`));
    const ids = nodesOf(definition.content).flatMap((node) => (typeof node.id === 'string' && node.id.startsWith('clause-') ? [node.id] : []));
    expect(ids).toEqual(clauseIds);
    expect(ids).toHaveLength(numbers.length);
  });

  it('resolves variables and keeps bold text bold', () => {
    const texts = nodesOf(definition.content).map(textOf);
    expect(texts.some((text) => text.startsWith(`This Policy applies to all individuals engaged by ${LEAF_SCHOOL} in a paid`))).toBe(true);
    expect(nodesOf(definition.content)).toContainEqual({ text: 'at all times', bold: true });
  });

  it('prints an unresolved variable as its placeholder', () => {
    const texts = nodesOf(buildPolicyPdf({ ...rendition, variables: {} }).content).map(textOf);
    expect(texts.some((text) => text.includes('engaged by {{school.name}} in a paid'))).toBe(true);
  });

  it('has no watermark when approved and a DRAFT one when not', () => {
    expect(definition.watermark).toBeUndefined();
    const draft = buildPolicyPdf({ ...rendition, version: { number: '1.1', approved: false } });
    expect(draft.watermark).toMatchObject({ text: 'DRAFT' });
  });

  it('is a pure function of the rendition', () => {
    expect(JSON.stringify(buildPolicyPdf(leafRendition()))).toBe(JSON.stringify(definition));
  });

  it('uses the branding font and colours', () => {
    const serif = buildPolicyPdf({ ...rendition, branding: { ...rendition.branding, font: 'DejaVu Serif', primaryColour: '#123456' } });
    expect(serif.defaultStyle).toMatchObject({ font: 'DejaVu Serif' });
    expect(serif.styles?.coverTitle).toMatchObject({ color: '#123456' });
  });

  it('puts white text on the accent only where it reads, else dark text', () => {
    const headerColour = (accentColour: string) => {
      const built = buildPolicyPdf({ ...rendition, branding: { ...rendition.branding, accentColour } });
      const history = tables(built).find((candidate) => textOf(candidate.table.body[0]![0]) === 'Version')!;
      return (history.table.body[0]![0] as { color: string; fillColor: string }).color;
    };
    expect(headerColour('#2e7d32')).toBe('#ffffff');
    expect(headerColour('#8bc34a')).toBe('#1f2328');
  });

  it('leaves the logo out cleanly when the trust has none', () => {
    const built = buildPolicyPdf({ ...rendition, branding: { ...rendition.branding, logo: null } });
    expect(built.images).toBeUndefined();
    expect(nodesOf(built.content).some((node) => 'image' in node)).toBe(false);
  });
});

describe('the unnumbered style', () => {
  it('prints no section or clause numbers', () => {
    const definition = buildPolicyPdf({ ...leafRendition(), numbering: 'unnumbered' });
    expect(sectionHeadings(definition)[0]).toBe('Introduction');
    expect(nodesOf(definition.content).some((node) => node.style === 'clauseNumber')).toBe(false);
    const body = (definition.content as Content[]).at(-1);
    expect(nodesOf(body).map(textOf).join('\n')).not.toMatch(/^\d+\.(\d+\.)?(\s|$)/m);
  });
});

describe('links', () => {
  const document: PolicyDocument = documentFromOutline({ sections: [{ heading: 'Contacts', clauses: [{ text: 'x', blocks: [{ type: 'paragraph', text: 'x' }] }] }] }, () => 'id');
  const paragraph = (document.content[0]!.content[1] as { content: { content: unknown[] }[] }).content[0]!;

  it('keeps allowlisted web, mail and phone links and drops the rest', () => {
    paragraph.content = [
      { type: 'text', text: 'DfE', marks: [{ type: 'link', attrs: { href: 'https://www.gov.uk/dfe' } }] },
      { type: 'text', text: 'office', marks: [{ type: 'link', attrs: { href: 'mailto:office@leaf.example' } }] },
      { type: 'text', text: 'evil', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
      { type: 'text', text: 'relative', marks: [{ type: 'link', attrs: { href: '/policies/1' } }] },
    ];
    const definition = buildPolicyPdf(withDocument(leafRendition(), document));
    const links = nodesOf(definition.content).filter((node) => 'link' in node).map((node) => [node.text, node.link]);
    expect(links).toEqual([
      ['DfE', 'https://www.gov.uk/dfe'],
      ['office', 'mailto:office@leaf.example'],
    ]);
    expect(nodesOf(definition.content)).toContainEqual({ text: 'evil' });
  });
});

describe('the history Page cell', () => {
  const row = (changedClauses: HistoryItem['changedClauses']): HistoryItem => ({ version: '1.1', date: '1 May 2026', change: 'c', origin: null, changedClauses });

  it('compresses pages into runs', () => {
    expect(pageList([4])).toBe('4');
    expect(pageList([5, 4, 5])).toBe('4–5');
    expect(pageList([7, 4])).toBe('4, 7');
    expect(pageList([3, 4, 5, 9, 11, 12])).toBe('3–5, 9, 11–12');
  });

  it('says what changed: the whole document, nothing, or the pages of the changed clauses', () => {
    expect(pageCell(row('whole'), undefined)).toBe(WHOLE_DOCUMENT);
    expect(pageCell(row([]), { a: 3 })).toBe(NONE);
    expect(pageCell(row(['a', 'b', 'c']), { a: 7, b: 4, c: 4 })).toBe('4, 7');
    expect(pageCell(row(['gone']), { a: 3 })).toBe(NONE);
    expect(pageCell(row(['a']), undefined)).toBe(PAGES_PENDING);
  });

  it('prints a missing origin as a dash', () => {
    const definition = buildPolicyPdf({ ...leafRendition(), history: [row([])] });
    expect(historyRows(definition)[1]).toEqual(['1.1', '1 May 2026', NONE, 'c', NONE]);
  });
});

describe('fitInto', () => {
  it('scales a logo to the box keeping its proportions', () => {
    expect(fitInto({ width: 96, height: 96 }, { width: 160, height: 80 })).toEqual({ width: 80, height: 80 });
    expect(fitInto({ width: 400, height: 100 }, { width: 160, height: 80 })).toEqual({ width: 160, height: 40 });
    expect(fitInto({ width: 30, height: 90 }, { width: 160, height: 80 })).toEqual({ width: 26.67, height: 80 });
  });
});
