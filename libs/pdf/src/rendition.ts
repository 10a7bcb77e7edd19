/**
 * A rendition: everything a published policy shows, as plain data. The PDF (buildPolicyPdf)
 * and the accessible web page read the same facts, so they cannot disagree. Plain data only
 * (no functions, no paths, no URLs to fetch): it crosses into the render worker by structured
 * clone, and nothing in it can make the renderer reach outside. Browser-safe (no pdfmake): the
 * web app imports it as '@ratify/pdf/rendition' for the cover labels and the contrast rule.
 */
import type { NumberingStyle, PolicyDocument } from '@ratify/document';

/** The font families the app ships (pdfmake may read only their files). */
export const FONT_FAMILIES = ['Roboto', 'DejaVu Sans', 'DejaVu Serif'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

/** The rows of the cover's document-control block a trust can choose and order. */
export const COVER_FIELDS = [
  'statutory',
  'adoptedOn',
  'author',
  'monitoredBy',
  'boardRatification',
  'approvedBy',
  'approvedOn',
  'reviewCycle',
  'reviewDate',
] as const;
export type CoverField = (typeof COVER_FIELDS)[number];

export const COVER_FIELD_LABELS: Record<CoverField, string> = {
  statutory: 'Statutory policy',
  adoptedOn: 'Date policy adopted',
  author: 'Policy author',
  monitoredBy: 'Policy monitored by',
  boardRatification: 'Trust board ratification',
  approvedBy: 'Policy approved by',
  approvedOn: 'Date of approval',
  reviewCycle: 'Review cycle',
  reviewDate: 'Review date',
};

export interface Branding {
  /** '#rrggbb': headings, rules and the cover band. At least 4.5:1 against white (checked on save). */
  primaryColour: string;
  /** '#rrggbb': table header fills and accents. At least 4.5:1 against white too. */
  accentColour: string;
  font: FontFamily;
  strapline: string | null;
  /** The uploaded logo, already validated and re-encoded as PNG, as a data URL (never a path or URL). */
  logo: { dataUrl: string; width: number; height: number } | null;
  /** Which document-control rows the cover shows, in order. */
  coverFields: CoverField[];
}

/** The document-control facts, already formatted for people ("13 January 2025", "Term 2, 2026/27"). */
export interface CoverFacts {
  statutory: boolean;
  adoptedOn: string | null;
  author: string | null;
  monitoredBy: string | null;
  boardRatification: boolean;
  approvedBy: string | null;
  approvedOn: string | null;
  /** "2 years", "1 year", "18 months". */
  reviewCycle: string | null;
  reviewDate: string | null;
}

/** One row of the generated "History of policy changes" table. */
export interface HistoryItem {
  version: string;
  /** Formatted, e.g. "13 January 2025". */
  date: string;
  change: string;
  origin: string | null;
  /** 'whole' for a new policy; otherwise the ids of the clauses this version changed or added (their pages are printed). */
  changedClauses: 'whole' | string[];
}

export interface PolicyRendition {
  title: string;
  /** BCP 47, e.g. 'en-GB': the PDF's /Lang and the page's lang. */
  language: string;
  organisationName: string;
  /** The academy whose copy this is; null for the trust's own. */
  schoolName: string | null;
  version: { number: string; approved: boolean };
  /**
   * The ISO date the document is issued on (its approval), written as the PDF's creation date so
   * that the same rendition always gives the same bytes. Absent for a draft (then: now).
   */
  issuedOn?: string | null;
  cover: CoverFacts;
  history: HistoryItem[];
  branding: Branding;
  document: PolicyDocument;
  numbering: NumberingStyle;
  /** The copy's resolved variable values (school name, head's title …). */
  variables: Record<string, string>;
}

/** The cover's document-control rows as label/value pairs, in the trust's order; empty facts are left out. */
export function coverRows(rendition: PolicyRendition): { field: CoverField; label: string; value: string }[] {
  const { cover } = rendition;
  const values: Record<CoverField, string | null> = {
    statutory: cover.statutory ? 'Statutory' : 'Non-statutory',
    adoptedOn: cover.adoptedOn,
    author: cover.author,
    monitoredBy: cover.monitoredBy,
    boardRatification: cover.boardRatification ? 'Yes' : 'No',
    approvedBy: cover.approvedBy,
    approvedOn: cover.approvedOn,
    reviewCycle: cover.reviewCycle,
    reviewDate: cover.reviewDate,
  };
  return rendition.branding.coverFields.flatMap((field) => {
    const value = values[field];
    return value ? [{ field, label: COVER_FIELD_LABELS[field], value }] : [];
  });
}

/** "This policy supersedes all previous versions of the …" — on the cover and the web page alike. */
export function supersedesNote(rendition: PolicyRendition): string {
  return `This policy supersedes all previous versions of the ${rendition.title}.`;
}

/** A review cycle in words: 24 → "2 years", 12 → "1 year", 18 → "18 months". */
export function reviewCycleText(months: number | null): string | null {
  if (!months) return null;
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`;
  return months === 1 ? '1 month' : `${months} months`;
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** Brand colours colour text, so each must reach WCAG 2.2 AA's 4.5:1 against white. */
export const MINIMUM_CONTRAST = 4.5;

/** WCAG 2.x contrast ratio of two '#rrggbb' colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export const DEFAULT_BRANDING: Branding = {
  primaryColour: '#1d5b2c',
  accentColour: '#1d5b2c',
  font: 'Roboto',
  strapline: null,
  logo: null,
  coverFields: [...COVER_FIELDS],
};
