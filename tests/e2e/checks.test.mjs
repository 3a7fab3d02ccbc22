// The checks in the real window: findings underline the customer text as it is typed,
// a fix replaces the words, a dismissal with a reason hides a finding, the step rail
// shows errors, and the house style guide adds its own rules.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { editorText, startDriver, stopAll, tempDatabase, typeInto, until } from './harness.mjs';

const db = tempDatabase();
let driver;
let browser;

before(async () => {
  driver = await startDriver({ database: db.path });
  browser = await driver.open();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  stopAll();
  db.remove();
});

const customer = '[data-section="summary"] .cm-content[data-view="customer"]';
const rules = () => browser.execute(() => [...document.querySelectorAll('.checks .finding')].map((f) => f.dataset.rule));
const stepState = (step) => browser.$(`[data-step="${step}"]`).getAttribute('data-state');

test('findings appear while typing, and can be fixed or dismissed', async () => {
  await until(() => browser.$('button=New incident').isDisplayed(), 'the incident list');
  await browser.$('button=New incident').click();
  await browser.$('#new-title').setValue('Network outage');
  await browser.$('button=Create').click();
  await until(() => browser.$('[data-step="summary"]').isDisplayed(), 'the wizard');
  await browser.$('[data-step="summary"]').click();

  await typeInto(browser, customer, 'Our VLAN failed. We apologize for any inconvenience.');
  await until(async () => (await rules()).includes('Candor.NonApology'), 'the non-apology finding');
  assert.deepEqual((await rules()).sort(), ['Candor.Jargon', 'Candor.NonApology']);
  await until(() => browser.$('.cm-lintRange-error').isExisting(), 'an error underline in the editor');
  assert.ok(await browser.$('.cm-lintRange-warning').isExisting(), 'a warning underline for the jargon');
  await until(async () => (await stepState('summary')) === 'has_errors', 'the rail to show errors');

  // One click takes the plain wording.
  await browser.$('button=Replace with “part of our network”').click();
  await until(async () => (await editorText(browser, customer)).startsWith('Our part of our network failed.'), 'the fix');
  await until(async () => !(await rules()).includes('Candor.Jargon'), 'the jargon finding to go');

  // A dismissal needs a reason, and hides the finding without touching the text.
  await browser.$('[data-rule="Candor.NonApology"]').$('button=Dismiss…').click();
  await browser.$('button=Dismiss').click();
  await until(() => browser.$('.checks .field-error').isDisplayed(), 'the request for a reason');
  await browser.$('input[aria-label="Why this finding does not apply"]').setValue('Quoting the old status page on purpose');
  await browser.$('button=Dismiss').click();
  await until(async () => (await rules()).length === 0, 'the dismissed finding to go');
  assert.match(await editorText(browser, customer), /We apologize for any inconvenience\./, 'the text is unchanged');
  await until(async () => (await stepState('summary')) === 'in_progress', 'the rail to clear');
});

test('the house style guide adds its rules', async () => {
  await browser.$('button=House style').click();
  await until(() => browser.$('textarea[aria-label="Banned words"]').isDisplayed(), 'the style guide');
  await browser.$('textarea[aria-label="Banned words"]').setValue('glitch');
  await browser.$('button=Save house style').click();
  await until(() => browser.$('.notice').isDisplayed(), 'the guide to be saved');

  await browser.$('.brand').click();
  const row = await browser.$('.incident-row*=Network outage');
  await until(() => row.isDisplayed(), 'the incident list');
  await row.click();
  await until(() => browser.$('[data-step="summary"]').isDisplayed(), 'the wizard');
  await browser.$('[data-step="summary"]').click();
  await typeInto(browser, customer, ' It was a glitch.');
  await until(async () => (await rules()).includes('House.Banned'), 'the house rule to fire');
});

test('a company named like a person passes once the house style lists it', async () => {
  await typeInto(browser, customer, ' Tessa Fenwick is sorry for the outage.');
  await until(async () => (await rules()).includes('Candor.PersonName'), 'the name finding');

  await browser.$('button=House style').click();
  await until(() => browser.$('textarea[aria-label="Product names"]').isDisplayed(), 'the style guide');
  await browser.$('textarea[aria-label="Product names"]').setValue('Tessa Fenwick');
  await browser.$('button=Save house style').click();
  await until(() => browser.$('.notice').isDisplayed(), 'the guide to be saved');

  await browser.$('.brand').click();
  const row = await browser.$('.incident-row*=Network outage');
  await until(() => row.isDisplayed(), 'the incident list');
  await row.click();
  await until(() => browser.$('[data-step="summary"]').isDisplayed(), 'the wizard');
  await browser.$('[data-step="summary"]').click();
  await until(async () => (await editorText(browser, customer)).includes('Tessa Fenwick is sorry'), 'the saved text');
  await until(async () => (await rules()).includes('House.Banned'), 'the checks to run again');
  assert.ok(!(await rules()).includes('Candor.PersonName'), 'the company is not taken for a person');
});
