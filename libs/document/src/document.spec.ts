import { documentFromOutline, isAllowedHref, listClauses, plainText, policySchema, renderHtml, type PolicyDocument } from './index';

const outline = {
  sections: [
    {
      heading: 'Introduction',
      clauses: [
        { text: 'The Trust is committed.', blocks: [{ type: 'paragraph' as const, text: 'The Trust is committed.' }] },
        {
          text: 'The policy aims to:\n- Enable staff\n- Safeguard staff',
          blocks: [
            { type: 'paragraph' as const, text: 'The policy aims to:' },
            { type: 'bulletList' as const, items: ['Enable staff', 'Safeguard staff'] },
          ],
        },
      ],
    },
    { heading: 'Scope', clauses: [{ text: '<img src=x onerror=alert(1)>', blocks: [{ type: 'paragraph' as const, text: '<img src=x onerror=alert(1)>' }] }] },
  ],
};

let counter = 0;
const sequentialIds = () => `id-${++counter}`;

describe('documentFromOutline', () => {
  it('builds a document the policy schema accepts, with an id on every section and clause', () => {
    counter = 0;
    const doc = documentFromOutline(outline, sequentialIds);
    expect(() => policySchema.nodeFromJSON(doc).check()).not.toThrow();
    expect(listClauses(doc).map((clause) => [clause.sectionHeading, clause.clauseId])).toEqual([
      ['Introduction', 'id-1'],
      ['Introduction', 'id-2'],
      ['Scope', 'id-4'],
    ]);
  });

  it('keeps the text, bullets included', () => {
    const doc = documentFromOutline(outline);
    expect(plainText(doc)).toContain('The policy aims to:\n- Enable staff\n- Safeguard staff');
  });
});

describe('renderHtml', () => {
  const doc = documentFromOutline(outline);

  it('numbers sections and clauses only in the numbered style', () => {
    const numbered = renderHtml(doc, { numbering: 'numbered' });
    expect(numbered).toContain('<span class="number">1.</span> Introduction');
    expect(numbered).toContain('<span class="number">1.2.</span> The policy aims to:');
    expect(numbered).toContain('<span class="number">2.1.</span>');
    expect(renderHtml(doc, { numbering: 'unnumbered' })).not.toContain('class="number"');
  });

  it('escapes text that looks like markup', () => {
    const html = renderHtml(doc, { numbering: 'unnumbered' });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('drops links whose href is not allowed but keeps their text', () => {
    const withLinks: PolicyDocument = {
      type: 'doc',
      content: [
        {
          type: 'section',
          attrs: { sectionId: 's' },
          content: [
            { type: 'sectionHeading', content: [{ type: 'text', text: 'Links' }] },
            {
              type: 'clause',
              attrs: { clauseId: 'c' },
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'bad', marks: [{ type: 'link', attrs: { href: 'JaVaScRiPt:alert(1)' } }] },
                    { type: 'text', text: ' good', marks: [{ type: 'link', attrs: { href: 'https://www.gov.uk/' } }] },
                    { type: 'text', text: ' ' },
                    { type: 'variable', attrs: { name: 'school.name' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const html = renderHtml(withLinks, { numbering: 'unnumbered', variables: {} });
    expect(html).not.toMatch(/javascript/i);
    expect(html).toContain('bad');
    expect(html).toContain('<a href="https://www.gov.uk/" rel="noopener noreferrer nofollow"> good</a>');
    expect(html).toContain('{{school.name}}');
    expect(renderHtml(withLinks, { numbering: 'unnumbered', variables: { 'school.name': 'Willow <Primary>' } })).toContain('Willow &lt;Primary&gt;');
  });
});

describe('isAllowedHref', () => {
  it.each(['https://example.org/a?b=c', 'http://x.test', 'mailto:office@school.example', 'tel:+441234567890', '/p/leaf-trust', 'policy.pdf', '#scope'])(
    'allows %s',
    (href) => expect(isAllowedHref(href)).toBe(true),
  );
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '\u0000javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java&#x09;script:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    '//evil.example',
    '',
  ])('refuses %j', (href) => expect(isAllowedHref(href)).toBe(false));
});
