import { newId } from './ids';
import type { IdFactory } from './outline';
import type { PolicyDocument } from './types';

/** A new policy's text: one untitled section with one empty clause, ready to type into. */
export function emptyPolicyDocument(mint: IdFactory = newId): PolicyDocument {
  return {
    type: 'doc',
    content: [
      {
        type: 'section',
        attrs: { sectionId: mint() },
        content: [{ type: 'sectionHeading' }, { type: 'clause', attrs: { clauseId: mint() }, content: [{ type: 'paragraph' }] }],
      },
    ],
  };
}
