import ICAL from 'ical.js';
import { academicYearOf } from './academic-year';
import { assembleYears, lineProblem, type CalendarImport, type ImportedRow } from './assemble';
import { addDays, isIsoDate, type IsoDate } from './dates';
import { recogniseTermName } from './terms';
import type { CalendarProblem } from './validate';

/** A jCal property: [name, parameters, value type, value…]. */
type JCalProperty = [string, Record<string, unknown>, string, ...unknown[]];
/** A jCal component: [name, properties, subcomponents]. */
type JCalComponent = [string, JCalProperty[], JCalComponent[]];

/** Where an event's properties are in the original text: ical.js parses, but does not say where. */
interface EventLines { begin: number; properties: Map<string, number> }

/**
 * Term dates from an iCalendar file (RFC 5545), such as a local authority's published term
 * dates. Events whose SUMMARY names a term become periods; holidays, INSET days and "Half term"
 * events are ignored. All-day DTEND is exclusive, so a term ends the day before it.
 */
export function parseCalendarIcs(text: string): CalendarImport {
  const calendars = readCalendars(text);
  if (!calendars) {
    return { years: [], problems: [{ code: 'UNREADABLE_FILE', message: 'The file is not an iCalendar (.ics) calendar.' }] };
  }
  const events = calendars.flatMap(([, , components]) => components.filter(([name]) => name === 'vevent'));
  const lines = eventLines(text);
  const problems: CalendarProblem[] = [];
  const rows: ImportedRow[] = [];
  events.forEach((event, index) => {
    const row = readEvent(event, lines[index] ?? { begin: 0, properties: new Map() }, problems);
    if (row) rows.push(row);
  });
  return assembleYears(rows, problems, 'The calendar has no events named as terms (such as “Term 1”, “Autumn Term” or “Autumn 1”).');
}

function readCalendars(text: string): JCalComponent[] | null {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch {
    return null;
  }
  const components = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : parsed) as JCalComponent[];
  const calendars = Array.isArray(components) ? components.filter((component) => Array.isArray(component) && component[0] === 'vcalendar') : [];
  return calendars.length > 0 ? calendars : null;
}

function readEvent(event: JCalComponent, lines: EventLines, problems: CalendarProblem[]): ImportedRow | null {
  const property = (name: string): JCalProperty | undefined => event[1].find(([propertyName]) => propertyName === name);
  const summary = String(property('summary')?.[3] ?? '');
  if (!recogniseTermName(summary)) return null;
  const lineOf = (name: string): number => lines.properties.get(name) ?? lines.begin;
  const start = property('dtstart');
  const end = property('dtend');
  const startsOn = start ? dateOf(start) : null;
  if (!startsOn) {
    problems.push(lineProblem(lineOf('dtstart'), 'INVALID_DATE', start ? `“${String(start[3])}” is not a start date.` : `“${summary}” has no start date.`));
    return null;
  }
  const endsOn = end ? endDate(end) : endFromDuration(startsOn, property('duration'));
  if (!endsOn) {
    problems.push(lineProblem(lineOf('dtend'), 'INVALID_DATE', end ? `“${String(end[3])}” is not an end date.` : `“${summary}” has no end date.`));
    return null;
  }
  return { line: lineOf('summary'), name: summary, startsOn, endsOn, startYear: academicYearOf(startsOn) };
}

/** The day of a DATE or DATE-TIME value (a time of day says nothing about which term it is). */
function dateOf(property: JCalProperty): IsoDate | null {
  const value = property[3];
  if (typeof value !== 'string') return null;
  const date = value.slice(0, 10);
  const rest = value.slice(10);
  const wellFormed = property[2] === 'date' ? rest === '' : /^T\d{2}:\d{2}:\d{2}(?:Z)?$/.test(rest);
  return wellFormed && isIsoDate(date) ? date : null;
}

/** An all-day DTEND is the first day after the event; a DATE-TIME end is on its own day. */
function endDate(property: JCalProperty): IsoDate | null {
  const date = dateOf(property);
  return date && property[2] === 'date' ? addDays(date, -1) : date;
}

/** No DTEND: a DURATION in whole days, else a one-day event (RFC 5545 3.6.1). */
function endFromDuration(startsOn: IsoDate, duration: JCalProperty | undefined): IsoDate | null {
  if (!duration) return startsOn;
  const value = duration[3];
  if (typeof value !== 'string') return null;
  try {
    const days = Math.ceil(ICAL.Duration.fromString(value).toSeconds() / 86_400);
    return days >= 1 ? addDays(startsOn, days - 1) : startsOn;
  } catch {
    return null;
  }
}

/**
 * Line numbers (1-based, in the text as given, so folded lines count) of each VEVENT directly
 * inside a VCALENDAR, in order, with where its properties start — the same events, in the same
 * order, as ical.js's components.
 */
export function eventLines(text: string): EventLines[] {
  const physical = text.split(/\r\n|\n|\r/);
  const events: EventLines[] = [];
  const stack: string[] = [];
  let current: EventLines | null = null;
  physical.forEach((content, index) => {
    if (/^[ \t]/.test(content)) return; // a folded continuation of the line above
    const name = (/^[^:;]*/.exec(content)?.[0] ?? '').toUpperCase();
    const value = content.slice(content.indexOf(':') + 1).trim().toUpperCase();
    if (name === 'BEGIN') {
      if (value === 'VEVENT' && stack.at(-1) === 'VCALENDAR') {
        current = { begin: index + 1, properties: new Map() };
        events.push(current);
      }
      stack.push(value);
    } else if (name === 'END') {
      if (stack.pop() === 'VEVENT') current = null;
    } else if (current && stack.at(-1) === 'VEVENT' && !(current as EventLines).properties.has(name.toLowerCase())) {
      (current as EventLines).properties.set(name.toLowerCase(), index + 1);
    }
  });
  return events;
}
