// Starts and stops what an end-to-end test needs: a virtual display, tauri-driver (which
// drives WebKitWebDriver) and, through it, the real Candor window. Every process started
// here is in its own process group and is killed when the test ends.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { remote } from 'webdriverio';

const root = resolve(import.meta.dirname, '../..');
// Test keys stay beside the scratch databases (the app and the CLI both inherit this),
// never in the desktop's keyring of whoever runs the tests.
process.env.CANDOR_KEYRING ??= 'off';
export const APP = process.env.CANDOR_APP ?? join(root, 'target/debug/candor-app');

const started = [];

function track(child) {
  started.push(child);
  return child;
}

export function stopAll() {
  for (const child of started.reverse()) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  started.length = 0;
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A display for the window: the one we have, or a fresh Xvfb. */
export async function display() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  const xvfb = track(
    spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x860x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      detached: true,
    }),
  );
  const number = await new Promise((ok, fail) => {
    let text = '';
    xvfb.stdio[3].on('data', (d) => {
      text += d.toString();
      if (text.includes('\n')) ok(text.trim());
    });
    xvfb.on('exit', (code) => fail(new Error(`Xvfb exited with ${code}`)));
    setTimeout(() => fail(new Error('Xvfb did not start in 10 s')), 10_000);
  });
  return `:${number}`;
}

/** A temporary folder holding the database a test uses; removed at the end. */
export function tempDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'candor-e2e-'));
  return { path: join(dir, 'candor.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts tauri-driver once; `open` then starts the app in a new WebDriver session. */
export async function startDriver({ database, actingAs = 'e2e drafter', extraEnv = {}, application = APP }) {
  const env = { ...process.env, DISPLAY: await display(), CANDOR_DB: database, CANDOR_AS: actingAs, ...extraEnv };
  const port = await freePort();
  const nativePort = await freePort();
  const log = [];
  const driver = track(
    spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
  );
  driver.stdout.on('data', (d) => log.push(d.toString()));
  driver.stderr.on('data', (d) => log.push(d.toString()));
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok || res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (i > 100) throw new Error(`tauri-driver did not start:\n${log.join('')}`);
    await sleep(100);
  }
  return {
    log,
    display: env.DISPLAY,
    async open() {
      return remote({
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        connectionRetryCount: 0,
        capabilities: {
          browserName: 'wry',
          'wdio:enforceWebDriverClassic': true,
          'tauri:options': { application },
        },
      });
    },
  };
}

/** Waits until `check` returns something truthy, or fails with `what`. */
export async function until(check, what, timeoutMs = 10_000, explain = undefined) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(100);
  }
  const seen = explain ? await explain().catch((e) => String(e)) : last;
  throw new Error(`timed out waiting for ${what} (saw: ${seen})`);
}

export { readFileSync };

/** The text of the first element matching `selector`, as the page has it. */
export async function textOf(browser, selector) {
  return browser.execute((s) => document.querySelector(s)?.textContent?.trim() ?? null, selector);
}

/** The text of a CodeMirror editor, one line per line, without its placeholder. */
export async function editorText(browser, selector) {
  return browser.execute((s) => {
    const lines = [...(document.querySelector(s)?.querySelectorAll('.cm-line') ?? [])];
    return lines
      .map((line) => {
        const copy = line.cloneNode(true);
        copy.querySelectorAll('.cm-placeholder').forEach((p) => p.remove());
        return copy.textContent;
      })
      .join('\n');
  }, selector);
}

/** Types into a CodeMirror editor at the end of its text, as a person would. */
export async function typeInto(browser, selector, text) {
  const editor = await browser.$(selector);
  await until(() => editor.isExisting(), `the editor ${selector}`);
  await editor.click();
  await browser.keys(['Control', 'End']);
  // WebKitWebDriver drops the second of two identical keys sent back to back ("happen"
  // arrives as "hapen"), so a doubled letter starts a new burst of keys.
  let chunk = '';
  for (const ch of text) {
    if (chunk && chunk[chunk.length - 1] === ch) {
      await browser.keys(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) await browser.keys(chunk);
}
