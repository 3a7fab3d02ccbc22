import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveStatus } from './autosave';

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(save: (key: string, value: string) => Promise<void>) {
    const statuses: SaveStatus[] = [];
    const saver = new Autosaver<string>(save, (s) => statuses.push(s), 400, (e) => `failed: ${String(e)}`);
    return { saver, statuses, last: () => statuses[statuses.length - 1] };
  }

  it('saves only the last value once typing pauses', async () => {
    const saved: string[] = [];
    const { saver, last } = setup(async (_k, v) => void saved.push(v));
    saver.schedule('summary', 'W');
    saver.schedule('summary', 'We');
    saver.schedule('summary', 'We were');
    expect(last().state).toBe('saving');
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['We were']);
    expect(last().state).toBe('saved');
  });

  it('never lets an older text land after a newer one', async () => {
    const saved: string[] = [];
    let release: () => void = () => {};
    const { saver } = setup(
      (_k, v) =>
        new Promise<void>((resolve) => {
          release = () => {
            saved.push(v);
            resolve();
          };
        }),
    );
    saver.schedule('k', 'one');
    await vi.advanceTimersByTimeAsync(400);
    saver.schedule('k', 'two');
    await vi.advanceTimersByTimeAsync(400);
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['one', 'two']);
  });

  it('flush saves everything waiting at once', async () => {
    const saved: string[] = [];
    const { saver, last } = setup(async (k, v) => void saved.push(`${k}=${v}`));
    saver.schedule('a', '1');
    saver.schedule('b', '2');
    await saver.flush();
    expect(saved.sort()).toEqual(['a=1', 'b=2']);
    expect(last().state).toBe('saved');
    expect(saver.pending).toBe(false);
  });

  it('reports a failure in words and recovers on the next good save', async () => {
    let fail = true;
    const { saver, last } = setup(async () => {
      if (fail) throw 'disk full';
    });
    saver.schedule('k', 'x');
    await vi.advanceTimersByTimeAsync(400);
    expect(last()).toMatchObject({ state: 'error', message: 'failed: disk full' });
    fail = false;
    saver.schedule('k', 'y');
    await vi.advanceTimersByTimeAsync(400);
    expect(last().state).toBe('saved');
  });
});
