import { parseCalendarCsv, parseCalendarIcs, recogniseTermName } from './index';
import { kent2026 } from './testing/kent-2026';

describe('recogniseTermName', () => {
  it.each([
    ['Term 2', 'T2'],
    ['term2', 'T2'],
    ['Autumn Term 2026', 'AUT'],
    ['Spring', 'SPR'],
    ['Spring 1', 'SPR1'],
    ['Summer Half Term 2', 'SUM2'],
    ['Autumn Term 1 2026/27', 'AUT1'],
  ])('%s is %s', (text, key) => {
    expect(recogniseTermName(text)?.key).toBe(key);
  });

  it.each(['Half Term', 'INSET day', 'Christmas holiday', 'Term 7', ''])('%s is no term', (text) => {
    expect(recogniseTermName(text)).toBeNull();
  });
});

describe('parseCalendarCsv', () => {
  it('reads ISO and UK dates across two years, in any column order', () => {
    const csv = [
      'Term,Start Date,End Date,Academic Year',
      'Term 1,2026-09-01,2026-10-23,2026/27',
      'term 2,02/11/2026,18/12/2026,2026/27',
      '',
      'Term 3,4/1/2027,12/2/2027,',
      'Term 4,2027-02-22,2027-03-25,2026-27',
      'Term 5,12/04/2027,28/05/2027,2026/27',
      'Term 6,07/06/2027,21/07/2027,2026/27',
      'Autumn Term,2027-09-01,2027-12-17,2027/28',
    ].join('\r\n');
    const { years, problems } = parseCalendarCsv(csv);
    expect(problems).toEqual([]);
    expect(years).toEqual([
      kent2026,
      { startYear: 2027, naming: 'three-terms', periods: [{ key: 'AUT', name: 'Autumn Term', startsOn: '2027-09-01', endsOn: '2027-12-17' }] },
    ]);
  });

  it('gives the line of a date that does not exist', () => {
    const csv = 'academic_year,term,starts_on,ends_on\n2026/27,Term 1,01/09/2026,23/10/2026\n2026/27,Term 2,02/11/2026,18/12/2026\n2026/27,Term 3,04/01/2027,31/02/2027\n';
    const { problems } = parseCalendarCsv(csv);
    expect(problems).toEqual([{ code: 'INVALID_DATE', line: 4, message: 'Line 4: “31/02/2027” is not a date.' }]);
  });

  it('points overlapping rows and unknown names at their lines', () => {
    const csv = 'term,from,to\nTerm 1,2026-09-01,2026-10-23\nTerm 2,2026-10-19,2026-12-18\nHalf term,2026-10-26,2026-10-30\nAutumn 1,2027-01-04,2027-02-12\n';
    const { problems } = parseCalendarCsv(csv);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['OVERLAPPING_TERMS', 3],
      ['BLANK_NAME', 4],
      ['BLANK_NAME', 5],
    ]);
    expect(problems[0]?.message).toBe('Line 3: Term 1 (1 September – 23 October 2026) overlaps Term 2 (19 October – 18 December 2026).');
    expect(problems[0]).toMatchObject({ startYear: 2026, periodKey: 'T2' });
  });

  it('refuses a file without the required columns', () => {
    const { years, problems } = parseCalendarCsv('term,start\nTerm 1,2026-09-01\n');
    expect(years).toEqual([]);
    expect(problems).toEqual([{ code: 'MISSING_COLUMN', line: 1, message: 'Line 1: there is no “ends_on” column (it may also be headed “end”, “end_date”, “to”).' }]);
  });

  it('reports an unreadable academic year and an empty file', () => {
    expect(parseCalendarCsv('year,term,start,end\n2026/28,Term 1,2026-09-01,2026-10-23\n').problems.map((p) => [p.code, p.line])).toEqual([['UNKNOWN_YEAR', 2]]);
    expect(parseCalendarCsv('').problems.map((p) => p.code)).toEqual(['UNREADABLE_FILE']);
    expect(parseCalendarCsv('term,start,end\n').problems.map((p) => p.code)).toEqual(['NO_TERMS']);
  });
});

const ics = (events: string): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kent County Council//Term dates//EN', events, 'END:VCALENDAR', ''].join('\r\n');

describe('parseCalendarIcs', () => {
  it('reads all-day term events (DTEND exclusive), unfolding lines and ignoring holidays', () => {
    const text = ics(
      [
        'BEGIN:VEVENT',
        'UID:t1@kent',
        'SUMMARY:Term',
        '  1',
        'DTSTART;VALUE=DATE:20260901',
        'DTEND;VALUE=DATE:20261024',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:ht@kent',
        'SUMMARY:Half Term',
        'DTSTART;VALUE=DATE:20261026',
        'DTEND;VALUE=DATE:20261031',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:t2@kent',
        'SUMMARY:Term 2',
        'DESCRIPTION:Term 2 of the 2026/27 academic year for community schools in ',
        ' Kent.',
        'DTSTART:20261102T083000Z',
        'DTEND:20261218T150000Z',
        'END:VEVENT',
      ].join('\r\n'),
    );
    expect(parseCalendarIcs(text)).toEqual({ years: [{ ...kent2026, periods: kent2026.periods.slice(0, 2) }], problems: [] });
  });

  it('gives the line of a bad DTSTART', () => {
    const text = ics(['BEGIN:VEVENT', 'SUMMARY:Spring 1', 'DTSTART;VALUE=DATE:20270231', 'DTEND;VALUE=DATE:20270213', 'END:VEVENT'].join('\r\n'));
    expect(parseCalendarIcs(text).problems).toEqual([{ code: 'INVALID_DATE', line: 6, message: 'Line 6: “2027-02-31” is not a start date.' }]);
  });

  it('refuses what is not a calendar', () => {
    expect(parseCalendarIcs('Term 1, 1 September 2026').problems.map((p) => p.code)).toEqual(['UNREADABLE_FILE']);
    expect(parseCalendarIcs('').problems.map((p) => p.code)).toEqual(['UNREADABLE_FILE']);
    expect(parseCalendarIcs('BEGIN:VCARD\r\nFN:Jo\r\nEND:VCARD').problems.map((p) => p.code)).toEqual(['UNREADABLE_FILE']);
  });

  it('says when a calendar has no terms', () => {
    expect(parseCalendarIcs(ics('BEGIN:VEVENT\r\nSUMMARY:INSET day\r\nDTSTART;VALUE=DATE:20260901\r\nEND:VEVENT')).problems.map((p) => p.code)).toEqual(['NO_TERMS']);
  });
});
