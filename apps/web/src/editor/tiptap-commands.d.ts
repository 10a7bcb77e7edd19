// The commands of the marks and nodes in @ratify/document's policyExtensions (toggleBold,
// setLink, toggleBulletList …) are declared by their tiptap packages; these imports bring
// those declarations into the web app's type check.
import type {} from '@tiptap/extension-bold';
import type {} from '@tiptap/extension-bullet-list';
import type {} from '@tiptap/extension-italic';
import type {} from '@tiptap/extension-link';
