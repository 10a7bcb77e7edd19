import { toLines } from './normalise';
import { removeFormFeedFurniture, removeRepeatedCoverLines } from './page-furniture';

const texts = (lines: { text: string }[]) => lines.map((line) => line.text).filter(Boolean);

describe('removeRepeatedCoverLines', () => {
  const source = [
    'Northfield Academy Trust',
    '',
    '# Online Safety Policy',
    '',
    '## Scope',
    '',
    'This policy applies to all staff.',
    '',
    'Northfield Academy Trust',
    '',
    'Online Safety Policy',
    '',
    'Staff use school devices.',
    '',
    'Northfeild',
    'Academy',
    'Trust',
    '',
    'Pupils use filtered internet.',
  ].join('\n');

  it('drops later copies of cover lines, misspelt or wrapped over several lines, and reports what it matched', () => {
    const result = removeRepeatedCoverLines(toLines(source));
    expect(texts(result.lines)).toEqual(['Northfield Academy Trust', '# Online Safety Policy', '## Scope', 'This policy applies to all staff.', 'Staff use school devices.', 'Pupils use filtered internet.']);
    expect(result.dropped).toBe(5);
    expect(result.headerKeys.sort()).toEqual(['northfieldacademytrust', 'onlinesafetypolicy']);
  });

  it('leaves a body line alone when it runs on from the text before it', () => {
    const result = removeRepeatedCoverLines(toLines('Online Safety Policy\n\n## Scope\n\nThis is the\nOnline Safety Policy\nof the trust.'));
    expect(result.dropped).toBe(0);
  });
});

describe('removeFormFeedFurniture', () => {
  const page = (n: number, body: string) => `Oakfield School – Behaviour Policy\n\n${body}\n\nPage ${n} of 3`;
  const lines = toLines([page(1, 'BEHAVIOUR POLICY\n\nWe expect kindness.'), page(2, 'Rewards are given weekly.'), page(3, 'Sanctions are fair.')].join('\f'));

  it('keeps the first page header for the cover, drops its repeats and every page number', () => {
    const result = removeFormFeedFurniture(lines);
    expect(texts(result.lines)).toEqual(['Oakfield School – Behaviour Policy', 'BEHAVIOUR POLICY', 'We expect kindness.', 'Rewards are given weekly.', 'Sanctions are fair.']);
    expect(result.header).toEqual(['Oakfield School – Behaviour Policy']);
    expect(result.footer).toEqual([]);
    expect(result.dropped).toBe(5);
  });

  it('does nothing without page breaks', () => {
    expect(removeFormFeedFurniture(toLines('Page 1 of 1\n\nText.')).dropped).toBe(0);
  });
});
