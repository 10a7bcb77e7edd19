/**
 * The piscina worker: one rendition in, the PDF's bytes out. The API runs it from the compiled
 * `dist/render-worker.js` (see `renderWorkerFile`) so a slow or runaway render is off the event
 * loop and can be abandoned on a timeout. The rendition arrives by structured clone (it is plain
 * data by design); the bytes go back transferred, not copied. `move` wraps them for piscina, so
 * the pool's caller receives a Uint8Array; called directly, outside a pool, use renderPolicyPdf.
 */
import { move } from 'piscina';
import { renderPolicyPdf } from './render';
import type { PolicyRendition } from './rendition';

export default async function renderPolicyPdfWorker(rendition: PolicyRendition): Promise<Uint8Array> {
  const bytes = await renderPolicyPdf(rendition);
  // A Buffer may be a view into a shared pool; transfer a buffer that holds exactly the PDF.
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
  return move(owned) as unknown as Uint8Array;
}
