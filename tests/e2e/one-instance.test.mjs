// One Candor per database. A second start in the same desktop session hands over to the
// running app (the single-instance plugin, over the D-Bus session bus) and opens no
// window; a second app that cannot reach the first (no session bus, another build, another
// user on a shared disk) finds the database locked and says so instead of writing to it.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { APP, display, startDriver, stopAll, tempDatabase, textOf, until } from './harness.mjs';

const run = promisify(execFile);
const databases = [];

after(() => {
  stopAll();
  for (const db of databases) db.remove();
});

test('a second app on the same file is refused with a message and writes nothing', async () => {
  const db = tempDatabase();
  databases.push(db);
  const first = await (await startDriver({ database: db.path, actingAs: 'Kit Marlow' })).open();
  await until(() => first.$('button=New incident').isDisplayed(), 'the first window');
  await first.$('button=New incident').click();
  await first.$('#new-title').setValue('Only one writer');
  await first.$('button=Create').click();
  await until(() => first.$('[name="service"]').isDisplayed(), 'the facts step');

  const second = await (await startDriver({ database: db.path, actingAs: 'Kit Marlow' })).open();
  await until(() => second.$('.fatal').isDisplayed(), 'the refusal in the second window');
  const text = await textOf(second, '.fatal');
  assert.match(text, /already open/);
  assert.match(text, new RegExp(`process \\d+`));
  assert.equal(await second.$('button=New incident').isExisting(), false);
  await second.deleteSession().catch(() => {});

  // The first window goes on saving.
  await first.$('[name="service"]').setValue('Exports');
  await until(async () => (await first.$('.save-indicator').getAttribute('data-state')) === 'saved', 'the save');
  await first.deleteSession().catch(() => {});
});

test('a second start in the same desktop session opens no second window', async () => {
  const db = tempDatabase();
  databases.push(db);
  const script = `
    "$APP" --db "$DB" & first=$!
    for i in $(seq 1 100); do
      xwininfo -root -tree | grep -q '"Candor"' && break
      sleep 0.2
    done
    timeout 30 "$APP" --db "$DB"; echo "second exited $?"
    sleep 1
    echo "windows $(xwininfo -root -tree | grep -c '"Candor"')"
    kill -0 $first && echo "first still running"
    kill $first
  `;
  const { stdout } = await run('dbus-run-session', ['--', 'sh', '-c', script], {
    env: { ...process.env, DISPLAY: await display(), APP, DB: db.path, CANDOR_AS: 'Kit Marlow' },
    timeout: 90_000,
  });
  assert.match(stdout, /second exited 0/, stdout);
  assert.match(stdout, /first still running/, stdout);
  const windows = Number(stdout.match(/windows (\d+)/)?.[1]);
  assert.ok(windows >= 1, stdout);
  // Each Tauri window shows up as a few X windows named "Candor"; a second app would double them.
  const { stdout: alone } = await run('dbus-run-session', ['--', 'sh', '-c', `
    "$APP" --db "$DB" & first=$!
    for i in $(seq 1 100); do
      xwininfo -root -tree | grep -q '"Candor"' && break
      sleep 0.2
    done
    sleep 1
    echo "windows $(xwininfo -root -tree | grep -c '"Candor"')"
    kill $first
  `], { env: { ...process.env, DISPLAY: await display(), APP, DB: db.path, CANDOR_AS: 'Kit Marlow' }, timeout: 60_000 });
  assert.equal(windows, Number(alone.match(/windows (\d+)/)?.[1]), `${stdout}\n${alone}`);
});
