// Takes the README's screenshots of the real window under Xvfb: `make screenshots`.
// Builds a made-up incident with the CLI, opens it in the app, and captures the screen.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startDriver, stopAll, tempDatabase, typeInto, until } from './harness.mjs';

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
  for (const file of readdirSync(join(import.meta.dirname, 'demo'))) {
    const [section, view] = file.replace('.md', '').split('-');
    candor(['letter', 'set', id, section, '--view', view], readFileSync(demo(file)));
  }
  // A reviewer approved, then the drafter changed a word: the approval is stale.
  candor(['review', 'request', id]);
  execFileSync(cli, ['--db', db.path, '--as', 'Robin Ames', 'review', 'approve', id, '--role', 'communications', '--comment', 'Clear and honest.']);
  const summary = readFileSync(demo('summary-customer.md'), 'utf8').replace('79 minutes', 'an hour and 19 minutes');
  candor(['letter', 'set', id, 'summary', '--view', 'customer'], summary);

  for (const theme of ['light', 'dark']) {
    // WebKitGTK takes the colour scheme from the GTK theme.
    const extraEnv = theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : { GTK_THEME: 'Adwaita' };
    const driver = await startDriver({ database: db.path, actingAs: 'Dana Whitfield', extraEnv });
    const browser = await driver.open();
    try {
      // The first start shows the list; later starts reopen the incident where it was left.
      await until(async () => (await browser.$('.incident-row').isExisting()) || browser.$('.step-rail').isExisting(), 'the window');
      if (await browser.$('.incident-row').isExisting()) await browser.$('.incident-row').click();
      await until(() => browser.$('[data-step="summary"]').isDisplayed(), 'the wizard');
      await browser.$('[data-step="summary"]').click();
      await until(() => browser.$('.letter-preview p').isExisting(), 'the preview');
      await new Promise((r) => setTimeout(r, 700));
      const out = join(root, `assets/screenshots/wizard-${theme}.png`);
      execFileSync('import', ['-display', driver.display, '-window', 'root', '-crop', '1280x820+0+0', out]);
      console.log(`wrote ${out}`);
      if (theme === 'light') {
        // The checks at work on a careless sentence.
        await browser.$('[data-step="wrong"]').click();
        await typeInto(
          browser,
          '[data-section="wrong"] .cm-content[data-view="customer"]',
          ' Our CDN provider failed us, and we apologize for any inconvenience. This will never happen again.',
        );
        await until(async () => (await browser.$$('.checks .finding').length) >= 3, 'the findings');
        await new Promise((r) => setTimeout(r, 700));
        const checks = join(root, 'assets/screenshots/checks.png');
        execFileSync('import', ['-display', driver.display, '-window', 'root', '-crop', '1280x820+0+0', checks]);
        console.log(`wrote ${checks}`);

        await browser.$('button=Review').click();
        await until(() => browser.$('.verdict[data-stale="true"]').isDisplayed(), 'the stale approval');
        await browser.execute(() => document.querySelector('.review-head')?.scrollIntoView({ block: 'start' }));
        await new Promise((r) => setTimeout(r, 500));
        const review = join(root, 'assets/screenshots/review.png');
        execFileSync('import', ['-display', driver.display, '-window', 'root', '-crop', '1280x820+0+0', review]);
        console.log(`wrote ${review}`);

        // A package from a reviewer this computer has not met: the fingerprints to check.
        const elsewhere = tempDatabase();
        const out = join(dirname(elsewhere.path), 'to-lee.json');
        const back = join(dirname(elsewhere.path), 'from-lee.candor-review.json');
        candor(['package', 'export', id, '--out', out]);
        const lee = (args) => execFileSync(cli, ['--db', elsewhere.path, '--as', 'Lee Park', ...args]).toString().trim();
        let keys = [];
        try {
          lee(['package', 'import', out]);
        } catch (e) {
          keys = [...e.stderr.toString().matchAll(/not seen here: (.+)/g)].map((m) => m[1].trim());
        }
        lee(['package', 'import', out, ...keys.flatMap((k) => ['--trust', k])]);
        const lid = String(JSON.parse(lee(['incident', 'list', '--format', 'json']))[0].id);
        lee(['review', 'approve', lid, '--role', 'legal', '--comment', 'Fine by legal.']);
        lee(['package', 'export', lid, '--out', back]);
        await browser.$('[data-testid="package-import-file"]').addValue(back);
        await until(() => browser.$('[data-testid="trust-keys"]').isDisplayed(), 'the fingerprints to check');
        await browser.execute(() => document.querySelector('.review-head')?.scrollIntoView({ block: 'start' }));
        await new Promise((r) => setTimeout(r, 500));
        const trust = join(root, 'assets/screenshots/trust.png');
        execFileSync('import', ['-display', driver.display, '-window', 'root', '-crop', '1280x820+0+0', trust]);
        console.log(`wrote ${trust}`);
        await browser.$('button=Cancel').click();
        elsewhere.remove();
        await browser.$('button=Write').click();

        // The history of "Where we went wrong": the version before the careless sentence.
        await until(() => browser.$('[data-step="wrong"]').isDisplayed(), 'the wizard');
        await browser.$('[data-step="wrong"]').click();
        await browser.$('[data-testid="open-history"]').click();
        const history = await browser.$('[data-testid="history"]');
        await until(async () => (await history.$$('.versions button').length) >= 2, 'the versions');
        const versions = await history.$$('.versions button');
        await versions[versions.length - 1].click();
        await until(async () => (await history.getText()).includes('Restore this version'), 'a version chosen');
        await browser.execute(() => document.querySelector('.history-panel')?.scrollIntoView({ block: 'start' }));
        await new Promise((r) => setTimeout(r, 500));
        const historyShot = join(root, 'assets/screenshots/history.png');
        execFileSync('import', ['-display', driver.display, '-window', 'root', '-crop', '1280x820+0+0', historyShot]);
        console.log(`wrote ${historyShot}`);
        await history.$('button=Close').click();
      }
    } finally {
      await browser.deleteSession();
      stopAll();
    }
  }

  // The import preview of a Slack export, on an incident of its own.
  const slackId = candor([
    'incident', 'new', '--title', 'Card payments failing', '--zone', 'UTC',
    '--started', '2026-11-03 13:58', '--resolved', '2026-11-03 14:41',
  ]);
  const driver = await startDriver({ database: db.path, actingAs: 'Dana Whitfield', extraEnv: { GTK_THEME: 'Adwaita' } });
  const browser = await driver.open();
  try {
    await until(async () => (await browser.$('.incident-row').isExisting()) || browser.$('.step-rail').isExisting(), 'the window');
    if (!(await browser.$('.incident-row').isExisting())) await browser.$('button*=Incidents').click();
    const row = await browser.$(`.incident-row*=Card payments failing`);
    await until(() => row.isDisplayed(), 'the incident list');
    await row.click();
    await until(() => browser.$('[data-step="log"]').isDisplayed(), 'the wizard');
    await browser.$('[data-step="log"]').click();
    await browser.$('[data-testid="log-import-file"]').addValue(join(root, 'tests/fixtures/imports/slack-export.zip'));
    const choice = await browser.$('[data-testid="slack-channel"]');
    await until(() => choice.isDisplayed(), 'the channel choice');
    await choice.selectByAttribute('value', 'inc-checkout');
    await until(async () => (await browser.$$('.import-preview tbody tr').length) === 5, 'the channel read');
    await browser.execute(() => document.querySelector('.import-preview')?.scrollIntoView({ block: 'start' }));
    await new Promise((r) => setTimeout(r, 500));
    const out = join(root, 'assets/screenshots/slack-import.png');
    execFileSync('import', ['-display', driver.display, '-window', 'root', '-crop', '1280x820+0+0', out]);
    console.log(`wrote ${out} (incident ${slackId})`);
  } finally {
    await browser.deleteSession();
    stopAll();
  }

  // Promises: an earlier letter about the same service promised two dated steps, and the
  // first is now overdue. The demo letter's "better" step shows them, and the Promises screen.
  const day = (days) => new Date(Date.now() + days * 86_400_000);
  const spoken = (d) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const earlier = candor(['incident', 'new', '--title', 'Checkout slow to confirm payments', '--service', 'Tillwise Checkout', '--zone', 'America/Chicago']);
  for (const [section, text] of [
    ['summary', 'For two hours on a Friday evening, payments took up to a minute to confirm.'],
    ['details', 'Confirmations waited on a single processor region that was overloaded.'],
    ['wrong', 'We are sorry: we had no second region to send confirmations to.'],
    ['better', `- Within six weeks we will confirm payments through a second processor region.\n- By ${spoken(day(90))} checkout will tell you plainly when confirmation is slow.`],
    ['thanks', 'Thank you for bearing with us.'],
  ]) {
    candor(['letter', 'set', earlier, section, '--view', 'customer'], text);
  }
  candor(['review', 'request', earlier]);
  execFileSync(cli, ['--db', db.path, '--as', 'Robin Ames', 'review', 'approve', earlier, '--role', 'communications']);
  execFileSync(cli, ['--db', db.path, '--as', 'Robin Ames', 'export', earlier, '--format', 'html', '--out', join(dirname(db.path), 'earlier.html')]);
  const made = JSON.parse(candor(['promises', '--format', 'json']));
  // Time passes: the first promise's date is moved three weeks into the past.
  candor(['promises', 'due', String(made.find((p) => p.text.includes('second processor')).id), day(-21).toISOString().slice(0, 10)]);
  const third = await startDriver({ database: db.path, actingAs: 'Dana Whitfield', extraEnv: { GTK_THEME: 'Adwaita' } });
  const window3 = await third.open();
  try {
    await until(async () => (await window3.$('.incident-row').isExisting()) || window3.$('.step-rail').isExisting(), 'the window');
    if (!(await window3.$('.incident-row').isExisting())) await window3.$('button*=Incidents').click();
    const row = await window3.$('.incident-row*=Card payments declined');
    await until(() => row.isDisplayed(), 'the incident list');
    await row.click();
    await until(() => window3.$('[data-step="better"]').isDisplayed(), 'the wizard');
    await window3.$('[data-step="better"]').click();
    await typeInto(window3, '[data-section="better"] .cm-content[data-view="customer"]', 'By the end of next month, a failed card check will retry with a second provider before you see an error.');
    await until(() => window3.$('.checks .finding[data-rule="Candor.FollowUp"]').isExisting(), 'the follow-up finding');
    await until(() => window3.$('[data-testid="promises-owed"]').isDisplayed(), 'the promises owed');
    await new Promise((r) => setTimeout(r, 700));
    const owedShot = join(root, 'assets/screenshots/follow-up.png');
    execFileSync('import', ['-display', third.display, '-window', 'root', '-crop', '1280x820+0+0', owedShot]);
    console.log(`wrote ${owedShot}`);
    await window3.$('[data-testid="nav-promises"]').click();
    await until(() => window3.$('[data-testid="promise-row"]').isDisplayed(), 'the Promises screen');
    await new Promise((r) => setTimeout(r, 500));
    const promisesShot = join(root, 'assets/screenshots/promises.png');
    execFileSync('import', ['-display', third.display, '-window', 'root', '-crop', '1280x820+0+0', promisesShot]);
    console.log(`wrote ${promisesShot}`);
  } finally {
    await window3.deleteSession();
    stopAll();
  }
} finally {
  stopAll();
  db.remove();
}
