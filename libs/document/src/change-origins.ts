/**
 * Why a version changed, as stored (`legislation-or-guidance` …) and as the history table says
 * it. One list for the API, the PDF and the web app.
 */
export const CHANGE_ORIGIN_LABELS = {
  'legislation-or-guidance': 'Legislation or guidance',
  'model-provider-update': 'Model provider update',
  'trust-decision': 'Trust decision',
  'audit-finding': 'Audit or inspection finding',
  'school-request': 'School request',
  editorial: 'Editorial (typos, contact details)',
} as const;

export type ChangeOriginWord = keyof typeof CHANGE_ORIGIN_LABELS;

/** The label of an origin given as the stored word or as the GraphQL enum (`LEGISLATION_OR_GUIDANCE`); null for none. */
export function changeOriginLabel(origin: string | null | undefined): string | null {
  if (!origin) return null;
  const word = origin.toLowerCase().replace(/_/g, '-') as ChangeOriginWord;
  return CHANGE_ORIGIN_LABELS[word] ?? null;
}
