/**
 * How Leaf Trust made its Use of Social Media Policy v1.0 from the local authority's model:
 * the trust's terminology, then an operations lead's small edits, then one clause removed.
 * The demo builds Leaf's policy this way from the template, so every Leaf clause keeps the id
 * of the model clause it came from (its lineage), and a later model update can be merged.
 */
import { applyTerminology, clausesOf, type PolicyDocument, type TermReplacement } from '@ratify/document';
import { editWords, type WordEdit } from './recipes';

export const LEAF_TERMS: TermReplacement[] = [
  { from: 'Governing Body of the school', to: 'Trust' },
  { from: 'Governing Body', to: 'Trust' },
  { from: 'governors', to: 'trustees' },
  { from: 'on line', to: 'online' },
];

const LEAF_EDITS: WordEdit[] = [
  [0, 0, 'social networking sites. It', 'social networking sites, online sources and gaming. It'],
  [0, 0, 'social networking sites, and how', 'social networking sites, online sources and gaming, and how'],
  [0, 1, 'social networking with pupils', 'social networking etc, with pupils'],
  [1, 1, 'interests of the School, pupils, Local Authority, and', 'interests of the Trust, School, pupils, and'],
  [2, 0, 'social networking sites safely and securely.', 'social networking sites, online sources and gaming, safely and securely;'],
  [2, 0, 'inappropriate use of social networking sites.', 'inappropriate use of social networking sites, online sources and gaming;'],
  [2, 0, 'social networking sites and to ensure', 'social networking sites, online sources and gaming, and to ensure'],
  [3, 0, 'Twitter', "'X'"],
  [3, 0, 'YouTube and Flickr.', 'YouTube and Flickr. This policy also includes other online sources, and gaming platforms.'],
  [4, 'heading', 'Use of Social Networking Sites', 'Use of Social Networking Sites, online sources and gaming platforms'],
  [4, 0, 'unprofessional, and make', 'unprofessional and make'],
  [4, 0, 'student initiated', 'student-initiated'],
  [4, 0, 'Associate Headteacher / Executive Headteacher', 'Headteacher'],
  [4, 0, 'School, Trust, or Local Authority; or post anything that could potentially bring the School, Trust or Local Authority', 'School or Trust; or post anything that could potentially bring the School or Trust'],
  [4, 0, 'circumstances, and should not', 'circumstances and should not'],
  [5, 0, 'the Headteacher/Trust will', 'the Trust will'],
  [5, 1, "The Headteacher may exercise his/her right to monitor the use of the School's", "The Trust may exercise their right to monitor the use of the school's"],
  [5, 3, 'community, or put', 'community or put'],
];

/** The model's equality-impact sentence, which Leaf Trust did not keep. */
const LEAF_REMOVED: [number, number] = [5, 4];

export function adaptModelForLeaf(model: PolicyDocument): PolicyDocument {
  const edited = editWords(applyTerminology(model, LEAF_TERMS), LEAF_EDITS);
  const removed = clausesOf(model.content[LEAF_REMOVED[0]]!)[LEAF_REMOVED[1]]?.attrs.clauseId;
  return {
    type: 'doc',
    content: edited.content.map((section) => ({
      ...section,
      content: section.content.filter((child) => child.type !== 'clause' || child.attrs.clauseId !== removed) as typeof section.content,
    })),
  };
}
