import { describe, expect, it } from 'vitest';
import { contrastOnWhite, normaliseColour, ratioText } from './contrast';

describe('contrast against white', () => {
  it('works out the ratio against white, and nothing for what is not a colour', () => {
    expect(contrastOnWhite('#000000')).toBe(21);
    expect(contrastOnWhite('#ffffff')).toBe(1);
    expect(contrastOnWhite('#767676')).toBeGreaterThanOrEqual(4.5);
    expect(contrastOnWhite('#777777')).toBeLessThan(4.5);
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
