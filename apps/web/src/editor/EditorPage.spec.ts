import type { PolicyDocument } from '@ratify/document';
import type { Editor } from '@tiptap/vue-3';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aViewer, gqlError, installFakeApi, type FakeApi } from '../test/fake-api';
import { aDraft, aPolicyDocument, clauseTexts } from '../test/policy-fixtures';
import { buttonByText, renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

beforeEach(() => {
  // Only the clocks autosave uses; promises and animation frames run as usual.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-11-21T10:42:00'));
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

const theirDocument = aPolicyDocument([['c1', 'Staff keep a professional distance from pupils.']]);

function editorApi(overrides: Parameters<typeof installFakeApi>[0] = {}): FakeApi {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role: 'AUTHOR' }) } }),
    PolicyForEditing: ({ id }) => ({ data: { policy: { id, title: 'Use of Social Media Policy', numbering: 'NUMBERED' } } }),
    StartDraft: () => ({ data: { startDraft: aDraft() } }),
    SaveDraft: ({ input }) => {
      const { expectedRevision, content } = input as { expectedRevision: number; content: Record<string, unknown> };
      return { data: { saveDraft: aDraft({ revision: expectedRevision + 1, content }) } };
    },
    OpenDraft: ({ policyId }) => ({ data: { policy: { id: policyId, draft: aDraft({ revision: 3, document: theirDocument }) } } }),
    ...overrides,
  });
}

async function openEditor(path = '/policies/policy-1/edit') {
  const rendered = await renderApp(path);
  await flushPromises();
  return rendered;
}

function theEditor(): Editor {
  const element = document.querySelector('.ProseMirror') as (Element & { editor?: Editor }) | null;
  if (!element?.editor) throw new Error('No editor on the page');
  return element.editor;
}

/** Types at the end of the document, as a person would (one transaction per call). */
function type(text: string): void {
  theEditor().chain().focus('end').insertContent(text).run();
}

function saveStatus(wrapper: VueWrapper): string {
  return wrapper.get('.save-status').text();
}

async function passTime(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await flushPromises();
}

describe('the editor page', () => {
  it('shows numbers as they will print, variables as chips, and a labelled toolbar and editing region', async () => {
    const withVariable: PolicyDocument = aPolicyDocument([['c1', 'Staff at '], ['c2', 'Two']]);
    const firstClause = withVariable.content[0]!.content[1] as { content: Array<{ content: unknown[] }> };
    firstClause.content[0]!.content.push({ type: 'variable', attrs: { name: 'school.name' } });
    editorApi({ StartDraft: () => ({ data: { startDraft: aDraft({ document: withVariable }) } }) });

    const { wrapper } = await openEditor();

    expect(wrapper.get('h1').text()).toBe('Edit Use of Social Media Policy');
    expect(wrapper.findAll('.section-heading__number').map((label) => label.text())).toEqual(['1.']);
    expect(wrapper.findAll('.clause__number').map((label) => label.text())).toEqual(['1.1.', '1.2.']);
    const chip = wrapper.get('.variable-chip');
    expect(chip.text()).toBe('School name');
    expect(chip.attributes('contenteditable')).toBe('false');
    // Numbers are labels, never text of the document.
    expect(theEditor().getText()).not.toContain('1.1.');

    const toolbar = wrapper.get('[role="toolbar"]');
    expect(toolbar.attributes('aria-label')).toBe('Edit the policy');
    expect(toolbar.findAll('button').map((button) => button.text())).toEqual([
      'Undo',
      'Redo',
      'Bold',
      'Italic',
      'Bullet list',
      'Link',
      'Insert variable',
      'Add section',
      'Add clause',
      'Move clause up',
      'Move clause down',
      'Delete clause',
    ]);
    expect(wrapper.get('.ProseMirror').attributes('aria-label')).toBe('Text of Use of Social Media Policy');
  });

  it('renumbers when a clause is added, and undo takes it away again', async () => {
    editorApi();
    const { wrapper } = await openEditor();
    theEditor().commands.focus('end');

    await buttonByText(wrapper, 'Add clause').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('.clause__number').map((label) => label.text())).toEqual(['1.1.', '1.2.']);

    theEditor().commands.undo();
    await flushPromises();
    expect(wrapper.findAll('.clause__number').map((label) => label.text())).toEqual(['1.1.']);
  });

  it('shows no numbers for an organisation that does not number its policies', async () => {
    editorApi({ PolicyForEditing: ({ id }) => ({ data: { policy: { id, title: 'Use of Social Media Policy', numbering: 'UNNUMBERED' } } }) });

    const { wrapper } = await openEditor();

    expect(wrapper.findAll('.clause__number').every((label) => label.text() === '' && label.attributes('hidden') !== undefined)).toBe(true);
  });

  it('is not offered to a viewer, and starts no draft for them', async () => {
    const api = editorApi({ Me: () => ({ data: { me: aViewer({ role: 'VIEWER' }) } }) });

    const { wrapper } = await openEditor();

    expect(wrapper.get('h1').text()).toBe('You cannot edit policies');
    expect(api.callsOf('StartDraft')).toHaveLength(0);
  });
});

describe('autosave', () => {
  it('saves a second after typing stops, with the revision the text was loaded from, and says when', async () => {
    const api = editorApi();
    const { wrapper } = await openEditor();
    expect(api.callsOf('StartDraft')[0]?.variables).toEqual({ policyId: 'policy-1' });

    type(' Online too.');
    await passTime(600);
    type(' And gaming.');
    await flushPromises();
    expect(saveStatus(wrapper)).toBe('Saving…');
    await passTime(999);
    expect(api.callsOf('SaveDraft')).toHaveLength(0);

    await passTime(1);

    const [save] = api.callsOf('SaveDraft');
    expect(api.callsOf('SaveDraft')).toHaveLength(1);
    const input = save?.variables.input as { versionId: string; expectedRevision: number; content: unknown };
    expect(input.versionId).toBe('version-9');
    expect(input.expectedRevision).toBe(1);
    expect(clauseTexts(input.content)).toEqual(['Staff keep a professional distance. Online too. And gaming.']);
    expect(saveStatus(wrapper)).toBe('Saved at 10:42');
    expect(wrapper.get('.save-status').attributes('role')).toBe('status');

    // The next save builds on the revision the server answered with.
    type(' Always.');
    await passTime(1000);
    expect((api.callsOf('SaveDraft')[1]?.variables.input as { expectedRevision: number }).expectedRevision).toBe(2);
  });

  it('saves at once when the editor loses focus', async () => {
    const api = editorApi();
    await openEditor();

    type(' Now.');
    theEditor().commands.blur();
    await flushPromises();

    expect(api.callsOf('SaveDraft')).toHaveLength(1);
  });

  it('saves what is waiting before leaving the page', async () => {
    const api = editorApi({ Policies: () => ({ data: { policies: [] } }) });
    const { router } = await openEditor();

    type(' Last words.');
    await router.push('/policies');
    await flushPromises();

    expect(api.callsOf('SaveDraft')).toHaveLength(1);
    expect(clauseTexts((api.callsOf('SaveDraft')[0]?.variables.input as { content: unknown }).content)[0]).toContain('Last words.');
    expect(router.currentRoute.value.name).toBe('policies');
  });

  it('says it is retrying after a network failure, keeps the text in this browser, and saves when it can', async () => {
    const api = editorApi({ SaveDraft: () => Promise.reject(new TypeError('Failed to fetch')) });
    const { wrapper } = await openEditor();

    type(' Offline edit.');
    await passTime(1000);

    expect(saveStatus(wrapper)).toBe('Not saved — retrying');
    expect(Object.keys(localStorage).some((key) => key.endsWith(':version-9'))).toBe(true);

    api.on('SaveDraft', ({ input }) => ({ data: { saveDraft: aDraft({ revision: 2, content: (input as { content: Record<string, unknown> }).content }) } }));
    await passTime(1000);

    expect(api.callsOf('SaveDraft')).toHaveLength(2);
    expect(saveStatus(wrapper)).toBe('Saved at 10:42');
    expect(Object.keys(localStorage).some((key) => key.endsWith(':version-9'))).toBe(false);
  });

  it('applies ids the server re-minted without touching the text or the cursor', async () => {
    editorApi({
      SaveDraft: ({ input }) => {
        const content = structuredClone((input as { content: PolicyDocument }).content);
        (content.content[0]!.content[1] as { attrs: { clauseId: string } }).attrs.clauseId = 'minted-by-server';
        return { data: { saveDraft: aDraft({ revision: 2, content: content as unknown as Record<string, unknown> }) } };
      },
    });
    const { wrapper } = await openEditor();
    type(' Edited.');
    const cursor = theEditor().state.selection.from;

    await passTime(1000);

    expect(wrapper.find('[data-clause-id="minted-by-server"]').exists()).toBe(true);
    expect(theEditor().state.selection.from).toBe(cursor);
    expect(theEditor().getText()).toContain('Edited.');
    expect(saveStatus(wrapper)).toBe('Saved at 10:42');
  });

  it('lists what the server refused in an invalid document, and saves again after the next edit', async () => {
    const api = editorApi({ SaveDraft: () => gqlError('BAD_USER_INPUT', 'invalid', { problems: ['document.content[0]: the link "x" is not allowed.'] }) });
    const { wrapper } = await openEditor();

    type(' x');
    await passTime(1000);

    expect(wrapper.get('[role="alert"]').text()).toContain('the link "x" is not allowed.');
    type(' y');
    await passTime(1000);
    expect(api.callsOf('SaveDraft')).toHaveLength(2);
  });
});

describe('conflict', () => {
  async function conflicted() {
    const api = editorApi({ SaveDraft: () => gqlError('CONFLICT', 'stale', { currentRevision: 3 }) });
    const rendered = await openEditor();
    type(' My addition.');
    await passTime(1000);
    return { api, ...rendered };
  }

  it('stops autosaving, keeps my text on screen and in this browser, and explains the choices', async () => {
    const { api, wrapper } = await conflicted();

    expect(wrapper.get('.conflict h2').text()).toBe('Someone else saved this draft since you opened it.');
    expect(saveStatus(wrapper)).toBe('Not saved — someone else saved this draft');
    expect(theEditor().getText()).toContain('My addition.');
    const stashed = Object.entries(localStorage).find(([key]) => key.endsWith(':version-9'))?.[1];
    expect(JSON.parse(stashed ?? '{}')).toMatchObject({ versionId: 'version-9', baseRevision: 1 });
    expect(stashed).toContain('My addition.');

    type(' More of mine.');
    await passTime(5000);
    expect(api.callsOf('SaveDraft')).toHaveLength(1);
    expect(Object.entries(localStorage).find(([key]) => key.endsWith(':version-9'))?.[1]).toContain('More of mine.');
  });

  it('compares their text and mine, clause by clause', async () => {
    const { api, wrapper } = await conflicted();

    await buttonByText(wrapper, 'Compare').trigger('click');
    await flushPromises();

    expect(api.callsOf('OpenDraft')[0]?.variables).toEqual({ policyId: 'policy-1' });
    const row = wrapper.get('.compare tbody tr');
    expect(row.get('th').text()).toContain('1.1.');
    expect(row.findAll('td').map((cell) => cell.text())).toEqual([
      'Staff keep a professional distance from pupils.',
      'Staff keep a professional distance. My addition.',
    ]);
  });

  it('keeps mine only when asked: saves my text on top of their latest revision', async () => {
    const { api, wrapper } = await conflicted();
    api.on('SaveDraft', ({ input }) => ({ data: { saveDraft: aDraft({ revision: 4, content: (input as { content: Record<string, unknown> }).content }) } }));

    await buttonByText(wrapper, 'Keep mine').trigger('click');
    await flushPromises();

    const saves = api.callsOf('SaveDraft');
    expect(saves).toHaveLength(2);
    const input = saves[1]?.variables.input as { expectedRevision: number; content: unknown };
    expect(input.expectedRevision).toBe(3);
    expect(clauseTexts(input.content)).toEqual(['Staff keep a professional distance. My addition.']);
    expect(wrapper.find('.conflict').exists()).toBe(false);
    expect(saveStatus(wrapper)).toBe('Saved at 10:42');
    expect(Object.keys(localStorage).some((key) => key.endsWith(':version-9'))).toBe(false);
  });

  it('reloads their version into the editor and keeps mine to copy from', async () => {
    const { api, wrapper } = await conflicted();

    await buttonByText(wrapper, 'Reload their version').trigger('click');
    await flushPromises();

    expect(theEditor().getText()).toContain('Staff keep a professional distance from pupils.');
    expect(theEditor().getText()).not.toContain('My addition.');
    expect(wrapper.find('.conflict').exists()).toBe(false);
    const kept = wrapper.get<HTMLTextAreaElement>('#kept-copy-text');
    expect(kept.element.value).toContain('My addition.');

    // Autosave is back on, from their revision.
    api.on('SaveDraft', () => ({ data: { saveDraft: aDraft({ revision: 4, document: theirDocument }) } }));
    type(' Next.');
    await passTime(1000);
    expect((api.callsOf('SaveDraft')[1]?.variables.input as { expectedRevision: number }).expectedRevision).toBe(3);

    await buttonByText(wrapper, 'Discard my text').trigger('click');
    expect(wrapper.find('#kept-copy-text').exists()).toBe(false);
    expect(Object.keys(localStorage).some((key) => key.endsWith(':version-9'))).toBe(false);
  });

  it('after a reload of the page, offers the text this browser kept', async () => {
    const mine = aPolicyDocument([['c1', 'Text I typed before the tab closed.']]);
    localStorage.setItem(
      'ratify:unsaved-draft:person-1:version-9',
      JSON.stringify({ versionId: 'version-9', baseRevision: 1, content: mine, stashedAt: '2026-11-21T10:30:00' }),
    );
    const api = editorApi({ StartDraft: () => ({ data: { startDraft: aDraft({ revision: 3, document: theirDocument }) } }) });

    const { wrapper } = await openEditor();

    expect(theEditor().getText()).toContain('Text I typed before the tab closed.');
    expect(wrapper.get('.conflict').text()).toContain('This browser kept text of yours that was not saved (10:30)');
    await passTime(5000);
    expect(api.callsOf('SaveDraft')).toHaveLength(0);
  });
});

describe('a draft that is no longer open', () => {
  it('stops saving and says so when the version was approved meanwhile, keeping the text in this browser', async () => {
    const api = editorApi({ SaveDraft: () => gqlError('CONFLICT', 'no longer a draft') });
    const { wrapper } = await openEditor();

    type(' Late edit.');
    await passTime(1000);
    type(' More.');
    await passTime(5000);

    expect(api.callsOf('SaveDraft')).toHaveLength(1);
    expect(wrapper.find('.conflict').exists()).toBe(false);
    expect(saveStatus(wrapper)).toBe('Not saved — this draft is no longer open for editing');
    expect(wrapper.get('[role="alert"]').text()).toContain('Your changes are kept in this browser');
    expect(Object.entries(localStorage).find(([key]) => key.endsWith(':version-9'))?.[1]).toContain('More.');
  });
});

describe('the link form', () => {
  it('refuses an address the server would refuse, with the rule, and links an allowed one', async () => {
    editorApi();
    const { wrapper } = await openEditor();
    theEditor().commands.setTextSelection({ from: 16, to: 21 });
    await flushPromises();

    await buttonByText(wrapper, 'Link').trigger('click');
    await wrapper.get('#link-href').setValue('javascript:alert(1)');
    await wrapper.get('form.editor-popover').trigger('submit');

    expect(wrapper.get('#link-href-error').text()).toMatch(/Links must start with https:\/\//);
    expect(wrapper.get('#link-href').attributes('aria-invalid')).toBe('true');
    expect(theEditor().getHTML()).not.toContain('<a ');

    await wrapper.get('#link-href').setValue('https://www.gov.uk/');
    await wrapper.get('form.editor-popover').trigger('submit');
    await flushPromises();

    expect(theEditor().getHTML()).toContain('href="https://www.gov.uk/"');
    expect(wrapper.find('#link-href').exists()).toBe(false);
  });
});

describe('inserting a variable', () => {
  it('lists the catalogue and inserts a chip', async () => {
    editorApi();
    const { wrapper } = await openEditor();
    theEditor().commands.focus('end');

    await buttonByText(wrapper, 'Insert variable').trigger('click');
    await buttonByText(wrapper, 'School name').trigger('click');
    await flushPromises();

    expect(wrapper.get('.variable-chip').text()).toBe('School name');
    expect(JSON.stringify(theEditor().getJSON())).toContain('"name":"school.name"');
  });
});

describe('sending the draft for approval from the editor', () => {
  const route = {
    id: 'route-1',
    name: 'Finance, Audit & Risk Committee approves',
    isDefault: true,
    authorMayApprove: false,
    minorChangeRole: null,
    localAdoption: 'NONE',
    stages: [{ position: 1, action: 'APPROVE', appliesTo: 'ALL_CHANGES', body: { id: 'far', name: 'Finance, Audit & Risk Committee' } }],
  };

  it('saves what was typed first, then sends the revision saved, and shows the policy', async () => {
    const api = editorApi({
      SubmissionContext: () => ({ data: { policy: { id: 'policy-1', currentVersion: { id: 'v-1', number: '1.0', status: 'APPROVED' }, approvalRoute: route } } }),
      SubmitForApproval: () => ({ data: { submitForApproval: { id: 'r-1' } } }),
      Policy: () => gqlError('NOT_FOUND'),
    });
    const { wrapper, router } = await openEditor();

    type(' Online too.');
    await buttonByText(wrapper, 'Send for approval').trigger('click');
    await flushPromises();
    expect(wrapper.get('.route-preview').text()).toContain('Finance, Audit & Risk Committee approves');
    await wrapper.get('#send-summary').setValue('Online conduct');
    await wrapper.get('#send-origin-TRUST_DECISION').setValue(true);
    await wrapper.get('#send-kind-MINOR').setValue(true);
    await wrapper.get('form.send-for-approval').trigger('submit');
    await flushPromises();

    expect(api.callsOf('SaveDraft')).toHaveLength(1);
    const saved = api.callsOf('SaveDraft')[0]?.variables.input as { content: unknown };
    expect(clauseTexts(saved.content)).toEqual(['Staff keep a professional distance. Online too.']);
    expect(api.callsOf('SubmitForApproval')[0]?.variables).toEqual({
      input: { versionId: 'version-9', expectedRevision: 2, changeSummary: 'Online conduct', changeOrigin: 'TRUST_DECISION', changeKind: 'MINOR' },
    });
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/policies/policy-1'));
  });

  it('does not open a policy that is with its approvers, and says where it stands', async () => {
    const api = editorApi({
      PolicyForEditing: ({ id }) => ({
        data: { policy: { id, title: 'Use of Social Media Policy', numbering: 'NUMBERED', pendingApproval: { id: 'r-1', statusLabel: 'Awaiting ratification by Trust Board' } } },
      }),
      StartDraft: () => gqlError('CONFLICT', 'x', { reason: 'IN_APPROVAL' }),
    });
    const { wrapper } = await openEditor();

    expect(wrapper.get('h1').text()).toBe('Use of Social Media Policy is in approval');
    expect(wrapper.text()).toContain('Awaiting ratification by Trust Board. Its text cannot be edited');
    expect(wrapper.findAll('a').find((link) => link.text() === 'See the approval request')?.attributes('href')).toBe('/approvals/r-1');
    expect(wrapper.find('.ProseMirror').exists()).toBe(false);
    expect(api.callsOf('SaveDraft')).toHaveLength(0);
  });
});
