/**
 * Policies the importer was not written against: three more UK school policies, each in
 * another house style, checked for structure and for the words they keep.
 */
import { importPolicy } from './import-policy';
import { bodyText, headings, readFixture, section } from './testing/fixtures';
import type { ImportedPolicy } from './types';
import { wordsKept } from './word-coverage';

async function importFixture(name: string): Promise<{ source: string; result: ImportedPolicy }> {
  const source = readFixture(name);
  return { source, result: await importPolicy({ fileName: name, data: Buffer.from(source, 'utf8') }) };
}

describe('a Markdown attendance policy ("##"/"###" headings, "*" bullets, pipe tables, a linked contents list)', () => {
  let source: string;
  let result: ImportedPolicy;
  beforeAll(async () => ({ source, result } = await importFixture('oakwood-attendance-policy.md')));

  it('finds the headings, sub-headings included, and skips the linked contents list', () => {
    expect(result.title).toBe('Attendance and Punctuality Policy');
    expect(headings(result)).toEqual([
      'Our aims',
      'Legislation and guidance',
      'Roles and responsibilities',
      'The local governing body',
      'The headteacher',
      'The attendance officer',
      'Class teachers',
      'Parents and carers',
      'Recording attendance',
      'Attendance register',
      'Unplanned absence',
      'Planned absence',
      'Lateness',
      'Following up absence',
      'Monitoring arrangements',
    ]);
    expect(bodyText(result)).not.toContain('#our-aims');
  });

  it('reads the cover and the pipe-table document control into metadata', () => {
    expect(result.metadata).toMatchObject({
      Organisation: 'Oakwood Primary Academy',
      'Part of': 'the Northern Lights Learning Trust',
      'Policy owner': 'Headteacher',
      'Approved by': 'Local Governing Body',
      'Date approved': '18 September 2024',
      'Review cycle': 'Annually',
      'Next review': 'September 2025',
      Statutory: 'Yes',
    });
  });

  it('keeps "*" bullets and a numbered list after a colon as items of the clause that introduces them', () => {
    expect(section(result, 'Parents and carers').clauses[0].blocks).toEqual([
      { type: 'paragraph', text: 'Parents and carers are expected to:' },
      { type: 'bulletList', items: expect.arrayContaining(['Make sure their child attends every day on time']) },
    ]);
    const steps = section(result, 'Following up absence').clauses[0].blocks[1];
    expect(steps).toEqual({ type: 'bulletList', items: expect.arrayContaining(['Call the parent on the morning of the first day of absence']) });
    expect(steps.type === 'bulletList' && steps.items).toHaveLength(4);
  });

  it('reads the Version | Date | Author | Changes table into history, the author as its origin', () => {
    expect(result.history).toEqual([
      { version: '1.0', date: '12 September 2023', page: '', change: "New policy, replacing the trust's model attendance policy", origin: 'J. Patel' },
      expect.objectContaining({ version: '2.0', date: '18 September 2024', origin: 'J. Patel' }),
    ]);
  });

  it('keeps a table in the text, one paragraph per row, and says so', () => {
    expect(section(result, 'Lateness').clauses[1].blocks).toEqual([
      { type: 'paragraph', text: 'Time of arrival | How it is recorded' },
      { type: 'paragraph', text: '8.40am to 8.55am | Late before the register closed (code L)' },
      { type: 'paragraph', text: 'After 8.55am | Late after the register closed (code U), which counts as an unauthorised absence' },
    ]);
    expect(result.warnings).toEqual([expect.stringMatching(/^Line 99: a table in "Lateness" was kept as one paragraph per row/)]);
  });

  it('keeps at least 95% of the words', () => {
    expect(wordsKept(source, result).ratio).toBeGreaterThanOrEqual(0.95);
  });
});

describe('a hard-wrapped plain-text complaints procedure ("1.", "1.1", "a)" and "i)" numbering)', () => {
  let source: string;
  let result: ImportedPolicy;
  beforeAll(async () => ({ source, result } = await importFixture('riverside-complaints-procedure.txt')));

  it('reads the numbered headings and joins each wrapped clause into one', () => {
    expect(result.title).toBe('Complaints Procedure');
    expect(result.metadata['Organisation']).toBe('RIVERSIDE COMMUNITY HIGH SCHOOL');
    expect(headings(result)).toEqual([
      'Introduction',
      'Who can make a complaint',
      'The difference between a concern and a complaint',
      'Stage 1: informal resolution',
      'Stage 2: formal complaint to the headteacher',
      'Stage 3: panel hearing',
      'Unreasonable complaints',
      'Referring a complaint to the Department for Education',
      'Recording complaints and monitoring',
    ]);
    expect(result.sections.map((candidate) => candidate.clauses.length)).toEqual([2, 2, 2, 2, 2, 4, 2, 1, 2]);
    expect(section(result, 'Introduction').clauses[0].text).toBe(
      'Riverside Community High School values feedback from parents, carers, pupils and members of the public. We take every concern and complaint seriously and aim to resolve it quickly and fairly, at the earliest possible stage.',
    );
  });

  it('keeps lettered and roman sub-items, wrapped lines joined, in the clause that introduces them', () => {
    const procedures = section(result, 'Who can make a complaint').clauses[0].blocks[1];
    expect(procedures.type === 'bulletList' && procedures.items).toEqual([
      "admissions, which are handled by the local authority's admissions appeals process;",
      "exclusions, which follow the DfE's statutory guidance on suspensions and permanent exclusions;",
      'safeguarding matters, which are referred to the local authority designated officer (LADO);',
      'statutory assessments of special educational needs;',
      'staff grievances and disciplinary procedures.',
    ]);
    const outcomes = section(result, 'Stage 3: panel hearing').clauses[2].blocks[1];
    expect(outcomes.type === 'bulletList' && outcomes.items).toHaveLength(4);
  });

  it('reads the "Version | Date | Author | Changes" rows into history, not the first clause', () => {
    expect(result.history.map((row) => [row.version, row.date, row.origin])).toEqual([
      ['1.0', '10 February 2021', 'S. Hughes'],
      ['1.1', '7 March 2023', 'S. Hughes'],
      ['2.0', '4 March 2025', 'K. Osei'],
    ]);
    expect(result.metadata).toMatchObject({ 'Approved by': 'Full Governing Board', 'Date approved': '4 March 2025', 'Next review': 'March 2027' });
    expect(result.warnings).toEqual([]);
  });

  it('keeps at least 95% of the words', () => {
    expect(wordsKept(source, result).ratio).toBeGreaterThanOrEqual(0.95);
  });
});

describe('a safeguarding policy saved as text from Word (ALL-CAPS headings, "•" and Symbol bullets, page breaks)', () => {
  let source: string;
  let result: ImportedPolicy;
  beforeAll(async () => ({ source, result } = await importFixture('oakfield-safeguarding-policy.txt')));

  it('finds ALL-CAPS headings and the Title-case sub-headings under them', () => {
    expect(result.title).toBe('SAFEGUARDING AND CHILD PROTECTION POLICY');
    expect(headings(result)).toEqual([
      'OUR COMMITMENT',
      'KEY CONTACTS',
      'LEGISLATION AND STATUTORY GUIDANCE',
      'DEFINITIONS',
      'ROLES AND RESPONSIBILITIES',
      'All staff',
      'The designated safeguarding lead',
      'RECOGNISING ABUSE AND TAKING ACTION',
      'If a child makes a disclosure to you',
      'Early help',
      'ONLINE SAFETY AND THE USE OF MOBILE TECHNOLOGY',
      'TRAINING',
      'MONITORING ARRANGEMENTS',
    ]);
  });

  it('reads "•", Word Symbol-font and "o" bullets as items of one list', () => {
    const dsl = section(result, 'The designated safeguarding lead').clauses[0].blocks[1];
    expect(dsl.type === 'bulletList' && dsl.items).toEqual([
      'Provide advice and support to other staff on child welfare and child protection matters',
      'Take part in strategy discussions and inter-agency meetings, or support other staff to do so',
      "Refer suspected cases of abuse to local authority children's social care and the police, as appropriate",
      'Keep the headteacher informed of any issues',
    ]);
    const disclosure = section(result, 'If a child makes a disclosure to you').clauses[0].blocks[1];
    expect(disclosure.type === 'bulletList' && disclosure.items).toHaveLength(6);
  });

  it('keeps the running header once and drops the page numbers', () => {
    expect(result.metadata).toMatchObject({
      'Page header': 'Oakfield Primary School – Safeguarding and Child Protection Policy 2025/26',
      Organisation: 'OAKFIELD PRIMARY SCHOOL',
      Statutory: 'Yes',
      'Approved by the Local Governing Body': '15 September 2025',
      'Next review': 'September 2026',
    });
    expect(bodyText(result)).not.toMatch(/Page \d of 4|Policy 2025\/26/);
  });

  it('keeps at least 95% of the words', () => {
    expect(wordsKept(source, result).ratio).toBeGreaterThanOrEqual(0.95);
  });
});
