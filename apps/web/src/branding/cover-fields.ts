/**
 * The cover's document-control rows: their labels (as the PDF prints them), sample values for the
 * preview, and the list the branding page orders — the chosen rows in their order, then the rest.
 */
import type { CoverField } from '../graphql/operations.generated';

/** Every row, in the default order. */
export const COVER_FIELDS: CoverField[] = [
  'STATUTORY',
  'ADOPTED_ON',
  'AUTHOR',
  'MONITORED_BY',
  'BOARD_RATIFICATION',
  'APPROVED_BY',
  'APPROVED_ON',
  'REVIEW_CYCLE',
  'REVIEW_DATE',
];

export const COVER_FIELD_LABELS: Record<CoverField, string> = {
  STATUTORY: 'Statutory policy',
  ADOPTED_ON: 'Date policy adopted',
  AUTHOR: 'Policy author',
  MONITORED_BY: 'Policy monitored by',
  BOARD_RATIFICATION: 'Trust board ratification',
  APPROVED_BY: 'Policy approved by',
  APPROVED_ON: 'Date of approval',
  REVIEW_CYCLE: 'Review cycle',
  REVIEW_DATE: 'Review date',
};

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
