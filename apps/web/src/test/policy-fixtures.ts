/** Small policy documents and API answers for the editor, import, search and policy page specs. */
import type { PolicyDocument } from '@ratify/document';
import type { DraftFieldsFragment } from '../graphql/operations.generated';
import type { PolicyDetail } from '../policies/policies.store';

export function aPolicyDocument(clauses: Array<[clauseId: string, text: string]> = [['c1', 'Staff keep a professional distance.']]): PolicyDocument {
  return {
    type: 'doc',
    content: [
      {
        type: 'section',
        attrs: { sectionId: 's1' },
        content: [
          { type: 'sectionHeading', content: [{ type: 'text', text: 'Introduction' }] },
          ...clauses.map(([clauseId, text]) => ({
            type: 'clause' as const,
            attrs: { clauseId },
            content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
          })),
        ],
      },
    ],
  };
}

export function aDraft(overrides: Partial<DraftFieldsFragment> & { document?: PolicyDocument } = {}): DraftFieldsFragment {
  const { document, ...fields } = overrides;
  return {
    id: 'version-9',
    number: null,
    status: 'DRAFT',
    revision: 1,
    content: (document ?? aPolicyDocument()) as unknown as Record<string, unknown>,
    updatedAt: '2026-11-21T09:00:00.000Z',
    ...fields,
  };
}

/** The text of every clause of a stored document, in order. */
export function clauseTexts(content: unknown): string[] {
  const doc = content as PolicyDocument;
  return doc.content.flatMap((section) =>
    section.content
      .slice(1)
      .map((clause) => JSON.stringify(clause))
      .map((json) => [...json.matchAll(/"text":"([^"]*)"/g)].map((match) => match[1]).join('')),
  );
}

/** The policy page's answer for a policy: never approved, no draft, nothing in approval, unless overridden. */
export function aPolicyDetail(overrides: Partial<PolicyDetail> = {}): PolicyDetail {
  return {
    id: 'policy-1',
    title: 'Attendance',
    slug: 'attendance',
    statutory: false,
    reviewCycleMonths: null,
    review: { dueOn: null },
    currentVersion: null,
    draft: null,
    approvalRoute: null,
    pendingApproval: null,
    history: [],
    versions: [],
    upstream: null,
    availableUpdate: null,
    ...overrides,
  };
}
