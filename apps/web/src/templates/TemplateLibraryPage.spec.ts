import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../graphql/operations.generated';
import type { PolicyDetail } from '../policies/policies.store';
import { aViewer, deferred, gqlError, installFakeApi, type GraphQLAnswer } from '../test/fake-api';
import { fieldByLabel, renderApp } from '../test/render-app';
import type { LibraryTemplate } from './templates.store';

enableAutoUnmount(afterEach);

const socialMedia: LibraryTemplate = {
  id: 'template-1',
  title: 'Social Media Policy',
  slug: 'social-media-policy',
  statutory: false,
  summary: 'How staff use social networking sites.',
  provider: { id: 'org-la', name: 'Westshire County Council' },
  latestVersion: {
    id: 'tv-1',
    number: '1.0',
    releasedOn: '2017-03-01',
    changeSummary: 'Model policy for employees in locally managed schools',
    html: '<section><h2>Introduction</h2><div class="clause"><p>The Governing Body is committed to this.</p></div></section>',
  },
};

const safeguarding: LibraryTemplate = {
  ...socialMedia,
  id: 'template-2',
  title: 'Child Protection Policy',
  slug: 'child-protection',
  statutory: true,
  summary: null,
  latestVersion: { ...socialMedia.latestVersion!, id: 'tv-2', number: '3.2', releasedOn: '2025-09-01', changeSummary: null, html: '<p>KCSIE</p>' },
};

const clonedPolicy: PolicyDetail = {
  id: 'policy-new',
  title: 'Our Social Media Policy',
  slug: 'our-social-media-policy',
  statutory: false,
  reviewCycleMonths: null,
  review: { dueOn: null },
  currentVersion: { id: 'v-new', number: null, status: 'DRAFT', approvedOn: null, html: '<p>The Governing Body is committed to this.</p>' },
  draft: { id: 'v-new', revision: 1 },
  approvalRoute: null,
  pendingApproval: null,
  history: [],
  versions: [{ id: 'v-new', number: null, status: 'DRAFT', approvedOn: null, effectiveOn: null, changeSummary: null }],
  upstream: { id: 'tv-1', number: '1.0', releasedOn: '2017-03-01', template: { id: 'template-1', title: 'Social Media Policy', provider: { id: 'org-la', name: 'Westshire County Council' } } },
  availableUpdate: null,
};

function libraryApi(role: Role = 'AUTHOR', templates: LibraryTemplate[] = [socialMedia, safeguarding], clone: (variables: Record<string, unknown>) => GraphQLAnswer | Promise<GraphQLAnswer> = () => ({ data: { cloneTemplate: { id: 'policy-new', title: 'Our Social Media Policy' } } })) {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role }) } }),
    Templates: () => ({ data: { templates } }),
    CloneTemplate: clone,
    Policies: () => ({ data: { policies: [] } }),
    Policy: () => ({ data: { policy: clonedPolicy } }),
    Schools: () => ({ data: { schools: [] } }),
  });
}

function card(wrapper: VueWrapper, title: string) {
  const found = wrapper.findAll('article.template-card').find((candidate) => candidate.get('h2').text() === title);
  if (!found) throw new Error(`No template "${title}"`);
  return found;
}

function facts(element: ReturnType<typeof card>): Record<string, string> {
  return Object.fromEntries(element.findAll('dl > div').map((item) => [item.get('dt').text(), item.get('dd').text()]));
}

function cloneButton(wrapper: VueWrapper, title: string) {
  return card(wrapper, title).findAll('button').find((button) => button.text().replace(/\s+/g, ' ') === `Clone ${title}`);
}

/** Opens the library as an author and presses Clone on the one template; the server answers as given. */
async function cloneAnswered(answer: GraphQLAnswer) {
  libraryApi('AUTHOR', [socialMedia], () => answer);
  const rendered = await renderApp('/templates');
  await cloneButton(rendered.wrapper, 'Social Media Policy')!.trigger('click');
  await flushPromises();
  return rendered;
}

describe('template library', () => {
  it('is in the main navigation', async () => {
    libraryApi();
    const { wrapper } = await renderApp('/policies');
    const link = wrapper.get('nav[aria-label="Main"]').findAll('a').find((candidate) => candidate.text() === 'Template library');
    expect(link?.attributes('href')).toBe('/templates');
  });

  it('shows each template: title, provider, latest version, release date, statutory flag and summary', async () => {
    libraryApi();
    const { wrapper } = await renderApp('/templates');

    expect(wrapper.get('h1').text()).toBe('Template library');
    expect(document.title).toBe('Template library – Ratify');
    expect(facts(card(wrapper, 'Social Media Policy'))).toEqual({
      Provider: 'Westshire County Council',
      'Latest version': '1.0',
      Released: '1 March 2017',
      Statutory: 'No',
    });
    expect(card(wrapper, 'Social Media Policy').text()).toContain('How staff use social networking sites.');
    expect(facts(card(wrapper, 'Child Protection Policy'))).toMatchObject({ 'Latest version': '3.2', Released: '1 September 2025', Statutory: 'Yes' });
    expect(card(wrapper, 'Child Protection Policy').get('time').attributes('datetime')).toBe('2025-09-01');
  });

  it('previews the release’s text in a disclosure', async () => {
    libraryApi();
    const { wrapper } = await renderApp('/templates');

    const preview = card(wrapper, 'Social Media Policy').get('details');
    expect(preview.get('summary').text()).toBe('Preview the text of Social Media Policy 1.0');
    expect(preview.get('article').attributes('aria-label')).toBe('Social Media Policy 1.0');
    expect(preview.get('article .clause').text()).toBe('The Governing Body is committed to this.');
  });

  it('clones the newest release with the title given, then opens the new policy with its lineage', async () => {
    const api = libraryApi();
    const { wrapper, router } = await renderApp('/templates');

    await fieldByLabel(wrapper, 'Title for your copy of Social Media Policy (optional)').setValue('  Our Social Media Policy ');
    await cloneButton(wrapper, 'Social Media Policy')!.trigger('click');
    await flushPromises();

    expect(api.callsOf('CloneTemplate')[0]?.variables).toEqual({ templateVersionId: 'tv-1', title: 'Our Social Media Policy' });
    expect(router.currentRoute.value.fullPath).toBe('/policies/policy-new');
    expect(wrapper.get('h1').text()).toBe('Our Social Media Policy');
    expect(wrapper.get('.lineage').text().replace(/\s+/g, ' ')).toContain('Based on Social Media Policy 1.0 from Westshire County Council');
    expect(wrapper.get('[role="status"]').text()).toContain('You cloned Social Media Policy 1.0.');
  });

  it('keeps the template’s title when none is given, and clones once however often Clone is pressed', async () => {
    const answer = deferred<GraphQLAnswer>();
    const api = libraryApi('ADMIN', [socialMedia], () => answer.promise);
    const { wrapper } = await renderApp('/templates');

    await cloneButton(wrapper, 'Social Media Policy')!.trigger('click');
    expect(cloneButton(wrapper, 'Social Media Policy')).toBeUndefined();
    expect(card(wrapper, 'Social Media Policy').get('button').text()).toContain('Cloning…');
    await card(wrapper, 'Social Media Policy').get('form').trigger('submit');
    answer.resolve({ data: { cloneTemplate: { id: 'policy-new', title: 'Social Media Policy' } } });
    await flushPromises();

    expect(api.callsOf('CloneTemplate').map((call) => call.variables)).toEqual([{ templateVersionId: 'tv-1', title: null }]);
  });

  it('offers Clone only to those who may write policies', async () => {
    for (const role of ['VIEWER', 'APPROVER', 'PUBLISHER'] as const) {
      libraryApi(role);
      const { wrapper } = await renderApp('/templates');
      expect(wrapper.findAll('button').some((button) => button.text().startsWith('Clone'))).toBe(false);
      expect(wrapper.find('details').exists()).toBe(true);
      wrapper.unmount();
    }
  });

  it.each([
    ['CONFLICT', 'This is one of your own organisation’s templates: edit the policy it was published from instead.'],
    ['FORBIDDEN', 'You do not have permission to clone this template. Ask an administrator of your organisation if you need to.'],
    ['NOT_FOUND', 'This release is no longer in the library. Reload the page to see the current one.'],
  ])('says why a clone failed (%s) in words, and stays on the library', async (code, sentence) => {
    const { wrapper, router } = await cloneAnswered(gqlError(code));

    expect(router.currentRoute.value.name).toBe('templates');
    expect(wrapper.get('[role="alert"]').text()).toBe(sentence);
  });

  it('sends a person whose session ended to sign in', async () => {
    const { router } = await cloneAnswered(gqlError('UNAUTHENTICATED'));

    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/templates');
  });

  it('refuses an over-long title before asking the server', async () => {
    const api = libraryApi();
    const { wrapper } = await renderApp('/templates');

    const field = fieldByLabel(wrapper, 'Title for your copy of Social Media Policy (optional)');
    await field.setValue('x'.repeat(201));
    await cloneButton(wrapper, 'Social Media Policy')!.trigger('click');
    await flushPromises();

    expect(api.callsOf('CloneTemplate')).toHaveLength(0);
    expect(field.attributes('aria-invalid')).toBe('true');
    expect(card(wrapper, 'Social Media Policy').get('.field__error').text()).toBe('Keep the title to 200 characters or fewer.');
  });

  it('says so when the library is empty', async () => {
    libraryApi('AUTHOR', []);
    const { wrapper } = await renderApp('/templates');
    expect(wrapper.get('.empty').text()).toContain('There are no templates in the library yet.');
  });

  it('explains a failed load and loads again on request', async () => {
    const api = libraryApi();
    api.on('Templates', () => gqlError('INTERNAL_SERVER_ERROR'));
    const { wrapper } = await renderApp('/templates');
    expect(wrapper.get('[role="alert"]').text()).toContain('Sorry, something went wrong loading the template library.');

    api.on('Templates', () => ({ data: { templates: [socialMedia] } }));
    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(card(wrapper, 'Social Media Policy').exists()).toBe(true);
  });
});
