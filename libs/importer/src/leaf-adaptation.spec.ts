/**
 * The founding story, as data: Leaf Trust's Use of Social Media Policy v1.0 is the local
 * authority's model with the trust's terminology applied and a few clause edits. Cloning keeps
 * every clause's id, so each Leaf clause can be traced to the model clause it came from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyTerminology, documentFromOutline, listClauses, proposeTerminology, validateDocument, type PolicyDocument } from '@ratify/document';
import { importText } from './text-importer';

const fixture = (name: string) => importText(readFileSync(join(__dirname, '..', 'test-fixtures', name), 'utf8'));
const model = documentFromOutline(fixture('la-model-social-media-policy.txt'));
const leaf = documentFromOutline(fixture('leaf-trust-use-of-social-media-policy-v1.0.txt'));

const LEAF_TERMS = [
  { from: 'Governing Body of the school', to: 'Trust' },
  { from: 'Governing Body', to: 'Trust' },
  { from: 'governors', to: 'trustees' },
  { from: 'on line', to: 'online' },
];

/** An author's edit: replace words in one clause (or a section heading), which must contain them. */
function edit(doc: PolicyDocument, id: string, from: string, to: string): PolicyDocument {
  let found = false;
  const visit = (node: unknown): unknown => {
    const value = node as { type: string; text?: string; content?: unknown[]; attrs?: Record<string, string> };
    if (value.type === 'text' && value.text?.includes(from)) {
      found = true;
      return { ...value, text: value.text.replace(from, to) };
    }
    return value.content ? { ...value, content: value.content.map(visit) } : value;
  };
  const content = doc.content.map((section) =>
    section.attrs.sectionId === id
      ? { ...section, content: [visit(section.content[0]), ...section.content.slice(1)] }
      : { ...section, content: section.content.map((child) => (child.type === 'clause' && child.attrs.clauseId === id ? visit(child) : child)) },
  ) as PolicyDocument['content'];
  if (!found) throw new Error(`"${from}" is not in ${id}`);
  return { type: 'doc', content };
}

function removeClause(doc: PolicyDocument, id: string): PolicyDocument {
  return { type: 'doc', content: doc.content.map((section) => ({ ...section, content: section.content.filter((child) => child.type !== 'clause' || child.attrs.clauseId !== id) })) as PolicyDocument['content'] };
}

it('reproduces Leaf Trust v1.0 from the LA model: terminology, then clause edits, clause by clause', () => {
  const clauses = listClauses(model);
  const id = (section: number, clause: number) => clauses.filter((c) => c.sectionId === model.content[section]!.attrs.sectionId)[clause]!.clauseId;

  // 1. The trust's terminology, proposed then accepted in full.
  const proposals = proposeTerminology(model, LEAF_TERMS);
  expect(proposals.map((proposal) => proposal.replacements.map((r) => r.from)).flat()).toEqual(
    expect.arrayContaining(["Governing Body of the school", "Governing Body", "governors", "on line"]),
  );
  let draft = applyTerminology(model, LEAF_TERMS);

  // 2. The operations lead's edits.
  const edits: [string, string, string][] = [
    [id(0, 0), 'social networking sites. It', 'social networking sites, online sources and gaming. It'],
    [id(0, 0), 'social networking sites, and how', 'social networking sites, online sources and gaming, and how'],
    [id(0, 1), 'social networking with pupils', 'social networking etc, with pupils'],
    [id(1, 1), 'interests of the School, pupils, Local Authority, and', 'interests of the Trust, School, pupils, and'],
    [id(2, 0), 'social networking sites safely and securely.', 'social networking sites, online sources and gaming, safely and securely;'],
    [id(2, 0), 'inappropriate use of social networking sites.', 'inappropriate use of social networking sites, online sources and gaming;'],
    [id(2, 0), 'social networking sites and to ensure', 'social networking sites, online sources and gaming, and to ensure'],
    [id(3, 0), 'Twitter', "'X'"],
    [id(3, 0), 'YouTube and Flickr.', 'YouTube and Flickr. This policy also includes other online sources, and gaming platforms.'],
    [model.content[4]!.attrs.sectionId, 'Use of Social Networking Sites', 'Use of Social Networking Sites, online sources and gaming platforms'],
    [id(4, 0), 'unprofessional, and make', 'unprofessional and make'],
    [id(4, 0), 'student initiated', 'student-initiated'],
    [id(4, 0), 'Associate Headteacher / Executive Headteacher', 'Headteacher'],
    [id(4, 0), 'School, Trust, or Local Authority; or post anything that could potentially bring the School, Trust or Local Authority', 'School or Trust; or post anything that could potentially bring the School or Trust'],
    [id(4, 0), 'circumstances, and should not', 'circumstances and should not'],
    [id(5, 0), 'the Headteacher/Trust will', 'the Trust will'],
    [id(5, 1), "The Headteacher may exercise his/her right to monitor the use of the School's", "The Trust may exercise their right to monitor the use of the school's"],
    [id(5, 3), 'community, or put', 'community or put'],
  ];
  for (const [target, from, to] of edits) draft = edit(draft, target, from, to);
  draft = removeClause(draft, id(5, 4));

  expect(validateDocument(draft).ok).toBe(true);
  const ours = listClauses(draft);
  const theirs = listClauses(leaf);
  expect(ours.map((clause) => [clause.sectionHeading, clause.text])).toEqual(theirs.map((clause) => [clause.sectionHeading, clause.text]));
  // Lineage: every Leaf clause still carries the id of the model clause it came from.
  expect(ours.map((clause) => clause.clauseId)).toEqual(clauses.filter((clause) => clause.clauseId !== id(5, 4)).map((clause) => clause.clauseId));
});
