/**
 * An uploaded logo, made safe to keep: only PNG and JPEG are accepted (checked by their first
 * bytes, before any decoder sees them, so an SVG or a polyglot never reaches one), decoded with
 * a pixel limit, turned upright, scaled to fit, flattened onto white and re-encoded as a fresh
 * PNG without metadata.
 * What is stored is what sharp wrote, never what was uploaded.
 */
import sharp from 'sharp';
import { AppError, ErrorCode } from '../common/errors';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** Decoding stops above this many pixels (a small file can claim a huge image). */
const MAX_INPUT_PIXELS = 40_000_000;
const MAX_WIDTH = 1200;
const MAX_HEIGHT = 600;
const MIN_SIDE = 16;

export interface Logo {
  png: Buffer;
  width: number;
  height: number;
}

function kindOf(bytes: Buffer): 'png' | 'jpeg' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

function refused(message: string, reason: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { reason });
}

export async function reencodeLogo(upload: Buffer): Promise<Logo> {
  if (upload.length === 0) throw refused('Choose a logo to upload: a PNG or JPEG image.', 'EMPTY');
  if (upload.length > MAX_LOGO_BYTES) throw refused('That logo is larger than 2 MB. Save it smaller (a logo needs no more than 1200 × 600 pixels) and upload it again.', 'TOO_LARGE');
  const kind = kindOf(upload);
  if (!kind) throw refused('A logo must be a PNG or JPEG image. Save it as PNG (best for logos) and upload it again.', 'NOT_AN_IMAGE');
  let image: sharp.Sharp;
  let metadata: sharp.Metadata;
  try {
    image = sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    metadata = await image.metadata();
  } catch {
    throw refused('That file looks like an image but cannot be read. Open it in an image editor, save it again as PNG and upload that.', 'UNREADABLE');
  }
  if (metadata.format !== kind) throw refused('A logo must be a PNG or JPEG image. Save it as PNG (best for logos) and upload it again.', 'NOT_AN_IMAGE');
  if ((metadata.width ?? 0) < MIN_SIDE || (metadata.height ?? 0) < MIN_SIDE) throw refused(`That logo is too small to print clearly: it needs to be at least ${MIN_SIDE} pixels each way.`, 'TOO_SMALL');
  try {
    // Flattened onto white (logos sit on white pages): a PNG without an alpha channel goes into a
    // PDF as it is, where one with alpha must be decoded and split on every render.
    const { data, info } = await image
      .rotate()
      .resize({ width: MAX_WIDTH, height: MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch {
    throw refused('That file looks like an image but cannot be read. Open it in an image editor, save it again as PNG and upload that.', 'UNREADABLE');
  }
}
