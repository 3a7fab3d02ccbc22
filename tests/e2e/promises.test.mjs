// Promises in the real window: a published letter promised a dated step that is now
// overdue; writing the next letter about the same service shows the promise in the wizard
// and the follow-up finding until "How we're doing better" says what became of it. The
// Promises screen lists it overdue, and marking it kept settles it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { startDriver, stopAll, tempDatabase, typeInto, until } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const cli = process.env.CANDOR_CLI ?? join(root, 'target/debug/candor');
const db = tempDatabase();
const run = (who, args, input) =>
  execFileSync(cli, ['--db', db.path, '--as', who, ...args], { input, env: { ...process.env, CANDOR_KEYRING: 'off' } }).toString().trim();
const BETTER = '[data-section="better"] .cm-content[data-view="customer"]';
const rules = () => browser.execute(() => [...document.querySelectorAll('.checks .finding')].map((f) => f.dataset.rule));
let driver;
let browser;

before(async () => {
  const first = run('Dana Whitfield', ['incident', 'new', '--title', 'Reminders stopped', '--service', 'Reminders', '--zone', 'UTC']);
  for (const [section, text] of [
    ['summary', 'On 3 March, from 09:00 to 11:00 UTC, reminders did not reach you.'],
    ['details', 'A change to how we schedule reminders stopped them from being sent.'],
    ['wrong', 'We are sorry: we released the change without a test that sends a real reminder.'],
    ['better', 'By 31 March 2099 we will run a second copy of the reminder scheduler in another region.'],
    ['thanks', 'Thank you for your patience.'],
  ]) {
    run('Dana Whitfield', ['letter', 'set', first, section, '--view', 'customer'], text);
  }
  run('Dana Whitfield', ['review', 'request', first]);
  run('Robin Ames', ['review', 'approve', first, '--role', 'communications']);
  run('Robin Ames', ['export', first, '--format', 'html', '--out', join(dirname(db.path), 'letter.html')]);
  const listed = JSON.parse(run('Dana Whitfield', ['promises', '--format', 'json']));
  assert.equal(listed.length, 1, JSON.stringify(listed));
  // Time passes: the date agreed with customers is moved into the past, so it is overdue.
  run('Dana Whitfield', ['promises', 'due', String(listed[0].id), '2026-06-30']);
  run('Dana Whitfield', ['incident', 'new', '--title', 'Reminders late again', '--service', 'Reminders', '--zone', 'UTC']);
  driver = await startDriver({ database: db.path, actingAs: 'Dana Whitfield' });
  browser = await driver.open();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  stopAll();
  db.remove();
});

test('an overdue promise follows the next letter to the same customers until it is answered', async () => {
  const row = await browser.$('.incident-row*=Reminders late again');
  await until(() => row.isDisplayed(), 'the incident list');
  await row.click();
  await until(() => browser.$('[data-step="better"]').isDisplayed(), 'the wizard');
  await browser.$('[data-step="better"]').click();

  const owed = await browser.$('[data-testid="promises-owed"]');
  await until(() => owed.isDisplayed(), 'the promises owed to these customers');
  const shown = await owed.getText();
  assert.match(shown, /Overdue by/);
  assert.match(shown, /second copy of the reminder scheduler/);
  assert.match(shown, /Reminders stopped/);

  await typeInto(browser, BETTER, 'By 30 June 2099 we will alert when reminders wait for more than five minutes.');
  await until(async () => (await rules()).includes('Candor.FollowUp'), 'the follow-up finding');
  const message = await browser.$('.checks .finding[data-rule="Candor.FollowUp"]').getText();
  assert.match(message, /Reminders stopped/);

  await typeInto(browser, BETTER, ' The second copy of the scheduler we promised for another region is late: it runs in testing now.');
  await until(async () => !(await rules()).includes('Candor.FollowUp'), 'the follow-up finding to go once the promise is answered');
  await until(async () => (await browser.$('.save-indicator').getAttribute('data-state')) === 'saved', 'the save');

  // The top bar counts it; the Promises screen lists it overdue; marking it kept settles it.
  const nav = await browser.$('[data-testid="nav-promises"]');
  assert.match(await nav.getText(), /1 overdue/);
  await nav.click();
  const promise = await browser.$('[data-testid="promise-row"]');
  await until(() => promise.isDisplayed(), 'the Promises screen');
  assert.match(await promise.getText(), /Overdue by/);
  await promise.$('button=Kept').click();
  await until(async () => (await browser.$('[data-testid="promise-row"]').getText()).includes('Kept'), 'the promise kept');
  await until(async () => !(await nav.getText()).includes('overdue'), 'the top bar to stop counting it');
  const after = JSON.parse(run('Dana Whitfield', ['promises', '--format', 'json']));
  assert.equal(after[0].status, 'done');
  assert.equal(after[0].settled_by, 'Dana Whitfield');
  assert.equal(JSON.parse(run('Dana Whitfield', ['promises', '--overdue', '--format', 'json'])).length, 0);
});
