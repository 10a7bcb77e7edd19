/**
 * Journey 1 (the user guide's first section): the operations lead clones the local authority's
 * model policy from the template library under the trust's own title; once it has an approved
 * version, an academy's head changes one clause's wording in their school's copy and sees it beside
 * the trust's text. Controls are found by label and role only, as assistive technology finds
 * them; every page on the way has no WCAG 2.2 AA violation; the pictures are the guide's.
 */
import { join } from 'node:path';
import { GUIDE_IMAGES, usePages } from '../support/browser';
import { ADMIN, AUTHOR, WILLOW_HEAD, approveDraftThroughApi, openFromNavigation, expectNoViolations, signIn, signInChecked } from '../support/ratify-pages';

const open = usePages({ bypassCSP: true, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });

it('the operations lead clones Westshire’s model Social Media Policy; Willow’s head changes a clause for the school and sees it beside the trust’s text', async () => {
  const title = 'Social Media Policy for Leaf Trust';
  const words = 'At Willow, pupils’ photographs are only shared on the school’s own accounts.';

  // The operations lead opens the template library and clones the council's model.
  const olivia = await open();
  await signInChecked(olivia, AUTHOR);
  await openFromNavigation(olivia, 'Template library');
  const model = olivia.getByRole('article', { name: 'Social Media Policy', exact: true });
  expect(await model.innerText()).toContain('Westshire County Council');
  await expectNoViolations(olivia);
  await olivia.screenshot({ path: join(GUIDE_IMAGES, '01-templates.png') });

  const yourTitle = model.getByLabel('Title for your copy of Social Media Policy (optional)');
  await yourTitle.fill(title);
  await yourTitle.scrollIntoViewIfNeeded();
  await olivia.screenshot({ path: join(GUIDE_IMAGES, '02-clone.png') });
  await model.getByRole('button', { name: 'Clone Social Media Policy' }).click();
  await olivia.getByRole('heading', { name: title, level: 1 }).waitFor();
  expect(await olivia.getByText('Based on').innerText()).toContain('Social Media Policy 1.1 from Westshire County Council');
  await expectNoViolations(olivia);
  const policyId = new URL(olivia.url()).pathname.split('/').pop()!;

  // Not what this journey is about: the trust approves the copy (journey 2 shows how).
  const alex = await open();
  await signIn(alex, ADMIN);
  await approveDraftThroughApi(olivia, alex, policyId);

  // Willow's head opens the trust's policy and Willow's copy of it.
  const hannah = await open();
  await signInChecked(hannah, WILLOW_HEAD);
  await hannah.getByRole('link', { name: title, exact: true }).click();
  await hannah.getByRole('heading', { name: title, level: 1 }).waitFor();
  const copies = hannah.getByRole('region', { name: 'School copies' });
  await copies.getByRole('row', { name: /Willow Primary Academy/ }).getByText('Same as the trust’s text').waitFor();
  await expectNoViolations(hannah);
  await copies.getByRole('link', { name: 'Willow Primary Academy' }).click();
  await hannah.getByRole('heading', { name: 'Willow Primary Academy’s copy', level: 1 }).waitFor();
  await hannah.getByRole('heading', { name: 'Side by side' }).waitFor();
  await expectNoViolations(hannah);

  // She gives one clause Willow's own words and saves the school's copy.
  await hannah.getByRole('button', { name: 'Replace text of Introduction, clause 2' }).click();
  const newText = hannah.getByLabel('New text for Introduction, clause 2');
  await newText.fill(words);
  await expectNoViolations(hannah);
  await newText.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await hannah.screenshot({ path: join(GUIDE_IMAGES, '03-school-copy.png') });
  await hannah.getByRole('button', { name: 'Use this text' }).click();
  await hannah.getByRole('button', { name: 'Save school copy' }).click();
  await hannah.getByRole('status').getByText('Saved Willow Primary Academy’s copy: 1 clause changed.').waitFor();

  // Side by side: Willow's copy has its words, the trust's text does not.
  const trust = hannah.getByRole('article', { name: `The trust’s text of ${title}` });
  const school = hannah.getByRole('article', { name: `Willow Primary Academy’s copy of ${title}` });
  await school.getByText(words).waitFor();
  expect(await trust.innerText()).not.toContain(words);
  await expectNoViolations(hannah);
  await school.getByText(words).evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await hannah.screenshot({ path: join(GUIDE_IMAGES, '03b-side-by-side.png') });
});
