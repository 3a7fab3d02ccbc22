// Save as PDF in the real window: WebKit's print engine writes the letter as a PDF, with
// the DRAFT mark until it is approved; a PDF that cannot be written records nothing. The
// native save dialog cannot be driven through WebDriver, so the test calls the command the
// dialog's choice is handed to.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startDriver, stopAll, tempDatabase, until } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const cli = process.env.CANDOR_CLI ?? join(root, 'target/debug/candor');
const db = tempDatabase();
const folder = dirname(db.path);
let browser;
let driver;
let id;

const candor = (args, input, as = 'Dana Whitfield') =>
  execFileSync(cli, ['--db', db.path, '--as', as, ...args], { input }).toString().trim();

before(async () => {
  id = candor(['incident', 'new', '--title', 'Reminders stopped', '--zone', 'America/Denver']);
  for (const [section, text] of Object.entries({
    summary: 'On Tuesday from 12:40 to 3:50 PM Mountain Time, appointment reminders did not go out.',
    details: 'A change we made to how reminders are grouped stopped them for larger clinics.',
    wrong: 'We released the change in clinic hours and tested it only with small clinics. We are sorry.',
    better: '- We alert when reminders due within the hour are not sent. In place since November 18.',
    thanks: 'Thank you for your patience and your trust.',
  })) {
    candor(['letter', 'set', id, section, '--view', 'customer'], text);
  }
  driver = await startDriver({ database: db.path, actingAs: 'Dana Whitfield' });
  browser = await driver.open();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  stopAll();
  db.remove();
});

/** What the dialog's "Save as PDF…" does with the chosen path: the command's answer or its refusal
 * (not named `error`, which WebDriver would take for its own). */
const savePdf = (path) =>
  browser.execute(
    (incident, file) =>
      window.__TAURI_INTERNALS__
        .invoke('save_pdf', { id: incident, path: file })
        .then((out) => ({ out }), (refusal) => ({ refusal })),
    Number(id),
    path,
  );

/** The PDF's words, one space between them, as a reader would read them. */
const pdfText = (path) => execFileSync('pdftotext', [path, '-']).toString().replace(/\s+/g, ' ');

test('a letter saved as PDF carries the DRAFT mark until approved, and a failed save records nothing', async () => {
  const row = await browser.$('.incident-row*=Reminders stopped');
  await until(() => row.isDisplayed(), 'the incident list');
  await row.click();
  await until(() => browser.$('button=Export…').isDisplayed(), 'the wizard');
  await browser.$('button=Export…').click();
  await until(() => browser.$('button=Save as PDF…').isDisplayed(), 'the Save as PDF button');

  const draft = join(folder, 'draft.pdf');
  const first = await savePdf(draft);
  assert.equal(first.refusal, undefined, JSON.stringify(first.refusal));
  assert.equal(first.out.is_final, false);
  assert.equal(readFileSync(draft).subarray(0, 4).toString(), '%PDF');
  let text = pdfText(draft);
  assert.match(text, /D\s*R\s*A\s*F\s*T/);
  assert.match(text, /Summary of events/);
  assert.match(text, /appointment reminders did not go out/);
  assert.ok(!existsSync(`${draft}.part`), 'no partial file is left');

  candor(['review', 'request', id]);
  candor(['review', 'approve', id, '--role', 'communications'], undefined, 'Robin Ames');
  const nowhere = join(folder, 'no-such-folder', 'letter.pdf');
  const failed = await savePdf(nowhere);
  assert.ok(failed.refusal, 'saving into a missing folder fails');
  assert.match(failed.refusal.message, /PDF could not be written/);
  assert.match(candor(['review', 'status', id]), /^state: approved/, 'a failed PDF does not publish the letter');

  const final = join(folder, 'final.pdf');
  const second = await savePdf(final);
  assert.equal(second.refusal, undefined, JSON.stringify(second.refusal));
  assert.equal(second.out.is_final, true);
  text = pdfText(final);
  assert.doesNotMatch(text, /D\s*R\s*A\s*F\s*T/);
  assert.match(text, /We are sorry/);
  assert.match(candor(['review', 'status', id]), /^state: published/);
});
