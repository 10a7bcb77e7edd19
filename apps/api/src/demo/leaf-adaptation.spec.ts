import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromOutline, listClauses, proposeTerminology, validateDocument } from '@ratify/document';
import { importText } from '@ratify/importer';
import { adaptModelForLeaf, LEAF_TERMS } from './leaf-adaptation';

const read = (name: string) => documentFromOutline(importText(readFileSync(join(__dirname, '..', '..', 'demo', 'policies', name), 'utf8')));
const model = read('la-model-social-media-policy.txt');
const leaf = read('leaf-trust-use-of-social-media-policy-v1.0.txt');

it('turns the LA model into Leaf Trust v1.0, clause by clause, as the fixture has it', () => {
  const adapted = adaptModelForLeaf(model);
  expect(validateDocument(adapted).ok).toBe(true);
  expect(listClauses(adapted).map((clause) => [clause.sectionHeading, clause.text])).toEqual(listClauses(leaf).map((clause) => [clause.sectionHeading, clause.text]));
});

it('keeps the lineage: every Leaf clause carries the id of the model clause it came from', () => {
  const modelIds = listClauses(model).map((clause) => clause.clauseId);
  const adaptedIds = listClauses(adaptModelForLeaf(model)).map((clause) => clause.clauseId);
  expect(adaptedIds).toHaveLength(modelIds.length - 1);
  expect(adaptedIds).toEqual(modelIds.filter((id) => adaptedIds.includes(id)));
});

it('proposes the terminology for the person to accept before it is applied', () => {
  const terms = proposeTerminology(model, LEAF_TERMS).flatMap((proposal) => proposal.replacements.map((replacement) => replacement.from));
  expect(new Set(terms)).toEqual(new Set(['Governing Body of the school', 'Governing Body', 'governors', 'on line']));
});
