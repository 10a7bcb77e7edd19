import { join } from 'node:path';
import { ARTIFACTS, usePages } from './support/browser';
import { clause, editorRegion, openEditor, signIn, typeAtEndOfClause, waitUntilSaved } from './support/ratify-pages';

const POLICY = 'Use of Social Media Policy';

const open = usePages();

it('an author edits a clause; it is saved, and still there after a reload', async () => {
  const page = await open();
  await signIn(page);
  await openEditor(page, POLICY);
  const words = `Checked by the browser test ${Date.now()}.`;

  await typeAtEndOfClause(page, 1, ` ${words}`);
  await waitUntilSaved(page);
  await page.screenshot({ path: join(ARTIFACTS, 'editor-saved.png') });

  await page.reload();
  await editorRegion(page, POLICY).waitFor();
  expect(await clause(page, 1).innerText()).toContain(words);
});

it('two tabs edit the same draft: the second save shows the conflict, and no text is lost', async () => {
  const first = await open();
  const second = await open();
  await signIn(first);
  await openEditor(first, POLICY);
  await signIn(second);
  await openEditor(second, POLICY);
  const stamp = Date.now();
  const firstWords = `First tab's words ${stamp}.`;
  const secondWords = `Second tab's words ${stamp}.`;

  await typeAtEndOfClause(first, 0, ` ${firstWords}`);
  await waitUntilSaved(first);
  await typeAtEndOfClause(second, 0, ` ${secondWords}`);

  await second.getByRole('heading', { name: 'Someone else saved this draft since you opened it.' }).waitFor();
  expect(await second.locator('.save-status').innerText()).toBe('Not saved — someone else saved this draft');
  // The second tab's text is still on screen, and kept in its browser.
  expect(await clause(second, 0).innerText()).toContain(secondWords);
  expect(await second.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('ratify:unsaved-draft:')).length)).toBe(1);

  // Compare shows the first tab's saved text next to the second tab's.
  await second.getByRole('button', { name: 'Compare' }).click();
  const changed = second.locator('.compare tbody tr', { hasText: secondWords });
  await changed.waitFor();
  const [theirs, mine] = await changed.locator('td').allInnerTexts();
  expect(theirs).toContain(firstWords);
  expect(theirs).not.toContain(secondWords);
  expect(mine).toContain(secondWords);
  await second.screenshot({ path: join(ARTIFACTS, 'editor-conflict.png'), fullPage: true });

  // The first tab's text is what the server has.
  await first.reload();
  await editorRegion(first, POLICY).waitFor();
  expect(await clause(first, 0).innerText()).toContain(firstWords);
  expect(await clause(first, 0).innerText()).not.toContain(secondWords);
});
