// "Copy for e-mail" in the real window puts e-mail HTML and clean plain text on the
// system clipboard; read back with xclip. A letter not yet approved goes as a DRAFT.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startDriver, stopAll, tempDatabase, until } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const cli = process.env.CANDOR_CLI ?? join(root, 'target/debug/candor');
const db = tempDatabase();
let browser;
let driver;
let id;

const LETTER = {
  summary: 'On Tuesday from 12:40 to 3:50 PM Mountain Time, appointment reminders did not go out. See [our status page](https://status.example.com).',
  details: 'A change we made to how reminders are grouped stopped them for **larger clinics**.',
  wrong: 'We released the change in clinic hours and tested it only with small clinics. We are sorry.',
  better: '- We alert when reminders due within the hour are not sent. In place since November 18.\n- We test with clinics of every size. By December 1.',
  thanks: 'Thank you for your patience and your trust.',
};

function candor(args, input, as = 'Dana Whitfield') {
  return execFileSync(cli, ['--db', db.path, '--as', as, ...args], { input }).toString().trim();
}

/** X11's name for plain UTF-8 text: what terminals and plain-text mail ask for. */
const PLAIN = 'UTF8_STRING';

function clipboard(target) {
  return execFileSync('xclip', ['-o', '-selection', 'clipboard', '-t', target], { env: { ...process.env, DISPLAY: driver.display } }).toString();
}

before(async () => {
  id = candor(['incident', 'new', '--title', 'Reminders stopped', '--zone', 'America/Denver', '--started', '2026-11-17 12:40']);
  for (const [section, text] of Object.entries(LETTER)) candor(['letter', 'set', id, section, '--view', 'customer'], text);
  driver = await startDriver({ database: db.path, actingAs: 'Dana Whitfield' });
  browser = await driver.open();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  stopAll();
  db.remove();
});

async function copy() {
  await browser.$('button=Export…').click();
  await until(() => browser.$('button=Copy for e-mail').isDisplayed(), 'the export dialog');
  await browser.$('button=Copy for e-mail').click();
  await until(() => browser.$('.export-dialog .notice').isDisplayed(), 'the copy to finish');
  const finalMark = await browser.$('.export-dialog [data-final]').getAttribute('data-final');
  await browser.$('.export-dialog').$('button=Close').click();
  return finalMark;
}

test('copy for e-mail puts HTML and plain text on the clipboard', async () => {
  const row = await browser.$('.incident-row*=Reminders stopped');
  await until(() => row.isDisplayed(), 'the incident list');
  await row.click();
  await until(() => browser.$('button=Export…').isDisplayed(), 'the wizard');

  // Not approved yet: a draft, and it says so.
  await copy();
  let html = clipboard('text/html');
  let text = clipboard(PLAIN);
  assert.match(html, /<strong>DRAFT<\/strong>/);
  assert.match(text, /^DRAFT: Not approved for sending\./);

  // Approved (by a reviewer on the command line): final, and published.
  candor(['review', 'request', id]);
  candor(['review', 'approve', id, '--role', 'communications'], undefined, 'Robin Ames');
  const mark = await copy();
  assert.equal(mark, 'true', 'the dialog shows the export as final');
  html = clipboard('text/html');
  text = clipboard(PLAIN);
  assert.doesNotMatch(html, /DRAFT/);
  assert.doesNotMatch(html, /<style|class=/, 'e-mail HTML carries no style block and no classes');
  assert.match(html, /<h2 style="[^"]+">Summary of events<\/h2>/);
  assert.match(html, /<strong>larger clinics<\/strong>/);
  assert.match(html, /<li style="[^"]+">We alert when reminders/);
  assert.match(html, /<a style="[^"]+" href="https:\/\/status\.example\.com"/);

  assert.match(text, /^Reminders stopped\n=================\n/);
  assert.match(text, /\nSummary of events\n-----------------\n\nOn Tuesday/);
  assert.match(text, /our status page \(https:\/\/status\.example\.com\)/);
  assert.match(text, /\n- We alert when reminders/);
  assert.doesNotMatch(text, /\*\*|##|\]\(/, 'no Markdown symbols in the plain text');
  const status = candor(['review', 'status', id]);
  assert.match(status, /^state: published/);
});
