import fc from 'fast-check';
import { EditorState } from '@tiptap/pm/state';
import { documentFromOutline } from './outline';
import { emptyPolicyDocument } from './empty';
import { ensureUniqueIds, uniqueIdsPlugin } from './ids';
import { renderHtml } from './render-html';
import { policySchema } from './schema';
import { listClauses } from './text';
import type { PolicyDocument } from './types';
import { DOCUMENT_LIMITS, validateDocument } from './validate';
import { unresolvedVariables, variablesUsed } from './variables';

function docWith(paragraph: unknown[]): unknown {
  return {
    type: 'doc',
    content: [
      {
        type: 'section',
        attrs: { sectionId: 's1' },
        content: [{ type: 'sectionHeading', content: [{ type: 'text', text: 'Scope' }] }, { type: 'clause', attrs: { clauseId: 'c1' }, content: [{ type: 'paragraph', content: paragraph }] }],
      },
    ],
  };
}

const problemsOf = (input: unknown) => {
  const result = validateDocument(input);
  return result.ok ? [] : result.problems;
};

describe('validateDocument', () => {
  it('accepts a real policy and returns a clean copy', () => {
    const doc = documentFromOutline({ sections: [{ heading: 'Aims', clauses: [{ text: 'x', blocks: [{ type: 'bulletList', items: ['Enable staff', 'Safeguard staff'] }] }] }] });
    const result = validateDocument(JSON.parse(JSON.stringify(doc)));
    expect(result).toEqual({ ok: true, document: doc });
    expect(validateDocument(emptyPolicyDocument()).ok).toBe(true);
  });

  it('accepts links with allowed protocols and known variables', () => {
    expect(
      problemsOf(
        docWith([
          { type: 'text', text: 'See ', marks: [{ type: 'bold' }] },
          { type: 'text', text: 'gov.uk', marks: [{ type: 'link', attrs: { href: 'https://www.gov.uk/', target: null, rel: 'noopener noreferrer nofollow', class: null } }] },
          { type: 'variable', attrs: { name: 'school.headTitle' } },
        ]),
      ),
    ).toEqual([]);
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', '\u0000javascript:alert(1)', 'java\tscript:alert(1)', 'java&#x09;script:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//evil.example'])(
    'refuses the link %j',
    (href) => {
      expect(problemsOf(docWith([{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href } }] }])).join(' ')).toMatch(/is not allowed/);
    },
  );

  it.each([
    ['an unknown node type', docWith([{ type: 'script', text: 'alert(1)' }]), /"script" is not a kind of content/],
    ['an iframe block', { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://x' } }] }, /"iframe" is not a kind of content/],
    ['an unknown mark', docWith([{ type: 'text', text: 'x', marks: [{ type: 'underline' }] }]), /"underline" is not a kind of formatting/],
    ['an unknown attribute', docWith([{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://x.test', onclick: 'alert(1)' } }] }]), /cannot have the attribute "onclick"/],
    ['a style attribute on a clause', { type: 'doc', content: [{ type: 'section', attrs: { sectionId: 's', style: 'x' }, content: [{ type: 'sectionHeading' }] }] }, /cannot have the attribute "style"/],
    ['a wrongly typed id', { type: 'doc', content: [{ type: 'section', attrs: { sectionId: 42 }, content: [{ type: 'sectionHeading' }] }] }, /invalid "sectionId"/],
    ['an id with markup', { type: 'doc', content: [{ type: 'section', attrs: { sectionId: '"><img src=x>' }, content: [{ type: 'sectionHeading' }] }] }, /invalid "sectionId"/],
    ['an unknown variable', docWith([{ type: 'variable', attrs: { name: 'constructor' } }]), /not a variable Ratify knows/],
    ['a stray field', docWith([{ type: 'text', text: 'x', html: '<b>x</b>' }]), /cannot have the field "html"/],
    ['a clause outside a section', { type: 'doc', content: [{ type: 'clause', attrs: { clauseId: 'c' }, content: [{ type: 'paragraph' }] }] }, /Invalid content|content/],
    ['a top level that is not a document', { type: 'paragraph' }, /top level must be a policy document/],
    ['not an object', 'hello', /expected a node object/],
  ])('refuses %s', (_name, input, message) => {
    expect(problemsOf(input).join('\n')).toMatch(message);
  });

  it('refuses a __proto__ key (as JSON.parse produces it) without polluting anything', () => {
    const hostile = JSON.parse('{"type":"doc","content":[],"__proto__":{"polluted":true}}');
    expect(problemsOf(hostile)).toEqual(['The document contains a forbidden key "__proto__".']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 5 MB text node before parsing it', () => {
    expect(problemsOf(docWith([{ type: 'text', text: 'x'.repeat(5_000_000) }]))[0]).toMatch(/text is too long/);
  });

  it('refuses 10,000-deep nesting without overflowing the stack', () => {
    let deep: unknown = { type: 'paragraph' };
    for (let i = 0; i < 10_000; i++) deep = { type: 'bulletList', content: [{ type: 'listItem', content: [deep] }] };
    expect(problemsOf({ type: 'doc', content: [deep] })).toEqual([`The document is nested too deeply (more than ${DOCUMENT_LIMITS.maxDepth} levels).`]);
  });

  it('refuses too many nodes', () => {
    const many = Array.from({ length: DOCUMENT_LIMITS.maxNodes + 1 }, () => ({ type: 'text', text: 'x' }));
    expect(problemsOf(docWith(many))[0]).toMatch(/too many parts/);
  });

  it('never throws, and whatever it accepts renders without script, handlers or dangerous links (property)', () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=x>', '{{school.name}}'));
    const href = fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'JAVASCRIPT:x', 'mailto:a@b.c', '/p/x', 'data:text/html,x', ' https://x', 'tel:+44 1'));
    const mark = fc.oneof(fc.constant({ type: 'bold' }), fc.constant({ type: 'italic' }), href.map((value) => ({ type: 'link', attrs: { href: value } })), fc.constant({ type: 'strike' }));
    const inline = fc.oneof(
      fc.record({ type: fc.constant('text'), text, marks: fc.array(mark, { maxLength: 2 }) }),
      fc.record({ type: fc.constant('variable'), attrs: fc.record({ name: fc.constantFrom('school.name', 'trust.name', 'nope', '__proto__') }) }),
      fc.constant({ type: 'hardBreak' }),
      fc.record({ type: fc.constantFrom('script', 'image'), text }),
    );
    const paragraph = fc.record({ type: fc.constant('paragraph'), content: fc.array(inline, { maxLength: 4 }) });
    const list = fc.record({ type: fc.constant('bulletList'), content: fc.array(fc.record({ type: fc.constant('listItem'), content: fc.tuple(paragraph) }), { minLength: 1, maxLength: 3 }) });
    const clause = fc.record({ type: fc.constant('clause'), attrs: fc.record({ clauseId: fc.oneof(fc.uuid(), fc.constant('bad id!')) }), content: fc.array(fc.oneof(paragraph, list), { minLength: 1, maxLength: 3 }) });
    const section = fc.record({
      type: fc.constant('section'),
      attrs: fc.record({ sectionId: fc.uuid() }),
      content: fc.tuple(fc.record({ type: fc.constant('sectionHeading'), content: fc.array(inline, { maxLength: 2 }) }), fc.array(clause, { maxLength: 3 })).map(([heading, clauses]) => [heading, ...clauses]),
    });
    const document = fc.record({ type: fc.constant('doc'), content: fc.array(section, { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(document, (input) => {
        const result = validateDocument(input);
        if (!result.ok) return;
        const html = renderHtml(result.document, { numbering: 'numbered' });
        // Text is escaped, so every "<…>" in the output is a real tag: each must be one we make,
        // with only our attributes, and links only to allowed places.
        for (const tag of html.match(/<[^>]*>/g) ?? []) {
          expect(tag).toMatch(/^<\/?(section|h2|div|p|ul|li|strong|em|a|span|br)(\s+(id|class|href|rel)="[^"<>]*")*\s*\/?>$/);
          expect(tag).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
        }
        expect(policySchema.nodeFromJSON(result.document).check()).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('stable ids', () => {
  const withDuplicate = (): PolicyDocument => {
    const doc = documentFromOutline({ sections: [{ heading: 'A', clauses: [{ text: 'one', blocks: [{ type: 'paragraph', text: 'one' }] }, { text: 'two', blocks: [{ type: 'paragraph', text: 'two' }] }] }] });
    const [first, second] = doc.content[0]!.content.slice(1) as unknown as [{ attrs: { clauseId: string } }, { attrs: { clauseId: string } }];
    second.attrs.clauseId = first.attrs.clauseId;
    return doc;
  };

  it('ensureUniqueIds keeps the first and re-mints the copy', () => {
    const doc = withDuplicate();
    const original = listClauses(doc)[0]!.clauseId;
    const fixed = listClauses(ensureUniqueIds(doc, () => 'minted'));
    expect(fixed.map((clause) => clause.clauseId)).toEqual([original, 'minted']);
  });

  it('the editor plugin re-mints the id of a pasted copy, not of the original', () => {
    const doc = documentFromOutline({ sections: [{ heading: 'A', clauses: [{ text: 'one', blocks: [{ type: 'paragraph', text: 'one' }] }] }] });
    let state = EditorState.create({ doc: policySchema.nodeFromJSON(doc), plugins: [uniqueIdsPlugin()] });
    const clause = state.doc.child(0).child(1);
    const originalId = clause.attrs.clauseId;
    // Paste a copy of the clause *before* the original: the original keeps its id.
    const insertAt = 1 + state.doc.child(0).child(0).nodeSize;
    state = state.apply(state.tr.insert(insertAt, clause.copy(clause.content)));
    const ids: string[] = [];
    state.doc.descendants((node) => {
      if (node.type.name === 'clause') ids.push(node.attrs.clauseId);
    });
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(ids[1]).toBe(originalId);
  });
});

describe('stable ids while typing', () => {
  it('leaves plain typing alone (no second transaction), so keystrokes stay cheap', () => {
    const doc = documentFromOutline({ sections: [{ heading: 'A', clauses: [{ text: 'one', blocks: [{ type: 'paragraph', text: 'one' }] }] }] });
    const state = EditorState.create({ doc: policySchema.nodeFromJSON(doc), plugins: [uniqueIdsPlugin()] });
    const typed = state.applyTransaction(state.tr.insertText('x', state.doc.content.size - 3));
    expect(typed.transactions).toHaveLength(1);
    expect(typed.state.doc.textContent).toContain('x');
  });
});

describe('variables', () => {
  it('lists the variables used and which have no value', () => {
    const doc = docWith([
      { type: 'variable', attrs: { name: 'school.name' } },
      { type: 'text', text: ' is led by ' },
      { type: 'variable', attrs: { name: 'school.headTitle' } },
      { type: 'variable', attrs: { name: 'school.name' } },
    ]) as PolicyDocument;
    expect(variablesUsed(doc)).toEqual(['school.name', 'school.headTitle']);
    expect(unresolvedVariables(doc, { 'school.name': 'Willow Primary Academy', 'school.headTitle': '  ' })).toEqual(['school.headTitle']);
  });
});
