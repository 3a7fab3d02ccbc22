// A Slack export in the real window: the zip is chosen, the channel picked, the time
// window narrowed, and the pinned messages go into the summary as its timeline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { editorText, startDriver, stopAll, tempDatabase, textOf, until } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const cli = process.env.CANDOR_CLI ?? join(root, 'target/debug/candor');
const db = tempDatabase();
let browser;

before(async () => {
  execFileSync(cli, [
    '--db', db.path, '--as', 'Avery Lindqvist', 'incident', 'new', '--title', 'Card payments failing',
    '--zone', 'UTC', '--started', '2026-11-03 13:58', '--resolved', '2026-11-03 14:41',
  ]);
  const driver = await startDriver({ database: db.path, actingAs: 'Avery Lindqvist' });
  browser = await driver.open();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  stopAll();
  db.remove();
});

test('a Slack export: pick the channel and window, import, insert the pinned messages', async () => {
  const row = await browser.$('.incident-row*=Card payments failing');
  await until(() => row.isDisplayed(), 'the incident list');
  await row.click();
  await until(() => browser.$('[data-step="log"]').isDisplayed(), 'the wizard');
  await browser.$('[data-step="log"]').click();
  await until(() => browser.$('#log-heading').isDisplayed(), 'the log step');

  const zip = join(root, 'tests/fixtures/imports/slack-export.zip');
  await browser.$('[data-testid="log-import-file"]').addValue(zip);
  const choice = await browser.$('[data-testid="slack-channel"]');
  await until(() => choice.isDisplayed(), 'the channel choice');
  // Two channels: nothing is read until one is chosen.
  assert.match(await textOf(browser, '.import-preview'), /0 entries ready to import/);
  await choice.selectByAttribute('value', 'inc-checkout');
  await until(async () => /5 entries ready to import/.test(await textOf(browser, '.import-preview')), 'the channel read');
  // The window defaults to an hour either side of the incident.
  assert.equal(await browser.$('[data-testid="slack-since"]').getValue(), '2026-11-03 12:58');
  assert.equal(await browser.$('[data-testid="slack-until"]').getValue(), '2026-11-03 15:41');
  // Narrowed to the first minutes, three messages remain.
  const until_ = await browser.$('[data-testid="slack-until"]');
  await until_.setValue('2026-11-03 14:05');
  await browser.keys('Tab');
  await until(async () => /3 entries ready to import/.test(await textOf(browser, '.import-preview')), 'the narrower window');
  assert.match(await textOf(browser, '.import-preview'), /Slack export/);
  await until_.setValue('2026-11-03 15:41');
  await browser.keys('Tab');
  await until(async () => /5 entries ready to import/.test(await textOf(browser, '.import-preview')), 'the window again');

  await browser.$('button=Import 5').click();
  await until(async () => (await browser.$$('.entries tbody tr').length) === 5, 'five log entries');
  assert.match(await textOf(browser, '[data-testid="insert-notice"]'), /2 marked for the letter/);
  await browser.$('button*=Insert 2 marked').click();
  const summary = '[data-section="summary"] .cm-content[data-view="customer"]';
  await until(() => browser.$(summary).isExisting(), 'the summary step');
  const timeline = await editorText(browser, summary);
  assert.deepEqual(timeline.split('\n'), [
    '- **2:00 PM UTC**: @here checkout is returning errors for card payments, paging @Bodhi Nakamura',
    '- **2:10 PM UTC**: rolling back the payment gateway config change from 13:55 in #inc-checkout',
  ]);
});
