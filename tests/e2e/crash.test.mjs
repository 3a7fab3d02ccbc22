// Killing Candor (SIGKILL) in the middle of typing and autosaving loses at most the last
// moments of typing and never damages the file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { APP, editorText, startDriver, stopAll, tempDatabase, until } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const cli = process.env.CANDOR_CLI ?? join(root, 'target/debug/candor');
const db = tempDatabase();
let driver;

before(async () => {
  execFileSync(cli, ['--db', db.path, 'incident', 'new', '--title', 'Crash test']);
  driver = await startDriver({ database: db.path });
});

after(() => {
  stopAll();
  db.remove();
});

const editor = '[data-section="summary"] .cm-content[data-view="customer"]';
const saved = (browser) => browser.$('.save-indicator').getAttribute('data-state');

function appPids() {
  try {
    return execFileSync('pgrep', ['-f', APP]).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

test('a kill mid-autosave keeps what was saved and a sound file', async () => {
  let browser = await driver.open();
  await until(() => browser.$('.incident-row').isDisplayed(), 'the list');
  await browser.$('.incident-row').click();
  await browser.$('[data-step="summary"]').click();
  const content = await browser.$(editor);
  await until(() => content.isExisting(), 'the editor');
  await content.click();
  await browser.keys('Saved before the kill.');
  await until(async () => (await saved(browser)) === 'saved', 'the first text to be saved');
  const kept = await editorText(browser, editor);

  // Keep typing, and kill the app while autosaves are in flight.
  for (let i = 0; i < 6; i++) {
    await browser.keys(` More text ${i}.`);
  }
  const pids = appPids();
  assert.ok(pids.length > 0, 'the app is running');
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  await browser.deleteSession().catch(() => {});

  assert.equal(execFileSync(cli, ['--db', db.path, 'db', 'check']).toString(), 'ok\n');

  browser = await driver.open();
  try {
    await until(() => browser.$(editor).isExisting(), 'the summary reopened');
    const text = await editorText(browser, editor);
    assert.ok(text.startsWith(kept), `what was saved before the kill is there: ${JSON.stringify(text)}`);
  } finally {
    await browser.deleteSession();
  }
});
