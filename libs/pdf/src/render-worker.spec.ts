import { join } from 'node:path';
import { Piscina } from 'piscina';
import { leafRendition } from './fixtures/leaf';
import { pdfInfo, scratchFolder, writePdf } from './testing/pdf-tools';

jest.setTimeout(60_000);

// The API loads the compiled dist/render-worker.js; here the same module runs from its source
// through a shim that lets tsx compile it inside the worker thread.
const pool = new Piscina({ filename: join(__dirname, 'testing/render-worker.cjs'), maxThreads: 1, idleTimeout: 1000 });

afterAll(() => pool.destroy());

describe('the render worker', () => {
  it('renders a rendition sent by structured clone and hands back the PDF bytes', async () => {
    const bytes: unknown = await pool.run(leafRendition());
    expect(bytes).toBeInstanceOf(Uint8Array);
    const pdf = bytes as Uint8Array;
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdfInfo(writePdf(scratchFolder(), 'worker.pdf', pdf)).Title).toBe('Use of Social Media Policy');
  });

  it('can be abandoned on a timeout, as the API does', async () => {
    await expect(pool.run(leafRendition(), { signal: AbortSignal.timeout(1) })).rejects.toThrow(/abort/i);
  });
});
