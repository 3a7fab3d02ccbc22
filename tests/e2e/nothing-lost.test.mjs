// Nothing a user writes is lost or silently overwritten, and what the window shows is what
// is stored: every facts field survives leaving the step, step states and the publishing
// clock tell the truth, a restore drops the old house style's rules, inserting twice adds
// nothing, and a text changed elsewhere is never overwritten.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { editorText, startDriver, stopAll, tempDatabase, textOf, typeInto, until } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const cli = process.env.CANDOR_CLI ?? join(root, 'target/debug/candor');
const db = tempDatabase();
let browser;

function candor(args, input, as = 'Kit Marlow') {
  return execFileSync(cli, ['--db', db.path, '--as', as, ...args], { input }).toString().trim();
}

const stored = (id) => JSON.parse(candor(['letter', 'show', String(id), '--format', 'json']));
const editor = (section, view = 'customer') => `[data-section="${section}"] .cm-content[data-view="${view}"]`;
const saved = () =>
  until(async () => (await browser.$('.save-indicator').getAttribute('data-state')) === 'saved', 'everything to be saved');
const stepState = (step) => browser.$(`[data-step="${step}"]`).getAttribute('data-state');
const field = (name) => browser.$(`[name="${name}"]`).getValue();

async function toStep(key) {
  await browser.keys(['Alt', key]);
  await browser.releaseActions().catch(() => {});
}

async function openIncident(title) {
  await browser.$('.brand').click();
  const row = await browser.$(`.incident-row*=${title}`);
  await until(() => row.isDisplayed(), `the incident "${title}" in the list`);
  await row.click();
  await until(() => browser.$('.step-rail').isDisplayed(), 'the wizard');
}

before(async () => {
  const driver = await startDriver({ database: db.path, actingAs: 'Kit Marlow' });
  browser = await driver.open();
  await until(() => browser.$('button=New incident').isDisplayed(), 'the incident list');
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  stopAll();
  db.remove();
});

test('every facts field is stored, and shown again after leaving the step', async () => {
  await browser.$('button=New incident').click();
  await browser.$('#new-title').setValue('Invoices went out twice');
  await browser.$('button=Create').click();
  await until(() => browser.$('[name="service"]').isDisplayed(), 'the facts step');
  const id = Number(JSON.parse(candor(['incident', 'list', '--format', 'json']))[0].id);

  // A brand-new incident: its sections are empty, not wrong.
  for (const s of ['summary', 'details', 'wrong', 'better', 'thanks']) assert.equal(await stepState(s), 'empty', s);

  const edits = [
    ['title', 'Some invoices were sent twice'],
    ['service', 'Billing'],
    ['zone', 'Europe/Berlin'],
    ['started', '2026-11-02 09:15'],
    ['detected', '2026-11-02 09:40'],
    ['mitigated', '2026-11-02 10:05'],
    ['resolved', '2026-11-02 11:30'],
    ['affected_share', '55'],
    ['affected_count', '1200'],
    ['regions', 'Germany, Austria'],
  ];
  for (const [i, [name, value]] of edits.entries()) {
    await browser.$(`[name="${name}"]`).setValue(value);
    await saved();
    // Away to the summary, write there once, and back.
    await toStep('2');
    await until(() => browser.$(editor('summary')).isExisting(), 'the summary step');
    if (i === 0) {
      await typeInto(browser, editor('summary'), 'Some customers got the same invoice twice.');
      await saved();
    }
    await toStep('1');
    await until(() => browser.$('[name="service"]').isDisplayed(), 'the facts step again');
    for (const [earlier, expected] of edits.slice(0, i + 1)) {
      assert.equal(await field(earlier), expected, `${earlier} after editing ${name}`);
    }
  }
  await browser.$('[name="severity"]').selectByAttribute('value', 'sev1');
  await saved();

  const { facts, letter } = stored(id);
  assert.equal(facts.title, 'Some invoices were sent twice');
  assert.equal(facts.service, 'Billing');
  assert.equal(facts.severity, 'sev1');
  assert.equal(facts.zone, 'Europe/Berlin');
  assert.equal(facts.started, '2026-11-02T08:15:00Z');
  assert.equal(facts.detected, '2026-11-02T08:40:00Z');
  assert.equal(facts.mitigated, '2026-11-02T09:05:00Z');
  assert.equal(facts.resolved, '2026-11-02T10:30:00Z');
  assert.equal(facts.affected_share, 55);
  assert.equal(facts.affected_count, 1200);
  assert.deepEqual(facts.regions, ['Germany', 'Austria']);
  assert.equal(letter.summary.customer, 'Some customers got the same invoice twice.');
  assert.match(await textOf(browser, '.facts-glance'), /Duration 2 h 15 min/);
});

test('bad facts are refused with a message that goes once the field is right', async () => {
  const before = stored(1).facts;
  await browser.$('[name="resolved"]').setValue('2099-01-01 10:00');
  await until(() => browser.$('.facts .field-error').isDisplayed(), 'the refusal of a future time');
  assert.match(await textOf(browser, '.facts .field-error'), /in the future/);
  assert.deepEqual(stored(1).facts, before, 'nothing was saved');
  await browser.$('[name="resolved"]').setValue('2026-11-02 11:30');
  await saved();
  assert.equal(await browser.$('.facts .field-error').isExisting(), false);

  await browser.$('[name="zone"]').setValue('Mars/Olympus');
  await until(() => browser.$('.facts .field-error').isDisplayed(), 'the refusal of an unknown zone');
  assert.match(await textOf(browser, '.facts .field-error'), /Mars\/Olympus/);
  await browser.$('[name="zone"]').setValue('Europe/Berlin');
  await saved();
  assert.equal(await browser.$('.facts .field-error').isExisting(), false);
  assert.deepEqual(stored(1).facts, before);
});

test('a section with open errors shows them as soon as the incident opens', async () => {
  candor(['letter', 'set', '1', 'wrong', '--view', 'customer'], 'We apologize for any inconvenience. It was not our fault.');
  await openIncident('Some invoices were sent twice');
  await until(async () => (await stepState('wrong')) === 'has_errors', 'the errors in the rail', 5_000);
  assert.equal(await stepState('details'), 'empty');
});

test('inserting action items twice adds them once, and undo takes the insertion back', async () => {
  candor(['letter', 'set', '1', 'better', '--view', 'customer'], 'We are changing how invoices are sent.');
  await openIncident('Some invoices were sent twice');
  await toStep('9');
  await until(() => browser.$('#actions-heading').isDisplayed(), 'the action items step');
  await browser.$('[name="description"]').setValue('Send each invoice only once, checked by its number');
  await browser.$('[name="due"]').setValue('2026-12-15');
  await browser.$('button=Add item').click();
  await until(async () => (await browser.$$('.actions-panel tbody tr').length) === 1, 'one action item');

  await browser.$('button*=Insert into').click();
  await until(() => browser.$(editor('better')).isExisting(), 'the better step');
  const once = 'We are changing how invoices are sent.\n\n- Send each invoice only once, checked by its number. By December 15, 2026.';
  await until(async () => (await editorText(browser, editor('better'))) === once, 'the inserted item');

  // One Ctrl+Z takes the whole insertion back; redo puts it back.
  const before = 'We are changing how invoices are sent.';
  await browser.$(editor('better')).click();
  await browser.keys(['Control', 'z']);
  await browser.releaseActions().catch(() => {});
  await until(async () => (await editorText(browser, editor('better'))) === before, 'the undo', 5_000,
    () => editorText(browser, editor('better')));
  await saved();
  assert.equal(stored(1).letter.better.customer, before);
  await browser.keys(['Control', 'Shift', 'z']);
  await browser.releaseActions().catch(() => {});
  await until(async () => (await editorText(browser, editor('better'))) === once, 'the redo');
  await saved();

  await toStep('9');
  await until(() => browser.$('#actions-heading').isDisplayed(), 'the action items step again');
  await browser.$('button*=Insert into').click();
  await until(() => browser.$('[data-testid="insert-notice"]').isDisplayed(), 'the notice that they are there');
  assert.match(await textOf(browser, '[data-testid="insert-notice"]'), /already in “How we’re doing better”/);
  await toStep('5');
  await until(() => browser.$(editor('better')).isExisting(), 'the better step again');
  assert.equal(await editorText(browser, editor('better')), once);
  assert.equal(stored(1).letter.better.customer, once);
});

test('a text changed elsewhere is not overwritten; the window offers both', async () => {
  await toStep('2');
  await until(() => browser.$(editor('summary')).isExisting(), 'the summary step');
  candor(['letter', 'set', '1', 'summary', '--view', 'customer'], 'Words saved from the command line.', 'Ines Okafor');
  await typeInto(browser, editor('summary'), ' Mine.');
  const conflict = await browser.$('[data-testid="conflict"]');
  await until(() => conflict.isDisplayed(), 'the conflict');
  assert.match(await conflict.getText(), /changed elsewhere/);
  assert.match(await conflict.getText(), /Ines Okafor/);
  assert.equal(stored(1).letter.summary.customer, 'Words saved from the command line.');

  await browser.$('button=Show the difference').click();
  await until(() => browser.$('[data-testid="conflict"] ins').isDisplayed(), 'the difference');
  await browser.$('[data-testid="keep-theirs"]').click();
  await until(async () => (await editorText(browser, editor('summary'))) === 'Words saved from the command line.', 'the stored text in the editor');
  assert.equal(await conflict.isExisting(), false);

  // Edits go on from the stored revision.
  await typeInto(browser, editor('summary'), ' Then mine.');
  await saved();
  assert.equal(stored(1).letter.summary.customer, 'Words saved from the command line. Then mine.');
});

test('a published letter stops the clock', async () => {
  const id = candor(['incident', 'new', '--title', 'Exports were late', '--zone', 'UTC',
    '--started', '2024-03-01 10:00', '--resolved', '2024-03-01 12:00'], undefined, 'Kit Marlow');
  const texts = {
    summary: 'On March 1 from 10:00 to 12:00 UTC, exports were late.',
    details: 'A change we made slowed the export queue.',
    wrong: 'We released the change without a test at full size. We are sorry.',
    better: '- We test exports at full size before release. In place since March 4.',
    thanks: 'Thank you for your patience.',
  };
  for (const [s, t] of Object.entries(texts)) candor(['letter', 'set', id, s, '--view', 'customer'], t);
  candor(['review', 'request', id]);
  candor(['review', 'approve', id, '--role', 'communications'], undefined, 'Ines Okafor');
  candor(['export', id, '--format', 'html', '--out', join(resolve(db.path, '..'), 'letter.html')], undefined, 'Ines Okafor');
  await browser.$('.brand').click();
  const row = await browser.$('.incident-row*=Exports were late');
  await until(() => row.isDisplayed(), 'the published incident');
  const text = await row.getText();
  assert.match(text, /Published/);
  assert.doesNotMatch(text, /overdue/);
});

test('after a restore, the old house style no longer checks the letter', async () => {
  await browser.$('button=Backups').click();
  await browser.$('button=Back up now').click();
  await until(async () => (await textOf(browser, '.notice'))?.includes('Backed up'), 'the backup');

  await browser.$('button=House style').click();
  await browser.$('textarea[aria-label="Banned words"]').setValue('snafu');
  await browser.$('button=Save house style').click();
  await until(() => browser.$('.notice').isDisplayed(), 'the saved guide');

  await openIncident('Some invoices were sent twice');
  await toStep('4');
  await typeInto(browser, editor('wrong'), ' A snafu.');
  await until(async () => (await browser.$$('.checks [data-rule="House.Banned"]').length) > 0, 'the banned word flagged', 8_000,
    () => textOf(browser, '.checks'));

  await browser.$('button=Backups').click();
  const manual = await browser.$('tr*=by hand');
  await until(() => manual.isDisplayed(), 'the manual backup');
  await manual.$('button=Restore…').click();
  await manual.$('button=Restore').click();
  await until(async () => (await textOf(browser, '.notice'))?.includes('Restored'), 'the restore');

  await browser.$('button=House style').click();
  await until(async () => (await browser.$('textarea[aria-label="Banned words"]').getValue()) === '', 'the empty guide');
  await openIncident('Some invoices were sent twice');
  await toStep('4');
  await typeInto(browser, editor('wrong'), ' A snafu again.');
  await until(() => browser.$('.checks').isDisplayed(), 'the checks');
  await saved();
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await browser.$$('.checks [data-rule="House.Banned"]').length), 0, await textOf(browser, '.checks'));
});
