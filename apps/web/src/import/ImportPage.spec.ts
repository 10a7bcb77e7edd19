import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aViewer, deferred, gqlError, installFakeApi, type RestAnswer } from '../test/fake-api';
import { aPolicyDocument } from '../test/policy-fixtures';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';
import type { ImportPreview } from './import-api';

enableAutoUnmount(afterEach);

const preview: ImportPreview = {
  title: 'Use of Social Media Policy',
  metadata: { 'Policy Author': 'Operations Lead', 'Review Cycle': '2 Years' },
  sections: [
    { heading: 'Introduction', clauses: [{ text: 'The Trust is committed to ensuring that all school staff are aware.' }, { text: 'Staff keep a professional distance.' }] },
    { heading: 'Scope', clauses: [{ text: 'This Policy applies to all individuals engaged by the school.' }] },
  ],
  warnings: ['Front matter not recognised, left out of the policy text: "Unique Primary Schools Growing Together."'],
  history: [{ version: 'v.1', date: '13 January 2025', page: 'Whole Document', change: 'New Policy', origin: 'Adopted from existing LA Policy' }],
  document: aPolicyDocument(),
};

function importApi(upload: () => RestAnswer | Promise<RestAnswer> = () => ({ status: 200, body: preview }), numbering: 'NUMBERED' | 'UNNUMBERED' = 'NUMBERED') {
  return installFakeApi(
    {
      Me: () => ({ data: { me: aViewer({ role: 'AUTHOR' }) } }),
      Policies: () => ({ data: { policies: [{ id: 'p0', title: 'Existing', numbering, currentVersion: null }] } }),
      CreatePolicy: ({ input }) => ({ data: { createPolicy: { id: 'policy-new', title: (input as { title: string }).title } } }),
      PolicyForEditing: ({ id }) => ({ data: { policy: { id, title: 'Use of Social Media Policy', numbering } } }),
      StartDraft: () => ({ data: { startDraft: { id: 'v-new', number: null, status: 'DRAFT', revision: 1, content: aPolicyDocument(), updatedAt: '2026-11-21T09:00:00Z' } } }),
    },
    { 'POST /api/imports': upload },
  );
}

async function chooseAndUpload(wrapper: VueWrapper, file = new File(['# Use of Social Media Policy\n'], 'social-media.md', { type: 'text/markdown' })) {
  const input = fieldByLabel(wrapper, 'Policy file');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

describe('import page', () => {
  it('is linked from the policies page for authors', async () => {
    importApi();
    const { wrapper } = await renderApp('/policies');
    const link = wrapper.findAll('a').find((candidate) => candidate.text() === 'Import a policy');
    expect(link?.attributes('href')).toBe('/policies/import');
  });

  it('uploads the file as multipart with the preflight header, showing progress meanwhile', async () => {
    const answer = deferred<RestAnswer>();
    const api = importApi(() => answer.promise);
    const { wrapper } = await renderApp('/policies/import');

    expect(fieldByLabel(wrapper, 'Policy file').attributes('accept')).toContain('.docx,.md,.txt');
    await chooseAndUpload(wrapper);

    expect(wrapper.get('[role="status"]').text()).toContain('Uploading and reading social-media.md');
    expect(wrapper.find('progress').exists()).toBe(true);
    const [call] = api.restCalls;
    expect(call?.url).toBe('/api/imports');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.headers.get('apollo-require-preflight')).toBe('true');
    expect((call?.form?.get('file') as File).name).toBe('social-media.md');

    answer.resolve({ status: 200, body: preview });
    await flushPromises();
    expect(wrapper.find('progress').exists()).toBe(false);
  });

  it('previews the title, the details, the warnings and the outline numbered as it will print', async () => {
    importApi();
    const { wrapper } = await renderApp('/policies/import');

    await chooseAndUpload(wrapper);

    expect(fieldByLabel(wrapper, 'Title').element.value).toBe('Use of Social Media Policy');
    const warnings = wrapper.get('.banner--warning');
    expect(warnings.get('h2').text()).toBe('Check this before you create the draft');
    expect(warnings.findAll('li').map((item) => item.text())).toEqual([preview.warnings[0]]);
    expect(wrapper.findAll('.import-metadata tr').map((row) => [row.get('th').text(), row.get('td').text()])).toEqual([
      ['Policy Author', 'Operations Lead'],
      ['Review Cycle', '2 Years'],
    ]);
    expect(wrapper.findAll('.outline__heading').map((heading) => heading.text())).toEqual(['1. Introduction', '2. Scope']);
    expect(wrapper.findAll('.outline__clauses li').map((clause) => clause.text())).toEqual([
      '1.1. The Trust is committed to ensuring that all school staff are aware.',
      '1.2. Staff keep a professional distance.',
      '2.1. This Policy applies to all individuals engaged by the school.',
    ]);
    expect(wrapper.text()).toContain('2 sections, 3 clauses.');
    expect(wrapper.text()).toContain('Adopted from existing LA Policy');
  });

  it('shows no numbers for an organisation that does not number its policies', async () => {
    importApi(undefined, 'UNNUMBERED');
    const { wrapper } = await renderApp('/policies/import');

    await chooseAndUpload(wrapper);

    expect(wrapper.findAll('.outline__heading').map((heading) => heading.text())).toEqual(['Introduction', 'Scope']);
  });

  it('creates the draft with the edited title and the imported document, then opens the editor', async () => {
    const api = importApi();
    const { wrapper, router } = await renderApp('/policies/import');
    await chooseAndUpload(wrapper);

    await fieldByLabel(wrapper, 'Title').setValue('Social Media Policy 2026');
    await buttonByText(wrapper, 'Create draft').trigger('click');
    await flushPromises();

    expect(api.callsOf('CreatePolicy')[0]?.variables).toEqual({ input: { title: 'Social Media Policy 2026', content: preview.document } });
    // The editor is its own chunk: wait for it to load.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/policies/policy-new/edit'));
    await vi.waitFor(() => expect(wrapper.find('.ProseMirror').exists()).toBe(true));
  });

  it('refuses a file it cannot read before uploading it', async () => {
    const api = importApi();
    const { wrapper } = await renderApp('/policies/import');

    await chooseAndUpload(wrapper, new File(['x'], 'policy.pdf', { type: 'application/pdf' }));

    expect(wrapper.get('#import-file-error').text()).toBe('Choose a Word document (.docx), a Markdown file (.md) or a text file (.txt).');
    expect(api.restCalls).toHaveLength(0);
  });

  it("shows the server's own words when it cannot read the file", async () => {
    importApi(() => ({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: 'This Word document is password-protected. Remove the password and try again.' } } }));
    const { wrapper } = await renderApp('/policies/import');

    await chooseAndUpload(wrapper);

    expect(wrapper.get('[role="alert"]').text()).toBe('This Word document is password-protected. Remove the password and try again.');
  });

  it.each([
    [413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'x' } }, 'The file is larger than 10 MB'],
    [403, { error: { code: 'FORBIDDEN', message: 'x' } }, 'You do not have permission to import policies.'],
    [502, undefined, 'Sorry, something went wrong reading the file.'],
  ])('explains an HTTP %i in plain words', async (status, body, words) => {
    importApi(() => (body ? { status, body } : { status, text: '<html>Bad gateway</html>' }));
    const { wrapper } = await renderApp('/policies/import');

    await chooseAndUpload(wrapper);

    expect(wrapper.get('[role="alert"]').text()).toContain(words);
  });

  it('sends the person to sign in when the session has ended', async () => {
    importApi(() => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'x' } } }));
    const { wrapper, router } = await renderApp('/policies/import');

    await chooseAndUpload(wrapper);

    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/policies/import');
  });

  it('lists the problems when the server refuses the document', async () => {
    const api = importApi();
    api.on('CreatePolicy', () => gqlError('BAD_USER_INPUT', 'invalid', { problems: ['document.content[0]: "table" is not a kind of content a policy can contain.'] }));
    const { wrapper, router } = await renderApp('/policies/import');
    await chooseAndUpload(wrapper);

    await buttonByText(wrapper, 'Create draft').trigger('click');
    await flushPromises();

    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('Ratify cannot create a draft from this import:');
    expect(alert.text()).toContain('"table" is not a kind of content a policy can contain.');
    expect(router.currentRoute.value.name).toBe('policy-import');
  });
});
