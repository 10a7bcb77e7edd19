/**
 * "Approve with amendments": the approver rewrites some clauses (in plain text, as a school
 * rewrites its copy: `variants/override-editing.ts`) and the whole amended document is sent,
 * every other clause exactly as submitted and each amended clause keeping its id.
 */
import type { ClauseJSON, PolicyDocument } from '@ratify/document';

/** Amended clauses by clause id. */
export type Amendments = Record<string, ClauseJSON>;

export function amendDocument(doc: PolicyDocument, amendments: Amendments): PolicyDocument {
  return {
    ...doc,
    content: doc.content.map((section) => {
      const [heading, ...clauses] = section.content;
      return { ...section, content: [heading, ...clauses.map((clause) => amendments[clause.attrs.clauseId] ?? clause)] };
    }),
  };
}

/** The amendments that still change something: a clause written back as submitted is not an amendment. */
export function effectiveAmendments(doc: PolicyDocument, amendments: Amendments): Amendments {
  const submitted = new Map(doc.content.flatMap((section) => section.content.slice(1) as ClauseJSON[]).map((clause) => [clause.attrs.clauseId, JSON.stringify(clause)]));
  return Object.fromEntries(Object.entries(amendments).filter(([clauseId, clause]) => submitted.has(clauseId) && submitted.get(clauseId) !== JSON.stringify(clause)));
}
