// Takes the README's screenshots of the real window under Xvfb: `make screenshots`.
// Builds a made-up incident with the CLI, opens it in the app, and captures the screen.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startDriver, stopAll, tempDatabase, until } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const cli = process.env.CANDOR_CLI ?? join(root, 'target/debug/candor');
const demo = (name) => join(import.meta.dirname, 'demo', name);
const db = tempDatabase();

function candor(args, input) {
  return execFileSync(cli, ['--db', db.path, '--as', 'Dana (on call)', ...args], { input }).toString().trim();
}

try {
  // The incident ended a few hours ago, so the publishing clock shows a live countdown.
  const ago = (minutes) => new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 16) + 'Z';
  const id = candor([
    'incident', 'new', '--title', 'Card payments declined at checkout', '--service', 'Tillwise Checkout',
    '--severity', 'sev1', '--zone', 'America/Chicago', '--started', ago(380), '--detected', ago(373),
    '--mitigated', ago(330), '--resolved', ago(301), '--affected-share', '68', '--region', 'North America',
  ]);
  for (const section of ['summary', 'details']) {
    for (const view of ['technical', 'customer']) {
      candor(['letter', 'set', id, section, '--view', view], readFileSync(demo(`${section}-${view}.md`)));
    }
  }
  const driver = await startDriver({ database: db.path, actingAs: 'Dana Whitfield' });
  const browser = await driver.open();
  try {
    const row = await browser.$('.incident-row');
    await until(() => row.isDisplayed(), 'the incident list');
    await row.click();
    await until(() => browser.$('[data-section="summary"]').isDisplayed(), 'the incident page');
    await new Promise((r) => setTimeout(r, 500));
    const out = join(root, 'assets/screenshots/incident-page.png');
    execFileSync('import', ['-display', driver.display, '-window', 'root', '-crop', '1280x820+0+0', out]);
    console.log(`wrote ${out}`);
  } finally {
    await browser.deleteSession();
  }
} finally {
  stopAll();
  db.remove();
}
