/**
 * The cover's document-control rows: their labels (as the PDF prints them), sample values for the
 * preview, and the list the branding page orders — the chosen rows in their order, then the rest.
 */
import { COVER_FIELD_LABELS as FIELD_LABELS, COVER_FIELDS as FIELD_WORDS } from '@ratify/pdf/rendition';
import type { CoverField } from '../graphql/operations.generated';

/** The lib's field word as the GraphQL enum: 'adoptedOn' → 'ADOPTED_ON'. */
const asEnum = (word: string) => word.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase() as CoverField;

/** Every row, in the default order. */
export const COVER_FIELDS: CoverField[] = FIELD_WORDS.map(asEnum);

/** The labels the PDF and the web page print. */
export const COVER_FIELD_LABELS = Object.fromEntries(FIELD_WORDS.map((word) => [asEnum(word), FIELD_LABELS[word]])) as Record<CoverField, string>;

/** What the preview shows in each row: made up, but like a real policy's. */
export const COVER_SAMPLE_VALUES: Record<CoverField, string> = {
  STATUTORY: 'Statutory',
  ADOPTED_ON: '1 September 2025',
  AUTHOR: 'Head of Operations',
  MONITORED_BY: 'Local Governing Body',
  BOARD_RATIFICATION: 'Yes',
  APPROVED_BY: 'Trust Board',
  APPROVED_ON: '10 December 2025',
  REVIEW_CYCLE: '1 year',
  REVIEW_DATE: 'December 2026',
};

export interface CoverRow {
  field: CoverField;
  included: boolean;
}

/** The rows to order: those chosen, in their order, then the others in the default order. */
export function coverRows(chosen: readonly CoverField[]): CoverRow[] {
  return [
    ...chosen.map((field) => ({ field, included: true })),
    ...COVER_FIELDS.filter((field) => !chosen.includes(field)).map((field) => ({ field, included: false })),
  ];
}

/** The rows the cover shows, in order. */
export function chosenFields(rows: readonly CoverRow[]): CoverField[] {
  return rows.filter((row) => row.included).map((row) => row.field);
}

/** The rows with one moved up (-1) or down (+1); the same rows when it is already at that end. */
export function moveRow(rows: readonly CoverRow[], index: number, by: -1 | 1): CoverRow[] {
  const target = index + by;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return [...rows];
  const moved = [...rows];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}
