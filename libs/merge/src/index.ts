export { canonicalJson } from './canonical';
export { diffDocuments } from './diff';
export type { Change, ClauseDiff, ClauseMove, ClausePlace, DiffCounts, DocumentDiff, SectionDiff, SectionPlace } from './diff';
export { wordDiff, wordTokens } from './word-diff';
export type { WordChange, WordPart } from './word-diff';
export { mergeDocuments } from './merge';
export { resolveConflicts } from './resolve';
export type {
  ClauseConflict,
  ClauseOutcome,
  ClauseOutcomeKind,
  Conflict,
  ConflictKind,
  ConflictTexts,
  HeadingConflict,
  MergeInput,
  MergePlan,
  MergeResult,
  MovedBy,
  PlannedClause,
  PlannedSection,
  Resolution,
  SectionOutcome,
  SectionOutcomeKind,
} from './merge-types';
export type { SectionOrder } from './document-index';
export { applyOverrides, divergence, lockLevel, validateOverrides } from './overrides';
export type { ClauseLocks, Divergence, LockLevel, Override, OverrideProblem, OverrideProblemCode, SchoolVariant } from './overrides';
export { carryForward } from './carry-forward';
export type { CarriedOverrides, Reconfirmation, ReconfirmationReason } from './carry-forward';
export { MergeError } from './errors';
export type { MergeErrorCode } from './errors';
