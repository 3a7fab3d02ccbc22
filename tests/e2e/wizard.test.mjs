// A drafter walks a made-up incident through every step of the wizard: the facts, a log
// imported from CSV, the marked entries inserted into the summary, both texts of each
// section, action items inserted into "How we're doing better", and the whole letter.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { editorText, startDriver, stopAll, tempDatabase, textOf, typeInto, until } from './harness.mjs';

const db = tempDatabase();
let driver;
let browser;

before(async () => {
  driver = await startDriver({ database: db.path, actingAs: 'Robin Vale' });
  browser = await driver.open();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  stopAll();
  db.remove();
});

const editor = (section, view) => `[data-section="${section}"] .cm-content[data-view="${view}"]`;
const saved = () =>
  until(async () => (await browser.$('.save-indicator').getAttribute('data-state')) === 'saved', 'everything to be saved');
const stepState = (step) => browser.$(`[data-step="${step}"]`).getAttribute('data-state');

async function fill(name, value) {
  const input = await browser.$(`[name="${name}"]`);
  await input.setValue(value);
}

test('a letter written step by step', async () => {
  await until(() => browser.$('button=New incident').isDisplayed(), 'the incident list');
  await browser.$('button=New incident').click();
  await browser.$('#new-title').setValue('Appointment reminders stopped');
  await browser.$('button=Create').click();
  await until(() => browser.$('[name="service"]').isDisplayed(), 'the facts step');

  // Facts.
  await fill('service', 'Reminders');
  await fill('zone', 'America/Denver');
  await fill('started', '2026-11-17 12:40');
  await fill('detected', '2026-11-17 13:25');
  await fill('mitigated', '2026-11-17 15:05');
  await fill('resolved', '2026-11-17 15:50');
  await fill('affected_share', '70');
  await saved();
  await until(async () => (await textOf(browser, '.facts-glance'))?.includes('3 h 10 min'), 'the duration');
  assert.match(await textOf(browser, '.facts-glance'), /Detected after 45 min/);
  assert.equal(await stepState('facts'), 'done');

  // The log, imported from a CSV file.
  await browser.keys(['Alt', '8']);
  await until(() => browser.$('#log-heading').isDisplayed(), 'the log step');
  await browser.$('[data-testid="log-import-file"]').addValue(join(import.meta.dirname, 'fixtures/reminders-log.csv'));
  const preview = await browser.$('.import-preview');
  await until(() => preview.isDisplayed(), 'the import preview');
  const previewText = await preview.getText();
  assert.match(previewText, /5 entries ready to import; 1 row cannot be read/);
  assert.match(previewText, /line 5:/i);
  await browser.$('button=Import 5').click();
  await until(async () => (await browser.$$('.entries tbody tr').length) === 5, 'five log entries');
  assert.equal(await stepState('log'), 'count');
  assert.match(await textOf(browser, '[data-step="log"] .state'), /5 entries/);

  // Mark one more entry and insert the marked ones into the summary.
  const rollback = await browser.$('tr*=rolled back');
  await rollback.$('input[type="checkbox"]').click();
  await until(async () => (await browser.$('button*=Insert 3 marked').isExisting()), 'three marked entries');
  await browser.$('button*=Insert 3 marked').click();
  await until(() => browser.$(editor('summary', 'customer')).isExisting(), 'the summary step');
  const timeline = await editorText(browser, editor('summary', 'customer'));
  assert.deepEqual(timeline.split('\n'), [
    '- **12:40 PM MST**: Reminders stop going out for large clinics',
    '- **3:05 PM MST**: Batching change rolled back; reminders flowing again',
    '- **3:50 PM MST**: All late reminders sent',
  ]);

  // Both views of each section.
  await typeInto(browser, editor('summary', 'technical'), 'Batcher built empty batches for clinics over 300 appointments.');
  await browser.keys(['Alt', 'ArrowDown']);
  await typeInto(browser, editor('details', 'technical'), 'Release 2026.11.17-2 changed the batch builder.');
  await typeInto(browser, editor('details', 'customer'), 'A change to how we group reminders stopped them for larger clinics.');
  await browser.keys(['Alt', 'ArrowDown']);
  await typeInto(browser, editor('wrong', 'customer'), 'We released the change during clinic hours. We are sorry.');
  await browser.keys(['Alt', 'ArrowDown']);
  await until(() => browser.$(editor('better', 'customer')).isExisting(), 'the better step');
  await browser.keys(['Alt', 'ArrowDown']);
  await until(() => browser.$('button=Mark not needed').isDisplayed(), 'the right step');
  await browser.$('input[aria-label="Why this section is not needed"]').setValue('No charges were affected');
  await browser.$('button=Mark not needed').click();
  await until(async () => (await stepState('right')) === 'not_needed', 'right marked not needed');
  await browser.keys(['Alt', 'ArrowDown']);
  await typeInto(browser, editor('thanks', 'customer'), 'Thank you for your patience and your trust.');
  await saved();
  assert.equal(await stepState('details'), 'in_progress');

  // Mark the summary done.
  await browser.$('[data-step="summary"]').click();
  await browser.$('.done-toggle input').click();
  await until(async () => (await stepState('summary')) === 'done', 'summary done');

  // Action items, inserted into the better section without owners.
  await browser.$('[data-step="actions"]').click();
  await fill('description', 'Alert when reminders due within the hour are not sent');
  await fill('owner', 'Priya Raman');
  await fill('due', '2026-12-01');
  await browser.$('button=Add item').click();
  await until(async () => (await browser.$$('[data-action]').length) === 1, 'the first action item');
  await fill('description', 'Test releases against clinics of every size');
  await fill('owner', 'Sam Okafor');
  await fill('due', '2026-12-15');
  await browser.$('button=Add item').click();
  await until(async () => (await browser.$$('[data-action]').length) === 2, 'the second action item');
  await browser.$('button*=Insert into').click();
  await until(() => browser.$(editor('better', 'customer')).isExisting(), 'the better step');
  const better = await editorText(browser, editor('better', 'customer'));
  assert.equal(
    better,
    '- Alert when reminders due within the hour are not sent. By December 1, 2026.\n' +
      '- Test releases against clinics of every size. By December 15, 2026.',
  );
  assert.doesNotMatch(better, /Priya|Sam/);
  await saved();

  // The whole letter, every written section in order, "Making it right" left out.
  await browser.$('button=Whole letter').click();
  await until(async () => (await browser.$$('.letter-preview h2').length) === 5, 'the whole letter preview');
  const headings = await browser.execute(() => [...document.querySelectorAll('.letter-preview h2')].map((h) => h.textContent));
  assert.deepEqual(headings, [
    'Summary of events',
    'What happened in detail',
    'Where we went wrong',
    'How we’re doing better',
    'Thank you',
  ]);
  const letterText = await textOf(browser, '.letter-preview');
  assert.match(letterText, /12:40 PM MST/);
  assert.match(letterText, /Thank you for your patience and your trust\./);
  assert.doesNotMatch(letterText, /Batcher built empty batches/, 'the technical text stays out of the letter');

  // The home list finds the incident by a word from its letter.
  await browser.$('button=← Incidents').click();
  await browser.$('input[type="search"]').setValue('batches');
  await until(async () => (await browser.$$('.incident-row').length) === 1, 'one search result');
  assert.match(await textOf(browser, '.incident-row'), /Appointment reminders stopped/);
  await browser.$('input[type="search"]').setValue('nonexistentword');
  await until(async () => (await browser.$$('.incident-row').length) === 0, 'no search result');
});
