/** What the logo upload takes, checked before uploading (the API checks again, by the file's bytes). */
import { fileSize } from '../import/file-rules';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
export const LOGO_ACCEPT = '.png,.jpg,.jpeg,image/png,image/jpeg';
/** The height the public page shows a logo at, beside the site's name (CSS pixels). */
export const LOGO_HEIGHT = 64;

/** Why this file cannot be a logo, in plain words; null when it can be uploaded. */
export function logoFileProblem(file: { name: string; size: number }): string | null {
  if (!/\.(png|jpe?g)$/i.test(file.name)) return 'Choose a PNG or JPEG image (.png, .jpg). PNG is best for logos.';
  if (file.size === 0) return 'The file is empty. Choose the file with the logo in it.';
  if (file.size > MAX_LOGO_BYTES) return `The file is ${fileSize(file.size)}. A logo can be up to 2 MB: save it smaller and choose it again.`;
  return null;
}

/** The logo's width at LOGO_HEIGHT, keeping its shape. */
export const logoWidth = (logo: { width: number; height: number }): number => Math.round((logo.width * LOGO_HEIGHT) / logo.height);
