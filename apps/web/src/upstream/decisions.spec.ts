import { describe, expect, it } from 'vitest';
import { editedContent, resolutionsFor } from './decisions';

const clause = { id: 'clause:c-1', target: 'clause', targetId: 'c-1' };
const heading = { id: 'heading:s-1', target: 'heading', targetId: 's-1' };

describe('upstream update decisions', () => {
  it('turns each decision into a resolution, an edit into a clause that keeps its id', () => {
    const { resolutions, undecided } = resolutionsFor([clause, heading], { 'clause:c-1': { edit: ' First line \n\n Second line ' }, 'heading:s-1': { take: 'theirs' } });
    expect(undecided).toEqual([]);
    expect(resolutions).toEqual([
      {
        conflictId: 'clause:c-1',
        edited: {
          type: 'clause',
          attrs: { clauseId: 'c-1' },
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'First line' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Second line' }] },
          ],
        },
      },
      { conflictId: 'heading:s-1', take: 'theirs' },
    ]);
  });

  it('counts a missing decision and an empty edit as undecided', () => {
    expect(resolutionsFor([clause, heading], { 'clause:c-1': { edit: '  ' } }).undecided).toEqual(['clause:c-1', 'heading:s-1']);
  });

  it('makes a heading edit one line', () => {
    expect(editedContent(heading, 'Use of social\nmedia ')).toEqual({ type: 'sectionHeading', content: [{ type: 'text', text: 'Use of social media' }] });
  });
});
