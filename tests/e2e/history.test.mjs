// History in the real window: a drafter cuts a paragraph, Candor is restarted, and the
// paragraph comes back from History as a new version; nothing earlier is lost.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { editorText, startDriver, stopAll, tempDatabase, until } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const cli = process.env.CANDOR_CLI ?? join(root, 'target/debug/candor');
const db = tempDatabase();
const candor = (args, input) => execFileSync(cli, ['--db', db.path, '--as', 'Dana Whitfield', ...args], { input }).toString().trim();
const SUMMARY = '[data-section="summary"] .cm-content[data-view="customer"]';
let driver;
let browser;

before(async () => {
  const id = candor(['incident', 'new', '--title', 'Invoices delayed']);
  candor(['letter', 'set', id, 'summary', '--view', 'customer'], 'Invoices went out a day late.\n\nEvery customer on annual plans was affected, and we are sorry.');
  driver = await startDriver({ database: db.path, actingAs: 'Dana Whitfield' });
  browser = await driver.open();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  stopAll();
  db.remove();
});

test('a cut paragraph comes back from History after a restart, as a new version', async () => {
  const row = await browser.$('.incident-row*=Invoices delayed');
  await until(() => row.isDisplayed(), 'the incident list');
  await row.click();
  await until(() => browser.$('[data-step="summary"]').isDisplayed(), 'the wizard');
  await browser.$('[data-step="summary"]').click();
  await until(() => browser.$(SUMMARY).isExisting(), 'the summary editor');

  // Cut the second paragraph: select it from its start to the end, and delete it.
  await browser.$(SUMMARY).click();
  await browser.keys(['Control', 'End']);
  await browser.keys(['Shift', 'ArrowUp']);
  await browser.keys(['Shift', 'ArrowUp']);
  await browser.keys(['Shift', 'End']);
  await browser.keys('Backspace');
  await until(async () => (await editorText(browser, SUMMARY)).trim() === 'Invoices went out a day late.', 'the cut');
  await until(async () => (await browser.$('.save-indicator').getAttribute('data-state')) === 'saved', 'the save');

  // Restart Candor: it reopens the incident where it was left.
  await browser.deleteSession();
  browser = await driver.open();
  await until(() => browser.$(SUMMARY).isExisting(), 'the summary after the restart');
  assert.equal((await editorText(browser, SUMMARY)).trim(), 'Invoices went out a day late.');

  await browser.$('[data-testid="open-history"]').click();
  const history = await browser.$('[data-testid="history"]');
  await until(() => history.isDisplayed(), 'the history');
  await until(async () => (await history.$$('.versions button').length) === 2, 'two versions: the letter as set, and the cut');
  const versions = await history.$$('.versions button');
  await versions[1].click();
  await until(async () => (await history.getText()).includes('Restore this version'), 'the chosen version');
  assert.match(await history.$('.diff').getText(), /annual plans/);
  await history.$('button=Restore this version').click();
  await until(async () => (await editorText(browser, SUMMARY)).includes('annual plans'), 'the paragraph back');
  await until(async () => (await history.$$('.versions button').length) === 3, 'the restore listed as a new version');

  const listed = candor(['history', '1', 'summary']).split('\n');
  assert.equal(listed.length, 3, listed.join('\n'));
  const log = JSON.parse(execFileSync(cli, ['--db', db.path, 'review', 'status', '1', '--format', 'json']).toString());
  assert.ok(log, 'the file still reads');
  assert.match(candor(['letter', 'show', '1']), /annual plans/);
});
