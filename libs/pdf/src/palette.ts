/** The few colours a policy PDF uses, worked out once from the trust's branding. */
import type { CustomTableLayout } from 'pdfmake/interfaces';
import { contrastRatio, type Branding } from './rendition';

export interface Palette {
  /** Titles, headings, rules. */
  primary: string;
  /** Table header fills. */
  accent: string;
  /** Text on an accent fill: white when it reads (WCAG AA, 4.5:1), else near-black. */
  onAccent: string;
  /** A pale wash of the primary colour behind the document-control labels. */
  wash: string;
  text: string;
  muted: string;
  rule: string;
}

const WHITE = '#ffffff';
const INK = '#1f2328';
const AA_CONTRAST = 4.5;

/** `colour` blended towards white: 0 leaves it, 1 gives white. */
export function towardsWhite(colour: string, amount: number): string {
  const channel = (offset: number) => {
    const value = parseInt(colour.slice(offset, offset + 2), 16);
    return Math.round(value + (255 - value) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

export function paletteOf(branding: Branding): Palette {
  return {
    primary: branding.primaryColour,
    accent: branding.accentColour,
    onAccent: contrastRatio(branding.accentColour, WHITE) >= AA_CONTRAST ? WHITE : INK,
    wash: towardsWhite(branding.primaryColour, 0.9),
    text: INK,
    muted: '#57606a',
    rule: '#c9cfd4',
  };
}

/** Thin rules in a quiet grey around every cell, with room to breathe: the cover and history tables. */
export function gridLayout(palette: Palette): CustomTableLayout {
  return {
    hLineWidth: () => 0.6,
    vLineWidth: () => 0.6,
    hLineColor: () => palette.rule,
    vLineColor: () => palette.rule,
    paddingLeft: () => 6,
    paddingRight: () => 6,
    paddingTop: () => 5,
    paddingBottom: () => 5,
  };
}
