/**
 * Colour contrast against white, by the rule the API applies on save (libs/pdf's rendition
 * model: WCAG 2.x, at least 4.5:1), so the page refuses exactly what the API would.
 */
import { contrastRatio, HEX_COLOUR, MINIMUM_CONTRAST } from '@ratify/pdf/rendition';

export { contrastRatio, HEX_COLOUR, MINIMUM_CONTRAST };

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
