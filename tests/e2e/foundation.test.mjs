// A person starts Candor, creates an incident, types into the customer text of the
// summary, quits, starts Candor again, and finds the text where they left it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, stopAll, tempDatabase, textOf, until } from './harness.mjs';

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

test('an incident and its summary survive a restart', async () => {
  let browser = await driver.open();
  try {
    await until(() => browser.$('button=New incident').isDisplayed(), 'the incident list');
    await browser.$('button=New incident').click();
    await browser.$('#new-title').setValue('Checkout outage');
    await browser.$('button=Create').click();

    await until(
      async () => (await textOf(browser, '.incident-title')) === 'Checkout outage',
      'the incident page',
    );

    const summary = await browser.$('[data-section="summary"] textarea[data-view="customer"]');
    await summary.setValue(SUMMARY);
    const indicator = await browser.$('.save-indicator');
    await until(async () => (await indicator.getAttribute('data-state')) === 'saved', 'the text to be saved');
  } finally {
    await browser.deleteSession();
  }

  browser = await driver.open();
  try {
    const row = await browser.$('.incident-row*=Checkout outage');
    await until(() => row.isDisplayed(), 'the incident in the list after restart');
    await row.click();
    const summary = await browser.$('[data-section="summary"] textarea[data-view="customer"]');
    await until(() => summary.isDisplayed(), 'the summary editor after restart');
    assert.equal(await summary.getValue(), SUMMARY);
    const technical = await browser.$('[data-section="summary"] textarea[data-view="technical"]');
    assert.equal(await technical.getValue(), '', 'the technical text was not touched');
  } finally {
    await browser.deleteSession();
  }
});

test('a bad fact is refused with a message and nothing is saved', async () => {
  const browser = await driver.open();
  try {
    const row = await browser.$('.incident-row*=Checkout outage');
    await until(() => row.isDisplayed(), 'the incident list');
    await row.click();
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
