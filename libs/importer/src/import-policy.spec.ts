import { ImportError, type ImportErrorCode } from './errors';
import { importPolicy, MAX_IMPORT_BYTES, titleFromFileName } from './import-policy';
import { readFixture } from './testing/fixtures';
import { buildDocx } from './testing/word-builder';
import { storedZip } from './testing/zip-writer';
import { wordsKept } from './word-coverage';

const SIMPLE = '# Lettings Policy\n\n## Bookings\n\nHirers book through the school office.';

async function refusal(fileName: string, data: Buffer | string): Promise<ImportError> {
  const error = await importPolicy({ fileName, data }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ImportError)) throw new Error(`expected an ImportError for ${fileName}, got ${String(error)}`);
  return error;
}

describe('importPolicy: which importer', () => {
  it('reads .txt, .md and .markdown (any case) as text, from a Buffer, a Uint8Array or a string', async () => {
    for (const fileName of ['policy.txt', 'POLICY.MD', 'policy.markdown']) {
      const result = await importPolicy({ fileName, data: new Uint8Array(Buffer.from(SIMPLE)) });
      expect([result.title, result.sections[0].heading]).toEqual(['Lettings Policy', 'Bookings']);
    }
    expect((await importPolicy({ fileName: 'policy.txt', data: SIMPLE })).title).toBe('Lettings Policy');
  });

  it('reads a Word document by its content, even when it is named .txt', async () => {
    const data = await buildDocx({ blocks: [{ kind: 'title', text: 'Lettings Policy' }, { kind: 'heading', level: 1, text: 'Bookings' }, { kind: 'paragraph', text: 'Hirers book through the office.' }] });
    const result = await importPolicy({ fileName: 'lettings.txt', data });
    expect([result.title, result.sections[0].heading, result.sections[0].clauses[0].text]).toEqual(['Lettings Policy', 'Bookings', 'Hirers book through the office.']);
  });

  it('decodes UTF-16 files with a byte-order mark and old Windows-1252 files', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Charging Policy\n\n## Trips\n\nTrips cost £5.', 'utf16le')]);
    expect((await importPolicy({ fileName: 'charging.txt', data: utf16 })).sections[0].clauses[0].text).toBe('Trips cost £5.');
    const windows1252 = Buffer.concat([Buffer.from('# Charging Policy\n\n## Trips\n\nThe school', 'latin1'), Buffer.from([0x92]), Buffer.from('s trips cost ', 'latin1'), Buffer.from([0xa3]), Buffer.from('5.', 'latin1')]);
    expect((await importPolicy({ fileName: 'charging.txt', data: windows1252 })).sections[0].clauses[0].text).toBe('The school’s trips cost £5.');
  });

  it('falls back on the file name when the file has no title', async () => {
    const result = await importPolicy({ fileName: 'uploads/behaviour-policy_v2.txt', data: 'Pupils are expected to be kind to one another at all times, in class and outside.' });
    expect(result.title).toBe('Behaviour policy v2');
    expect(titleFromFileName('.txt')).toBeUndefined();
  });
});

describe('importPolicy: refusals a school office can act on', () => {
  const oldWord = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);

  it.each<[string, string, Buffer | string, ImportErrorCode, RegExp]>([
    ['an old Word file', 'policy.doc', oldWord, 'UNSUPPORTED_FORMAT', /older Word file \(\.doc\).*Save As → Word Document \(\.docx\)/],
    ['an old Word file named .docx (or a password-protected one)', 'policy.docx', oldWord, 'UNSUPPORTED_FORMAT', /password-protected/],
    ['a PDF, even named .txt', 'policy.txt', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'UNSUPPORTED_FORMAT', /is a PDF/],
    ['a picture', 'scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'UNSUPPORTED_FORMAT', /is a picture/],
    ['a JPEG named like a picture', 'scan.jpg', 'not really a jpeg', 'UNSUPPORTED_FORMAT', /is a picture/],
    ['an OpenDocument file', 'policy.odt', 'text', 'UNSUPPORTED_FORMAT', /OpenDocument/],
    ['an unknown extension', 'policy', 'text', 'UNSUPPORTED_FORMAT', /Word documents \(\.docx\), Markdown \(\.md\) and plain text \(\.txt\)/],
    ['an Excel workbook', 'policy.xlsx', storedZip([{ name: '[Content_Types].xml', content: '<Types/>' }, { name: 'xl/workbook.xml', content: '<workbook/>' }]), 'UNSUPPORTED_FORMAT', /an Excel workbook, not a Word document/],
    ['a zip that is damaged', 'policy.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]), 'UNREADABLE', /damaged or incomplete/],
    ['a text file named .docx', 'policy.docx', SIMPLE, 'UNREADABLE', /named like a Word document but is not one/],
    ['a binary file named .txt', 'policy.txt', Buffer.from(Array.from({ length: 400 }, (_, index) => index % 7)), 'UNREADABLE', /does not contain readable text/],
    ['an empty file', 'policy.txt', Buffer.alloc(0), 'EMPTY', /has no text in it/],
    ['a file of blank lines', 'policy.md', '\n \n\t\n', 'EMPTY', /has no text in it/],
    ['a zip claiming to unpack to 300 MB', 'policy.docx', storedZip([{ name: 'word/document.xml', content: '<w:document/>', claimedSize: 300 * 1024 * 1024 }]), 'TOO_LARGE', /unpacks to more than 200 MB/],
  ])('%s', async (_, fileName, data, code, message) => {
    const error = await refusal(fileName, data);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ImportError');
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`"${fileName}"`);
  });

  it('refuses a Word document cut short in transfer', async () => {
    const whole = await buildDocx({ blocks: [{ kind: 'paragraph', text: 'Some text.' }] });
    expect((await refusal('policy.docx', whole.subarray(0, Math.floor(whole.length / 2)))).code).toBe('UNREADABLE');
  });

  it('refuses a Word document with no text', async () => {
    expect((await refusal('blank.docx', await buildDocx({ blocks: [] }))).code).toBe('EMPTY');
  });

  it('refuses anything over 10 MB before reading it', async () => {
    const error = await refusal('huge.txt', Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a'));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toBe('"huge.txt" is 10.0 MB; Ratify imports files up to 10 MB. Save a copy without pictures (in Word: Compress Pictures, or delete them) and import that.');
  });
});

describe('importPolicy on pathological input (a hang would fail by timeout; no timing is asserted)', () => {
  const HANG_GUARD = 60_000;

  it(
    'reads a 5 MB single line of text without backtracking',
    async () => {
      const line = 'The school keeps **records** of <b>every</b> [visit](#x) with   care, and'.repeat(70_000).slice(0, 5 * 1024 * 1024);
      const result = await importPolicy({ fileName: 'one-line.txt', data: line });
      expect(result.sections).toHaveLength(1);
      expect(result.sections[0].clauses).toHaveLength(1);
      expect(wordsKept(line, result).ratio).toBeGreaterThanOrEqual(0.95);
    },
    HANG_GUARD,
  );

  it(
    'reads 5 MB of spaces, tabs, asterisks or brackets on one line',
    async () => {
      for (const filler of [' ', '\t', '*', '[', '<', '1.', '| a ']) {
        const data = `Policy ${filler.repeat(Math.floor((5 * 1024 * 1024) / filler.length))} end`;
        const result = await importPolicy({ fileName: 'odd.txt', data });
        expect(JSON.stringify(result)).toContain('end');
      }
    },
    HANG_GUARD,
  );

  it(
    'reads 100,000 bullet lines as one list of 100,000 items',
    async () => {
      const data = `# Long Policy\n\n## Rules\n\n${Array.from({ length: 100_000 }, (_, index) => `- Rule number ${index + 1} applies.`).join('\n')}\n`;
      const result = await importPolicy({ fileName: 'bullets.md', data });
      const list = result.sections[0].clauses[0].blocks[0];
      expect(list.type === 'bulletList' && list.items.length).toBe(100_000);
      expect(list.type === 'bulletList' && list.items[99_999]).toBe('Rule number 100000 applies.');
    },
    HANG_GUARD,
  );

  it(
    'reads 100,000 short title-like lines without treating the file as all cover',
    async () => {
      const data = Array.from({ length: 100_000 }, (_, index) => `Heading Number ${index}`).join('\n\n');
      const result = await importPolicy({ fileName: 'headings.txt', data });
      expect(result.sections.length).toBeGreaterThan(90_000);
      expect(result.warnings.length).toBeLessThan(30);
    },
    HANG_GUARD,
  );
});

describe('importPolicy keeps the demo fixtures working through the same entry point', () => {
  it('imports the Leaf Trust text as importText does', async () => {
    const result = await importPolicy({ fileName: 'leaf-trust-use-of-social-media-policy-v1.0.txt', data: Buffer.from(readFixture('leaf-trust-use-of-social-media-policy-v1.0.txt')) });
    expect(result.metadata['Review Date']).toBe('Term 2, 2026/27');
  });
});
