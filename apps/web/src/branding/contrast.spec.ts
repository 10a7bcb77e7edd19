import { describe, expect, it } from 'vitest';
// The API's own check, read in this test only (the app itself must not import @ratify/pdf).
import { contrastRatio as apiContrastRatio } from '../../../../libs/pdf/src/rendition';
import { contrastOnWhite, contrastRatio, normaliseColour, ratioText } from './contrast';

describe('contrast against white', () => {
  it('works out the ratio as the API does, so the page refuses what the API would', () => {
    for (const colour of ['#1d5b2c', '#767676', '#777777', '#ffcc00', '#0b3d91', '#000000', '#ffffff', '#e60000']) {
      expect(contrastRatio(colour, '#ffffff')).toBeCloseTo(apiContrastRatio(colour, '#ffffff'), 10);
    }
    expect(contrastOnWhite('#000000')).toBe(21);
    expect(contrastOnWhite('#fff')).toBeNull();
  });

  it('rounds down, so a colour just under 4.5:1 never reads as enough', () => {
    expect(ratioText(contrastOnWhite('#777777')!)).toBe('4.4:1');
    expect(ratioText(21)).toBe('21:1');
  });

  it('reads a colour however it was typed', () => {
    expect(normaliseColour(' 1D5B2C ')).toBe('#1d5b2c');
    expect(normaliseColour('#1d5b2')).toBeNull();
    expect(normaliseColour('green')).toBeNull();
  });
});
