/**
 * Refused branding changes and logo uploads, in words that say what to do: by `details.reason`
 * (LOW_CONTRAST, with the colour's field and ratio; a logo's EMPTY, TOO_LARGE …), never by the
 * server's message.
 */
import { GraphQLRequestError } from '../graphql/client';
import type { BrandingSetting } from '../graphql/operations.generated';
import { actionFailure, type ActionFailure } from '../graphql/remote';
import { failureMessage } from '../layout/failure-message';
import { tooLightMessage } from './branding-form';

export interface BrandingFailure extends ActionFailure {
  /** LOW_CONTRAST: which colour, as a setting. */
  setting?: BrandingSetting;
  ratio?: number;
}

const COLOUR_FIELDS: Record<string, BrandingSetting> = { primaryColour: 'PRIMARY_COLOUR', accentColour: 'ACCENT_COLOUR' };

export function brandingFailure(error: unknown): BrandingFailure {
  const details = error instanceof GraphQLRequestError ? error.details : {};
  const setting = typeof details.field === 'string' ? COLOUR_FIELDS[details.field] : undefined;
  return { ...actionFailure(error), ...(setting ? { setting } : {}), ...(typeof details.ratio === 'number' ? { ratio: details.ratio } : {}) };
}

/** A refusal that belongs beside one field (a colour too light), as that field's error; null otherwise. */
export function fieldRefusal(failure: BrandingFailure): { setting: BrandingSetting; message: string } | null {
  if (failure.reason !== 'LOW_CONTRAST' || !failure.setting) return null;
  return {
    setting: failure.setting,
    message: failure.ratio === undefined ? 'Too light to read on white: at least 4.5:1 is needed. Choose a darker shade.' : tooLightMessage(failure.ratio),
  };
}

/** The sentence for a refused save that belongs to no one field. */
export function brandingFailureMessage(failure: BrandingFailure): string {
  return failureMessage(failure.code, 'save the branding', {
    FORBIDDEN: 'Only the trust’s administrators can change the trust’s branding, and an academy’s own staff their academy’s. Ask an administrator.',
    NOT_FOUND: 'The logo you uploaded is no longer there. Upload it again, then save.',
  });
}

const LOGO_REASONS: Record<string, string> = {
  EMPTY: 'The file is empty. Choose the file with the logo in it.',
  TOO_LARGE: 'The logo is larger than 2 MB. Save it smaller (a logo needs no more than 1200 × 600 pixels) and upload it again.',
  NOT_AN_IMAGE: 'A logo must be a PNG or JPEG image. Save it as PNG (best for logos) and upload it again.',
  UNREADABLE: 'That file looks like an image but cannot be read. Open it in an image editor, save it again as PNG and upload that.',
  TOO_SMALL: 'That logo is too small to print clearly: it needs to be at least 16 pixels wide and high.',
};

export function logoFailureMessage(failure: ActionFailure): string {
  const byReason = failure.reason ? LOGO_REASONS[failure.reason] : undefined;
  if (byReason) return byReason;
  if (failure.code === 'PAYLOAD_TOO_LARGE') return LOGO_REASONS.TOO_LARGE!;
  return failureMessage(failure.code, 'upload the logo', {
    BAD_USER_INPUT: 'Ratify could not use that file as a logo. Choose a PNG or JPEG image and try again.',
    FORBIDDEN: 'Only the trust’s administrators, and an academy’s own staff for their academy, can upload a logo. Ask an administrator.',
  });
}
