/**
 * The tiptap extensions that define a policy document. The API validates every incoming
 * document against the schema built from this list; the web app builds its editor from the
 * same list and adds node views on its side only. Nothing here may import UI code.
 */
import { Node, getSchema, mergeAttributes, type AnyExtension } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import BulletList from '@tiptap/extension-bullet-list';
import HardBreak from '@tiptap/extension-hard-break';
import Italic from '@tiptap/extension-italic';
import Link from '@tiptap/extension-link';
import ListItem from '@tiptap/extension-list-item';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { UniqueIds } from './ids';
import { isAllowedHref } from './links';

export const PolicyDoc = Node.create({
  name: 'doc',
  topNode: true,
  content: 'section+',
});

export const Section = Node.create({
  name: 'section',
  group: 'policy',
  content: 'sectionHeading clause*',
  defining: true,
  addAttributes() {
    return {
      sectionId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-section-id'),
        renderHTML: (attributes) => ({ 'data-section-id': attributes.sectionId }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'section[data-section-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes), 0];
  },
});

export const SectionHeading = Node.create({
  name: 'sectionHeading',
  content: 'inline*',
  marks: 'italic',
  defining: true,
  parseHTML() {
    return [{ tag: 'h2' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['h2', mergeAttributes(HTMLAttributes), 0];
  },
});

export const Clause = Node.create({
  name: 'clause',
  content: '(paragraph | bulletList)+',
  defining: true,
  addAttributes() {
    return {
      clauseId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-clause-id'),
        renderHTML: (attributes) => ({ 'data-clause-id': attributes.clauseId }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-clause-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { class: 'clause' }), 0];
  },
});

/** An inline placeholder such as {{school.name}}, resolved per school when rendered. */
export const Variable = Node.create({
  name: 'variable',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      name: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-variable'),
        renderHTML: (attributes) => ({ 'data-variable': attributes.name }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-variable]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'variable' }), `{{${node.attrs.name}}}`];
  },
  renderText({ node }) {
    return `{{${node.attrs.name}}}`;
  },
});

export const policyExtensions: AnyExtension[] = [
  PolicyDoc,
  Section,
  SectionHeading,
  Clause,
  Paragraph,
  Text,
  HardBreak,
  BulletList,
  ListItem,
  Variable,
  Bold,
  Italic,
  Link.configure({
    openOnClick: false,
    autolink: false,
    HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
    isAllowedUri: (url) => isAllowedHref(url),
  }),
  UniqueIds,
];

export const policySchema = getSchema(policyExtensions);
