/**
 * The founding story in miniature: a local authority's model Social Media Policy (the
 * template version a trust cloned), with ids fixed so tests can say which clause is which.
 */
import type { ClauseSpec, SectionSpec } from './policies';
import { section } from './policies';

export const TEXT = {
  commit: 'The Governing Body of the school is committed to ensuring that all school staff are aware of their responsibilities in connection with the use of social networking sites.',
  distance: 'School staff are expected to maintain a professional distance from pupils, and therefore should not be involved in social networking with pupils either in or outside of school.',
  balance: 'The Governing Body believes it important that school staff are able to use technology and related services effectively and flexibly.',
  applies: 'This Policy applies to all individuals engaged by the school in a paid or voluntary capacity, including parent helpers, governors, agency workers, and those on work experience placements.',
  comply: 'Staff are expected to comply with this policy at all times to safeguard and protect the privacy, confidentiality and interests of the School.',
  media: 'For the purposes of this policy, social media is a type of interactive online media that allows parties to communicate instantly with each other or to share data in a public forum.',
  examples: 'There are many more examples of social media than those listed above, and this is a constantly changing area.',
  serious: 'The Headteacher/Governing Body will take seriously any circumstances where such sites are used inappropriately.',
  monitor: "The Headteacher may exercise his/her right to monitor the use of the School's information systems.",
} as const;

export const MODEL = {
  introduction: section('s-intro', 'Introduction', [
    ['c-commit', TEXT.commit],
    ['c-distance', TEXT.distance],
    ['c-balance', TEXT.balance],
  ]),
  scope: section('s-scope', 'Scope', [
    ['c-applies', TEXT.applies],
    ['c-comply', TEXT.comply],
  ]),
  definition: section('s-definition', 'Definition', [
    ['c-media', TEXT.media],
    ['c-examples', TEXT.examples],
  ]),
  breaches: section('s-breaches', 'Breaches of the Policy', [
    ['c-serious', TEXT.serious],
    ['c-monitor', TEXT.monitor],
  ]),
};

/** The model policy as the trust cloned it (v1 of the template). */
export const MODEL_V1: SectionSpec[] = [MODEL.introduction, MODEL.scope, MODEL.definition, MODEL.breaches];

/** A copy of `spec` with one clause's text replaced. */
export function reword(spec: SectionSpec, clauseId: string, text: string): SectionSpec {
  if (!spec.clauses.some(([id]) => id === clauseId)) throw new Error(`reword: ${clauseId} is not in ${spec.id}`);
  return { ...spec, clauses: spec.clauses.map(([id, old]): ClauseSpec => [id, id === clauseId ? text : old]) };
}

/** A copy of `spec` without the given clauses. */
export function without(spec: SectionSpec, ...clauseIds: string[]): SectionSpec {
  return { ...spec, clauses: spec.clauses.filter(([id]) => !clauseIds.includes(id)) };
}

/** A copy of `spec` with a clause inserted after `afterId` (or first, for null). */
export function inserting(spec: SectionSpec, afterId: string | null, clause: ClauseSpec): SectionSpec {
  const at = afterId === null ? 0 : spec.clauses.findIndex(([id]) => id === afterId) + 1;
  if (afterId !== null && at === 0) throw new Error(`inserting: ${afterId} is not in ${spec.id}`);
  return { ...spec, clauses: [...spec.clauses.slice(0, at), clause, ...spec.clauses.slice(at)] };
}
