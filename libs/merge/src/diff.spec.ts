import { diffDocuments } from './diff';
import { policy, section } from './testing/policies';

const introduction = section('s-intro', 'Introduction', [
  ['c-commit', 'The Governing Body is committed to ensuring that all staff are aware of their responsibilities.'],
  ['c-distance', 'Staff are expected to maintain a professional distance from pupils.'],
  ['c-balance', 'The Governing Body believes staff should use technology effectively.'],
]);
const scope = section('s-scope', 'Scope', [
  ['c-applies', 'This policy applies to all individuals engaged by the school.'],
  ['c-comply', 'Staff are expected to comply with this policy at all times.'],
]);
const before = policy([introduction, scope]);

const change = (diff: ReturnType<typeof diffDocuments>, id: string) => diff.clauses.find((clause) => clause.clauseId === id);

describe('diffDocuments', () => {
  it('finds nothing between a document and itself', () => {
    const diff = diffDocuments(before, policy([introduction, scope]));
    expect(diff.counts).toEqual({ unchanged: 5, changed: 0, added: 0, removed: 0, moved: 0 });
    expect(diff.sections.map((part) => [part.sectionId, part.change, part.moved])).toEqual([
      ['s-intro', 'unchanged', false],
      ['s-scope', 'unchanged', false],
    ]);
  });

  it('reports a changed, an added and a removed clause, with a word diff for the changed one', () => {
    const after = policy([
      section('s-intro', 'Introduction', [
        ['c-commit', 'The Trust is committed to ensuring that all staff are aware of their responsibilities.'],
        ['c-distance', 'Staff are expected to maintain a professional distance from pupils.'],
      ]),
      section('s-scope', 'Scope', [...scope.clauses, ['c-online', 'This includes online sources and gaming.']]),
    ]);
    const diff = diffDocuments(before, after);
    expect(diff.clauses.map((clause) => [clause.clauseId, clause.change])).toEqual([
      ['c-commit', 'changed'],
      ['c-distance', 'unchanged'],
      ['c-balance', 'removed'],
      ['c-applies', 'unchanged'],
      ['c-comply', 'unchanged'],
      ['c-online', 'added'],
    ]);
    expect(change(diff, 'c-commit')?.words).toEqual([
      { text: 'The ', change: 'same' },
      { text: 'Governing Body', change: 'removed' },
      { text: 'Trust', change: 'added' },
      { text: ' is committed to ensuring that all staff are aware of their responsibilities.', change: 'same' },
    ]);
    expect(change(diff, 'c-balance')).toMatchObject({ before: { sectionId: 's-intro', index: 2 }, after: null, words: null, moved: 'none' });
    expect(change(diff, 'c-online')).toMatchObject({ before: null, after: { sectionId: 's-scope', index: 2, text: 'This includes online sources and gaming.' } });
    expect(diff.counts).toEqual({ unchanged: 3, changed: 1, added: 1, removed: 1, moved: 0 });
  });

  it('counts a formatting-only change as a change, with no words changed', () => {
    const after = policy([section('s-intro', 'Introduction', [['c-commit', `**${introduction.clauses[0]?.[1]}**`], ...introduction.clauses.slice(1)]), scope]);
    expect(change(diffDocuments(before, after), 'c-commit')).toMatchObject({ change: 'changed', textChanged: false });
    expect(change(diffDocuments(before, after), 'c-commit')?.words).toEqual([{ text: introduction.clauses[0]?.[1], change: 'same' }]);
  });

  it('counts a changed link target as a change though the text is the same', () => {
    const linked = (href: string) => {
      const doc = policy([scope]);
      const clause = doc.content[0]?.content[1];
      if (clause?.type !== 'clause' || clause.content[0]?.type !== 'paragraph') throw new Error('fixture');
      clause.content[0].content = [{ type: 'text', text: 'See the guidance.', marks: [{ type: 'link', attrs: { href } }] }];
      return doc;
    };
    expect(change(diffDocuments(linked('https://www.gov.uk/a'), linked('https://www.gov.uk/b')), 'c-applies')?.change).toBe('changed');
    expect(change(diffDocuments(linked('https://www.gov.uk/a'), linked('https://www.gov.uk/a')), 'c-applies')?.change).toBe('unchanged');
  });

  it('tells a clause moved to another section from one reordered within its section', () => {
    const after = policy([
      section('s-intro', 'Introduction', [introduction.clauses[2]!, introduction.clauses[0]!]),
      section('s-scope', 'Scope', [...scope.clauses, introduction.clauses[1]!]),
    ]);
    const diff = diffDocuments(before, after);
    expect(diff.clauses.map((clause) => [clause.clauseId, clause.change, clause.moved])).toEqual([
      ['c-balance', 'unchanged', 'within-section'],
      ['c-commit', 'unchanged', 'none'],
      ['c-applies', 'unchanged', 'none'],
      ['c-comply', 'unchanged', 'none'],
      ['c-distance', 'unchanged', 'to-another-section'],
    ]);
    expect(diff.counts.moved).toBe(2);
  });

  it('does not call clauses moved when one is inserted above them', () => {
    const after = policy([section('s-intro', 'Introduction', [['c-new', 'A new first clause.'], ...introduction.clauses]), scope]);
    expect(diffDocuments(before, after).clauses.filter((clause) => clause.moved !== 'none')).toEqual([]);
  });

  it('reports heading changes, and added, removed and moved sections', () => {
    const after = policy([
      section('s-scope', 'Who this policy applies to', scope.clauses),
      section('s-aims', 'Aims', [['c-aims', 'The policy aims to:\n- Enable staff to use social media safely\n- Safeguard staff']]),
    ]);
    const diff = diffDocuments(before, after);
    expect(diff.sections.map((part) => [part.sectionId, part.change])).toEqual([
      ['s-intro', 'removed'],
      ['s-scope', 'changed'],
      ['s-aims', 'added'],
    ]);
    expect(diff.sections[1]?.words).toEqual([
      { text: 'Scope', change: 'removed' },
      { text: 'Who this policy applies to', change: 'added' },
    ]);
    expect(change(diff, 'c-aims')?.after?.text).toBe('The policy aims to:\n- Enable staff to use social media safely\n- Safeguard staff');

    const swapped = diffDocuments(before, policy([scope, introduction]));
    expect(swapped.sections.filter((part) => part.moved).map((part) => part.sectionId)).toHaveLength(1);
    expect(swapped.clauses.every((clause) => clause.moved === 'none')).toBe(true);
  });

  it('refuses a document that uses an id twice', () => {
    const twice = policy([introduction, section('s-scope', 'Scope', [['c-commit', 'Copied clause.']])]);
    expect(() => diffDocuments(before, twice)).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
  });
});
