import { parse } from 'csv-parse/sync';
import { parseAcademicYear } from './academic-year';
import { assembleYears, lineProblem, readDate, type CalendarImport, type ImportedRow } from './assemble';
import type { CalendarProblem } from './validate';

type Column = 'academic_year' | 'term' | 'starts_on' | 'ends_on';

/** Header names accepted for each column, after lower-casing and turning spaces and hyphens into underscores. */
const COLUMN_NAMES: Record<Column, readonly string[]> = {
  academic_year: ['academic_year', 'year'],
  term: ['term', 'name', 'period'],
  starts_on: ['starts_on', 'start', 'start_date', 'from'],
  ends_on: ['ends_on', 'end', 'end_date', 'to'],
};
const REQUIRED: readonly Column[] = ['term', 'starts_on', 'ends_on'];

interface ParsedRecord { record: string[]; info: { lines: number } }

/**
 * Term dates from a spreadsheet saved as CSV, with a header row. Returns what could be read and
 * every problem found, each about a row carrying the row's line number; the caller refuses the
 * import when there is any problem, so one upload shows everything to fix.
 */
export function parseCalendarCsv(text: string): CalendarImport {
  let records: ParsedRecord[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const where = line ? { line, message: `Line ${line}: the file could not be read as CSV (check its quotation marks).` } : { message: 'The file could not be read as CSV.' };
    return { years: [], problems: [{ code: 'UNREADABLE_FILE', ...where }] };
  }
  const [header, ...rows] = records.filter(({ record }) => record.some((cell) => cell !== ''));
  if (!header) return { years: [], problems: [{ code: 'UNREADABLE_FILE', message: 'The file is empty.' }] };
  const columns = findColumns(header.record);
  const missing = REQUIRED.filter((column) => columns[column] === undefined);
  if (missing.length > 0) {
    return {
      years: [],
      problems: missing.map((column) =>
        lineProblem(header.info.lines, 'MISSING_COLUMN', `there is no “${column}” column (it may also be headed ${COLUMN_NAMES[column].filter((name) => name !== column).map((name) => `“${name}”`).join(', ')}).`),
      ),
    };
  }
  const problems: CalendarProblem[] = [];
  const read: ImportedRow[] = [];
  for (const { record, info } of rows) {
    const row = readRow(record, columns, info.lines, problems);
    if (row) read.push(row);
  }
  return assembleYears(read, problems, 'The file has no terms.');
}

function findColumns(header: string[]): Partial<Record<Column, number>> {
  const normalised = header.map((cell) => cell.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const columns: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(COLUMN_NAMES) as Column[]) {
    const index = normalised.findIndex((cell) => COLUMN_NAMES[column].includes(cell));
    if (index !== -1) columns[column] = index;
  }
  return columns;
}

function readRow(record: string[], columns: Partial<Record<Column, number>>, line: number, problems: CalendarProblem[]): ImportedRow | null {
  const cell = (column: Column): string => {
    const index = columns[column];
    return index === undefined ? '' : (record[index] ?? '').trim();
  };
  const dates = (['starts_on', 'ends_on'] as const).map((column) => {
    const text = cell(column);
    const date = readDate(text);
    if (date === null) {
      const label = column === 'starts_on' ? 'start date' : 'end date';
      problems.push(lineProblem(line, 'INVALID_DATE', text ? `“${text}” is not a date.` : `the ${label} is missing.`));
    }
    return date;
  });
  const yearText = cell('academic_year');
  const startYear = yearText ? parseAcademicYear(yearText) : undefined;
  if (startYear === null) problems.push(lineProblem(line, 'UNKNOWN_YEAR', `“${yearText}” is not an academic year (write it as 2026/27).`));
  const [startsOn, endsOn] = dates;
  if (!startsOn || !endsOn || startYear === null) return null;
  return { line, name: cell('term'), startsOn, endsOn, startYear };
}
