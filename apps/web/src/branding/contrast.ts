/**
 * Colour contrast against white, as the API checks it on save (WCAG 2.x, at least 4.5:1). The
 * arithmetic is libs/pdf's `contrastRatio`, repeated here because the web app must not import
 * @ratify/pdf (it brings pdfmake); contrast.spec.ts checks the two agree.
 */
export const MINIMUM_CONTRAST = 4.5;

/** '#rrggbb', as the API takes colours. */
export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two '#rrggbb' colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Against white; null for anything that is not a '#rrggbb' colour. */
export function contrastOnWhite(colour: string): number | null {
  return HEX_COLOUR.test(colour) ? contrastRatio(colour, '#ffffff') : null;
}

/** "7.1:1", "4.4:1": rounded down, so a colour just under the minimum never reads as 4.5:1. */
export function ratioText(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1).replace(/\.0$/, '')}:1`;
}

/** A '#rrggbb' from what a person typed ("1D5B2C", " #1d5b2c "), or null. */
export function normaliseColour(typed: string): string | null {
  const trimmed = typed.trim();
  const hex = trimmed.startsWith('#') ? trimmed : `#${trimmed}`;
  return HEX_COLOUR.test(hex) ? hex.toLowerCase() : null;
}
