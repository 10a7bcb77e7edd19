import { takeBackMatter } from './back-matter';
import { toLines } from './normalise';

describe('takeBackMatter', () => {
  it('reads "Ratified / March 2017 / Review June 2018" after the last clause into metadata', () => {
    const result = takeBackMatter(toLines('6.4 The governors may act.\n\nRatified\n\nMarch 2017\nReview June 2018\n'));
    expect(result.metadata).toEqual({ Ratified: 'March 2017', Review: 'June 2018' });
    expect(result.lines.map((line) => line.text).filter(Boolean)).toEqual(['6.4 The governors may act.']);
  });

  it('reads labelled dates in other spellings', () => {
    expect(takeBackMatter(toLines('Text.\n\nApproved by governors: 12/03/2024\nNext review date: Spring term 2026')).metadata).toEqual({
      'Approved by governors': '12/03/2024',
      'Next review date': 'Spring term 2026',
    });
  });

  it('leaves the text alone when the last lines are not a block of dated labels', () => {
    for (const source of ['Text.\n\nMarch 2017', 'Text.\nRatified\nMarch 2017', 'Text.\n\nReviewed by the whole staff team in assembly.']) {
      const result = takeBackMatter(toLines(source));
      expect(result.metadata).toEqual({});
      expect(result.lines).toHaveLength(toLines(source).length);
    }
  });
});
