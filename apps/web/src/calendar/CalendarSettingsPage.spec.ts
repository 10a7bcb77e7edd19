import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { AcademicYearFieldsFragment, Role } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

const year2026: AcademicYearFieldsFragment = {
  id: 'y-2026',
  startYear: 2026,
  label: '2026/27',
  naming: 'THREE_TERMS',
  inherited: false,
  periods: [
    { key: 'AUT', name: 'Autumn Term', startsOn: '2026-09-02', endsOn: '2026-12-18' },
    { key: 'SPR', name: 'Spring Term', startsOn: '2027-01-04', endsOn: '2027-03-26' },
    { key: 'SUM', name: 'Summer Term', startsOn: '2027-04-12', endsOn: '2027-07-21' },
  ],
};

const preset2027: AcademicYearFieldsFragment = {
  id: null,
  startYear: 2027,
  label: '2027/28',
  naming: 'THREE_TERMS',
  inherited: false,
  periods: [
    { key: 'AUT', name: 'Autumn Term', startsOn: '2027-09-01', endsOn: '2027-12-17' },
    { key: 'SPR', name: 'Spring Term', startsOn: '2028-01-04', endsOn: '2028-03-31' },
    { key: 'SUM', name: 'Summer Term', startsOn: '2028-04-18', endsOn: '2028-07-21' },
  ],
};

function calendarApi(role: Role = 'ADMIN', school?: { id: string; name: string }) {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role, school }) } }),
    Schools: () => ({ data: { schools: [{ id: 's-1', name: 'Oakfield Primary', slug: 'oakfield-primary' }] } }),
    TermCalendar: ({ schoolId }) =>
      ({ data: { termCalendar: schoolId ? { school: { id: 's-1', name: 'Oakfield Primary' }, years: [{ ...year2026, inherited: true }] } : { school: null, years: [year2026] } } }),
    TermCalendarPreset: () => ({ data: { termCalendarPreset: preset2027 } }),
    SaveAcademicYear: () => ({ data: { saveAcademicYear: { ...preset2027, id: 'y-2027' } } }),
    DeleteAcademicYear: () => ({ data: { deleteAcademicYear: true } }),
  });
}

describe('term dates', () => {
  it('shows the trust’s years, and an academy’s with the years it follows marked', async () => {
    const api = calendarApi();
    const { wrapper } = await renderApp('/settings/calendar');

    expect(wrapper.get('.academic-year h3').text()).toBe('2026/27');
    expect(wrapper.get('.academic-year').text()).toContain('Autumn Term: 2 September – 18 December 2026');

    await fieldByLabel(wrapper, 'Whose term dates').setValue('s-1');
    await flushPromises();
    expect(api.callsOf('TermCalendar').at(-1)?.variables).toEqual({ schoolId: 's-1' });
    expect(wrapper.get('.academic-year h3').text()).toBe('2026/27 (Trust’s dates)');
    expect(wrapper.text()).toContain('Set the academy’s own dates for 2026/27');
  });

  it('adds a year from the usual dates, checking it here first and listing the API’s problems by row', async () => {
    const api = calendarApi();
    api.on('SaveAcademicYear', () =>
      gqlError('BAD_USER_INPUT', undefined, {
        reason: 'INVALID_CALENDAR',
        problems: [{ code: 'OVERLAPPING_TERMS', message: 'Spring Term overlaps Autumn Term in 2027/28.', startYear: 2027, periodKey: 'SPR' }],
      }),
    );
    const { wrapper } = await renderApp('/settings/calendar');

    await fieldByLabel(wrapper, 'Academic year').setValue('2027');
    await fieldByLabel(wrapper, 'How the year is divided').setValue('THREE_TERMS');
    await buttonByText(wrapper, 'Start from the usual dates').trigger('click');
    await flushPromises();
    expect(api.callsOf('TermCalendarPreset')[0]?.variables).toEqual({ startYear: 2027, naming: 'THREE_TERMS' });
    expect(fieldByLabel(wrapper, 'Start of term 2').element.value).toBe('2028-01-04');

    // An end before its start is refused here, beside its row, and nothing is sent.
    await fieldByLabel(wrapper, 'End of term 3').setValue('2028-04-01');
    await buttonByText(wrapper, 'Save 2027/28').trigger('click');
    await flushPromises();
    expect(api.callsOf('SaveAcademicYear')).toHaveLength(0);
    expect(wrapper.get('#year-2027-problems-' + rowUid(wrapper, 3)).text()).toContain('ends before it starts');

    await fieldByLabel(wrapper, 'End of term 3').setValue('2028-07-21');
    await buttonByText(wrapper, 'Save 2027/28').trigger('click');
    await flushPromises();
    expect(api.callsOf('SaveAcademicYear')[0]?.variables).toMatchObject({ input: { schoolId: null, startYear: 2027, naming: 'THREE_TERMS' } });
    expect(wrapper.get('#year-2027-problems-' + rowUid(wrapper, 2)).text()).toBe('Spring Term overlaps Autumn Term in 2027/28.');
  });

  it('imports a file, and lists every problem with its line when nothing was saved', async () => {
    const api = calendarApi();
    api.on('ImportTermCalendar', () =>
      gqlError('BAD_USER_INPUT', undefined, {
        reason: 'INVALID_CALENDAR',
        problems: [
          { code: 'INVALID_DATE', message: 'Term 2, 2026/27: “31/02/2026” is not a date.', line: 3 },
          { code: 'MISSING_COLUMN', message: 'There is no ends_on column.' },
        ],
      }),
    );
    const { wrapper } = await renderApp('/settings/calendar');

    const input = wrapper.get<HTMLInputElement>('#calendar-file');
    const file = new File(['academic_year,term,starts_on,ends_on\n2026/27,Term 1,02/09/2026,23/10/2026\n2026/27,Term 2,31/02/2026,18/12/2026\n'], 'terms.csv', { type: 'text/csv' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await buttonByText(wrapper, 'Import term dates').trigger('click');
    await flushPromises();

    expect(api.callsOf('ImportTermCalendar')[0]?.variables).toEqual({ input: { schoolId: null, format: 'CSV', content: expect.stringContaining('2026/27,Term 2,31/02/2026') } });
    const alert = wrapper.get('.calendar-import [role="alert"]');
    expect(alert.text()).toContain('Nothing was imported: the file has 2 problems.');
    expect(alert.findAll('li').map((item) => item.text())).toEqual(['Line 3: Term 2, 2026/27: “31/02/2026” is not a date.', 'There is no ends_on column.']);
    expect(api.callsOf('TermCalendar')).toHaveLength(1);
  });

  it('deletes a year only once confirmed', async () => {
    const api = calendarApi();
    const { wrapper } = await renderApp('/settings/calendar');

    await buttonByText(wrapper, 'Delete 2026/27').trigger('click');
    expect(wrapper.get('.confirm-panel__question').text()).toBe('Delete the term dates for 2026/27?');
    expect(api.callsOf('DeleteAcademicYear')).toHaveLength(0);
    await buttonByText(wrapper, 'Delete the year').trigger('click');
    await flushPromises();
    expect(api.callsOf('DeleteAcademicYear')[0]?.variables).toEqual({ id: 'y-2026' });
    expect(wrapper.get('.form__status').text()).toBe('Deleted the term dates for 2026/27.');
  });

  it('lets an academy’s staff change only their academy’s dates', async () => {
    const api = calendarApi('PUBLISHER', { id: 's-1', name: 'Oakfield Primary' });
    const { wrapper } = await renderApp('/settings/calendar');

    expect(api.callsOf('TermCalendar')[0]?.variables).toEqual({ schoolId: 's-1' });
    expect(wrapper.findAll('label').map((label) => label.text())).not.toContain('Whose term dates');
    expect(wrapper.get('h2').text()).toBe('Oakfield Primary’s years');
    expect(wrapper.text()).toContain('Set the academy’s own dates');
  });
});

/** The uid in the ids of the nth row (1-based) of the year being edited. */
function rowUid(wrapper: Awaited<ReturnType<typeof renderApp>>['wrapper'], n: number): string {
  return fieldByLabel(wrapper, `Name of term ${n}`).attributes('id')!.split('-').at(-1)!;
}
