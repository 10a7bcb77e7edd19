/**
 * The branding form as plain data: the draft a person edits (from the saved branding), which
 * settings are an academy's own, what is wrong before saving, and the change to send — only the
 * settings that changed, null for a setting an academy gives back to the trust.
 */
import type { BrandFont, BrandingFieldsFragment, BrandingSetting, SetBrandingInput } from '../graphql/operations.generated';
import { MINIMUM_CONTRAST, contrastOnWhite, normaliseColour, ratioText } from './contrast';
import { chosenFields, coverRows, type CoverRow } from './cover-fields';

export type Branding = BrandingFieldsFragment;
export type Logo = NonNullable<Branding['logo']>;

/** The fonts the PDFs are made with, and the nearest the browser has for the samples. */
export const FONTS: { value: BrandFont; label: string; stack: string }[] = [
  { value: 'ROBOTO', label: 'Roboto', stack: "Roboto, 'Helvetica Neue', Arial, sans-serif" },
  { value: 'DEJAVU_SANS', label: 'DejaVu Sans', stack: "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif" },
  { value: 'DEJAVU_SERIF', label: 'DejaVu Serif', stack: "'DejaVu Serif', 'Bitstream Vera Serif', Georgia, serif" },
];

export const fontStack = (font: BrandFont): string => FONTS.find((option) => option.value === font)?.stack ?? 'sans-serif';

/** How a setting is named in a sentence ("Use the trust’s logo"). */
export const SETTING_NAMES: Record<BrandingSetting, string> = {
  LOGO: 'logo',
  PRIMARY_COLOUR: 'primary colour',
  ACCENT_COLOUR: 'accent colour',
  FONT: 'font',
  STRAPLINE: 'strapline',
  COVER_FIELDS: 'cover rows',
  CONTACT_EMAIL: 'contact email',
};

const ALL_SETTINGS = Object.keys(SETTING_NAMES) as BrandingSetting[];

export interface BrandingDraft {
  logo: Logo | null;
  /** As typed: checked (and made '#rrggbb') on saving. */
  primaryColour: string;
  accentColour: string;
  font: BrandFont;
  strapline: string;
  coverRows: CoverRow[];
  contactEmail: string;
  /** The trust's only. */
  keepArchive: boolean;
  /** The settings that are this place's own: every one for the trust; an academy takes the rest from the trust. */
  own: BrandingSetting[];
}

/** One setting's part of the draft, as a branding has it. */
function valuesOf(branding: Branding, setting: BrandingSetting): Partial<BrandingDraft> {
  switch (setting) {
    case 'LOGO':
      return { logo: branding.logo };
    case 'PRIMARY_COLOUR':
      return { primaryColour: branding.primaryColour };
    case 'ACCENT_COLOUR':
      return { accentColour: branding.accentColour };
    case 'FONT':
      return { font: branding.font };
    case 'STRAPLINE':
      return { strapline: branding.strapline ?? '' };
    case 'COVER_FIELDS':
      return { coverRows: coverRows(branding.coverFields) };
    case 'CONTACT_EMAIL':
      return { contactEmail: branding.contactEmail ?? '' };
  }
}

export function draftFrom(branding: Branding, academy: boolean): BrandingDraft {
  return {
    ...(Object.assign({}, ...ALL_SETTINGS.map((setting) => valuesOf(branding, setting))) as Omit<BrandingDraft, 'keepArchive' | 'own'>),
    keepArchive: branding.keepArchive,
    own: academy ? [...branding.overrides] : [...ALL_SETTINGS],
  };
}

/**
 * An academy's setting made its own (starting from the trust's value, to change) or given back to
 * the trust (showing the trust's value again).
 */
export function withSource(draft: BrandingDraft, setting: BrandingSetting, own: boolean, trust: Branding): BrandingDraft {
  if (own) return draft.own.includes(setting) ? draft : { ...draft, own: [...draft.own, setting] };
  return { ...draft, ...valuesOf(trust, setting), own: draft.own.filter((other) => other !== setting) };
}

export const STRAPLINE_MAX = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const tooLightMessage = (ratio: number): string =>
  `Too light to read on white: ${ratioText(ratio)}, and at least ${MINIMUM_CONTRAST}:1 is needed. Choose a darker shade.`;

export type BrandingProblems = Partial<Record<BrandingSetting, string>>;

/** What must be put right before saving, by setting (only the place's own settings are checked). */
export function brandingProblems(draft: BrandingDraft, academy: boolean): BrandingProblems {
  const problems: BrandingProblems = {};
  const own = (setting: BrandingSetting) => draft.own.includes(setting);
  for (const [setting, typed] of [
    ['PRIMARY_COLOUR', draft.primaryColour],
    ['ACCENT_COLOUR', draft.accentColour],
  ] as const) {
    if (!own(setting)) continue;
    const colour = normaliseColour(typed);
    const ratio = colour ? contrastOnWhite(colour)! : null;
    if (ratio === null) problems[setting] = 'Write the colour as # and six letters or digits, for example #1d5b2c, or pick it.';
    else if (ratio < MINIMUM_CONTRAST) problems[setting] = tooLightMessage(ratio);
  }
  const strapline = draft.strapline.trim();
  if (own('STRAPLINE') && strapline.length > STRAPLINE_MAX) problems.STRAPLINE = `Keep the strapline to ${STRAPLINE_MAX} characters or fewer: it has ${strapline.length}.`;
  else if (academy && own('STRAPLINE') && !strapline) problems.STRAPLINE = 'Write the academy’s strapline, or choose “Use the trust’s”.';
  const email = draft.contactEmail.trim();
  if (own('CONTACT_EMAIL') && email && !EMAIL.test(email)) problems.CONTACT_EMAIL = 'Write the contact address as an email address, for example office@school.example.';
  else if (academy && own('CONTACT_EMAIL') && !email) problems.CONTACT_EMAIL = 'Write the academy’s contact email, or choose “Use the trust’s”.';
  if (academy && own('LOGO') && !draft.logo) problems.LOGO = 'Upload the academy’s logo, or choose “Use the trust’s”.';
  return problems;
}

/** Each setting: its field in SetBrandingInput, its value in the draft, and as saved. */
const FIELDS: { setting: BrandingSetting; key: keyof SetBrandingInput; draft: (draft: BrandingDraft) => unknown; saved: (branding: Branding) => unknown }[] = [
  { setting: 'LOGO', key: 'logoId', draft: (draft) => draft.logo?.id ?? null, saved: (branding) => branding.logo?.id ?? null },
  { setting: 'PRIMARY_COLOUR', key: 'primaryColour', draft: (draft) => normaliseColour(draft.primaryColour), saved: (branding) => branding.primaryColour.toLowerCase() },
  { setting: 'ACCENT_COLOUR', key: 'accentColour', draft: (draft) => normaliseColour(draft.accentColour), saved: (branding) => branding.accentColour.toLowerCase() },
  { setting: 'FONT', key: 'font', draft: (draft) => draft.font, saved: (branding) => branding.font },
  { setting: 'STRAPLINE', key: 'strapline', draft: (draft) => draft.strapline.trim() || null, saved: (branding) => branding.strapline },
  { setting: 'COVER_FIELDS', key: 'coverFields', draft: (draft) => chosenFields(draft.coverRows), saved: (branding) => branding.coverFields },
  { setting: 'CONTACT_EMAIL', key: 'contactEmail', draft: (draft) => draft.contactEmail.trim() || null, saved: (branding) => branding.contactEmail },
];

/**
 * The change to send: only what differs from the saved branding. For an academy, a setting it
 * gives back to the trust is sent as null; one it makes its own is sent even when it starts out
 * the same as the trust's.
 */
export function changedInput(saved: Branding, draft: BrandingDraft, academy: boolean): Omit<SetBrandingInput, 'schoolId'> {
  const input: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const wasOwn = !academy || saved.overrides.includes(field.setting);
    if (!draft.own.includes(field.setting)) {
      if (wasOwn) input[field.key] = null;
      continue;
    }
    const value = field.draft(draft);
    if (!wasOwn || JSON.stringify(value) !== JSON.stringify(field.saved(saved))) input[field.key] = value;
  }
  if (!academy && draft.keepArchive !== saved.keepArchive) input.keepArchive = draft.keepArchive;
  return input as Omit<SetBrandingInput, 'schoolId'>;
}
