import { documentFromOutline } from '@ratify/document';
import { buildPolicyPdf } from './policy-pdf';
import { renderPdf } from './render';

const document = documentFromOutline({
  sections: [
    {
      heading: 'Introduction',
      clauses: [{ text: 'The Trust is committed.', blocks: [{ type: 'paragraph', text: 'The Trust is committed.' }] }],
    },
  ],
});

const input = {
  title: 'Use of Social Media Policy',
  organisationName: 'Leaf Trust',
  version: { number: '1.0', approved: true, approvedOn: '13 January 2025', nextReview: 'Term 2, 2026/27' },
  document,
  numbering: 'numbered' as const,
};

describe('buildPolicyPdf', () => {
  it('puts the approval facts, numbered sections and metadata in the definition', () => {
    const definition = buildPolicyPdf(input);
    const text = JSON.stringify(definition.content);
    expect(text).toContain('Use of Social Media Policy (v 1.0)');
    expect(text).toContain('13 January 2025');
    expect(text).toContain('"1. "');
    expect(text).toContain('1.1. ');
    expect(definition.info).toEqual({ title: 'Use of Social Media Policy (v 1.0)', author: 'Leaf Trust', subject: 'Use of Social Media Policy' });
    expect(definition.watermark).toBeUndefined();
  });

  it('marks anything not approved as a draft', () => {
    expect(buildPolicyPdf({ ...input, version: { number: '1.1', approved: false } }).watermark).toMatchObject({ text: 'DRAFT' });
  });
});

describe('renderPdf', () => {
  it('produces a PDF', async () => {
    const bytes = await renderPdf(buildPolicyPdf(input));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('refuses to fetch remote images or read local files', async () => {
    const definition = buildPolicyPdf(input);
    await expect(renderPdf({ ...definition, images: { logo: 'http://169.254.169.254/latest/meta-data' }, content: [{ image: 'logo' }] })).rejects.toThrow(
      /Access to URL denied by resource access policy/,
    );
    await expect(renderPdf({ ...definition, content: [{ image: '/etc/passwd' }] })).rejects.toThrow(/denied by resource access policy/);
  });
});
