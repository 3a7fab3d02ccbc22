// A person starts Candor, creates an incident, types into the customer text of the
// summary, quits, starts Candor again, and finds the text where they left it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { editorText, readFileSync, startDriver, stopAll, tempDatabase, textOf, typeInto, until } from './harness.mjs';

const db = tempDatabase();
let driver;

before(async () => {
  driver = await startDriver({ database: db.path });
});

after(() => {
  stopAll();
  db.remove();
});

const SUMMARY = 'On Monday, checkout failed for most customers for 95 minutes. We fixed it.';
const summaryCustomer = '[data-section="summary"] .cm-content[data-view="customer"]';

test('an incident and its summary survive a restart, and Candor reopens where it was left', async () => {
  let browser = await driver.open();
  try {
    await until(() => browser.$('button=New incident').isDisplayed(), 'the incident list');
    await browser.$('button=New incident').click();
    await browser.$('#new-title').setValue('Checkout outage');
    await browser.$('button=Create').click();
    await until(async () => (await textOf(browser, '.incident-title')) === 'Checkout outage', 'the incident page');

    await browser.$('[data-step="summary"]').click();
    await typeInto(browser, summaryCustomer, SUMMARY);
    await until(
      async () => (await browser.$('.save-indicator').getAttribute('data-state')) === 'saved',
      'the text to be saved',
    );
  } finally {
    await browser.deleteSession();
  }

  browser = await driver.open();
  try {
    await until(() => browser.$(summaryCustomer).isExisting(), 'the summary step, reopened');
    assert.equal(await editorText(browser, summaryCustomer), SUMMARY);
    assert.equal(
      await editorText(browser, '[data-section="summary"] .cm-content[data-view="technical"]'),
      '',
      'the technical text was not touched',
    );
    assert.equal(await textOf(browser, '.incident-title'), 'Checkout outage');
  } finally {
    await browser.deleteSession();
  }
});

test('a bad fact is refused with a message and nothing is saved', async () => {
  const browser = await driver.open();
  try {
    await until(() => browser.$('[data-step="facts"]').isDisplayed(), 'the wizard');
    await browser.$('[data-step="facts"]').click();
    const started = await browser.$('input[name="started"]');
    await until(() => started.isDisplayed(), 'the facts form');
    await started.setValue('2026-10-26 14:00');
    const resolved = await browser.$('input[name="resolved"]');
    await resolved.setValue('2026-10-26 13:00');
    const error = await browser.$('.facts .field-error');
    await until(() => error.isDisplayed(), 'the error message');
    assert.match(await error.getText(), /resolved time is before the started time/);
    const indicator = await browser.$('.save-indicator');
    assert.equal(await indicator.getAttribute('data-state'), 'error');

    await resolved.setValue('2026-10-26 15:35');
    await until(async () => (await indicator.getAttribute('data-state')) === 'saved', 'the fixed facts to save');
    await until(
      async () => (await textOf(browser, '.facts-glance'))?.includes('1 h 35 min'),
      'the duration in the header',
    );
  } finally {
    await browser.deleteSession();
  }
});

test('the Log screen shows what Candor noted, from the file beside the database', async () => {
  const browser = await driver.open();
  try {
    await until(() => browser.$('[data-testid="nav-log"]').isDisplayed(), 'the top bar');
    await browser.$('[data-testid="nav-log"]').click();
    const text = await browser.$('[data-testid="log-text"]');
    await until(() => text.isDisplayed(), 'the log text');
    assert.match(await text.getText(), /Candor starting/);
    const onDisk = readFileSync(join(dirname(db.path), 'candor.log'), 'utf8');
    assert.match(onDisk, /Candor starting/);
  } finally {
    await browser.deleteSession();
  }
});
