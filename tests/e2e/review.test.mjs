// Review in the real window: the drafter sends a letter for review; a second profile
// approves it; the drafter edits one word; the approval shows stale with that word in
// the diff; re-approval makes the letter approved again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { startDriver, stopAll, tempDatabase, textOf, typeInto, until } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const cli = process.env.CANDOR_CLI ?? join(root, 'target/debug/candor');
const db = tempDatabase();
let browser;

const LETTER = {
  summary: 'On Tuesday from 12:40 to 3:50 PM Mountain Time, appointment reminders did not go out.',
  details: 'A change we made to how reminders are grouped stopped them for larger clinics.',
  wrong: 'We released the change in clinic hours and tested it only with small clinics. We are sorry.',
  better: '- We alert when reminders due within the hour are not sent. In place since November 18.',
  thanks: 'Thank you for your patience and your trust.',
};

function candor(args, input) {
  return execFileSync(cli, ['--db', db.path, '--as', 'Dana Whitfield', ...args], { input }).toString().trim();
}

before(async () => {
  const id = candor(['incident', 'new', '--title', 'Reminders stopped', '--zone', 'America/Denver']);
  for (const [section, text] of Object.entries(LETTER)) {
    candor(['letter', 'set', id, section, '--view', 'customer'], text);
  }
  const driver = await startDriver({ database: db.path, actingAs: 'Dana Whitfield' });
  browser = await driver.open();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  stopAll();
  db.remove();
});

const state = () => browser.$('.review-state .letter-state').getAttribute('data-state');

async function switchProfile(name, role) {
  await browser.$('[data-testid="profile"]').click();
  await until(() => browser.$('input[name="profile-name"]').isDisplayed(), 'the profile dialog');
  await browser.$('input[name="profile-name"]').setValue(name);
  await browser.$('select[name="profile-role"]').selectByAttribute('value', role);
  await browser.$('button=Use this profile').click();
  await until(async () => (await textOf(browser, '[data-testid="profile"]'))?.includes(name), `the profile ${name}`);
}

async function openReview() {
  await browser.$('button=Review').click();
  await until(() => browser.$('.review-state').isDisplayed(), 'review mode');
}

test('approve, go stale on an edit, approve again', async () => {
  const row = await browser.$('.incident-row*=Reminders stopped');
  await until(() => row.isDisplayed(), 'the incident list');
  await row.click();
  await openReview();
  assert.equal(await state(), 'draft');
  await browser.$('button=Send for review').click();
  await until(async () => (await state()) === 'in_review', 'in review');

  // The drafter cannot approve; a reviewer can.
  await browser.$('button=Approve the letter').click();
  await until(() => browser.$('.review-head .field-error').isDisplayed(), 'the refusal');
  assert.match(await textOf(browser, '.review-head .field-error'), /drafted this letter/);

  await switchProfile('Robin Ames', 'communications');
  // What was said to the drafter no longer stands once the profile is switched.
  await until(async () => !(await browser.$('.review-head .field-error').isExisting()), 'the refusal to go');
  await browser.$('button=Approve the letter').click();
  await until(async () => (await state()) === 'approved', 'approved');
  assert.match(await textOf(browser, '.wizard-head .letter-state'), /Approved/);

  // The drafter changes one word.
  await switchProfile('Dana Whitfield', 'engineering');
  await browser.$('button=Write').click();
  await browser.$('[data-step="summary"]').click();
  await typeInto(browser, '[data-section="summary"] .cm-content[data-view="customer"]', ' Fixed.');
  await until(async () => (await browser.$('.save-indicator').getAttribute('data-state')) === 'saved', 'the edit to save');
  await openReview();
  await until(async () => (await state()) === 'in_review', 'back in review');
  const stale = await browser.$('.verdict[data-stale="true"]');
  await until(() => stale.isDisplayed(), 'the stale approval');
  const inserted = await browser.execute(() => [...document.querySelectorAll('.verdict[data-stale="true"] ins')].map((i) => i.textContent).join(''));
  assert.match(inserted, /Fixed\./);

  // Robin has not seen the change: the list says so, and the review shows it.
  const listed = JSON.parse(execFileSync(cli, ['--db', db.path, '--as', 'Robin Ames', 'incident', 'list', '--format', 'json']).toString());
  assert.equal(listed[0].unseen_changes, true);
  await switchProfile('Robin Ames', 'communications');
  await until(async () => /one section changed/.test((await textOf(browser, '[data-testid="since-seen"]')) ?? ''), 'what changed since Robin looked');
  assert.match(await textOf(browser, '[data-section="summary"] [data-testid="seen-change"]'), /Fixed\./);
  const after = JSON.parse(execFileSync(cli, ['--db', db.path, '--as', 'Robin Ames', 'incident', 'list', '--format', 'json']).toString());
  assert.equal(after[0].unseen_changes, false);
  await browser.$('button=Re-approve').click();
  await until(async () => (await state()) === 'approved', 'approved again');
  assert.equal(await browser.$('.verdict[data-stale="true"]').isExisting(), false);
});

test('a package signed by a reviewer this computer has not met waits for their fingerprint', async () => {
  const id = JSON.parse(candor(['incident', 'list', '--format', 'json']))[0].id;
  const elsewhere = tempDatabase();
  const dir = dirname(elsewhere.path);
  const out = join(dir, 'to-lee.json');
  const back = join(dir, 'from-lee.candor-review.json');
  candor(['package', 'export', String(id), '--out', out]);
  const lee = (args) => execFileSync(cli, ['--db', elsewhere.path, '--as', 'Lee Park', ...args]).toString().trim();
  // On Lee's computer the command line lists the keys it has not met and imports nothing.
  let refused = '';
  try {
    lee(['package', 'import', out]);
  } catch (e) {
    refused = e.stderr.toString();
  }
  const fingerprints = [...refused.matchAll(/signed with a key not seen here: (.+)/g)].map((m) => m[1].trim());
  assert.equal(fingerprints.length, 2, refused);
  lee(['package', 'import', out, ...fingerprints.flatMap((f) => ['--trust', f])]);
  const lid = JSON.parse(lee(['incident', 'list', '--format', 'json']))[0].id;
  lee(['review', 'approve', String(lid), '--role', 'legal', '--comment', 'Fine by legal.']);
  const leeKey = JSON.parse(lee(['review', 'status', String(lid), '--format', 'json'])).verdicts.find((v) => v.approval.reviewer === 'Lee Park').fingerprint;
  lee(['package', 'export', String(lid), '--out', back]);

  // In the window, nothing is merged until the fingerprint is confirmed.
  await browser.$('[data-testid="package-import-file"]').addValue(back);
  const panel = await browser.$('[data-testid="trust-keys"]');
  await until(() => panel.isDisplayed(), 'the fingerprints to confirm');
  const shown = await panel.getText();
  assert.match(shown, /Lee Park/);
  assert.ok(shown.includes(leeKey), `${shown} should show ${leeKey}`);
  assert.equal(await browser.$('.verdict*=Fine by legal').isExisting(), false);
  await browser.$('[data-testid="trust-and-import"]').click();
  await until(async () => (await textOf(browser, '.review-head .notice'))?.includes('Trusted from now on: Lee Park'), 'the import');
  const verdict = await browser.$('.verdict*=Fine by legal');
  await until(() => verdict.isDisplayed(), 'Lee’s verdict');
  assert.equal(await verdict.$('.fingerprint').getText(), leeKey);
  elsewhere.remove();

  // Each profile can read out its own fingerprint for others to check.
  await browser.$('[data-testid="profile"]').click();
  const own = await browser.$('[data-testid="own-fingerprint"]');
  await until(() => own.isDisplayed(), 'the profile’s own fingerprint');
  assert.match(await own.getText(), /[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/);
  await browser.$('button=Cancel').click();
});
