// Debounced saving of many fields at once. Each field keeps only its latest value; saves
// of one field never overlap, so an older text can never land after a newer one.

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface SaveStatus {
  state: SaveState;
  /** Why the last save failed, in words for people. */
  message?: string;
  savedAt?: Date;
}

type Save<T> = (key: string, value: T) => Promise<void>;

interface Slot<T> {
  value?: T;
  hasValue: boolean;
  timer?: ReturnType<typeof setTimeout>;
  inFlight?: Promise<void>;
  error?: string;
}

export class Autosaver<T> {
  private slots = new Map<string, Slot<T>>();
  private lastSaved?: Date;

  constructor(
    private readonly save: Save<T>,
    private readonly onStatus: (status: SaveStatus) => void,
    private readonly delayMs = 400,
    private readonly describe: (e: unknown) => string = (e) => String(e),
  ) {}

  /** Remembers `value` for `key` and saves it once typing pauses for `delayMs`. */
  schedule(key: string, value: T): void {
    const slot = this.slot(key);
    slot.value = value;
    slot.hasValue = true;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => void this.run(key), this.delayMs);
    this.report();
  }

  /** Saves everything waiting, now; resolves when all of it is written or has failed. */
  async flush(): Promise<void> {
    const keys = [...this.slots.keys()];
    await Promise.all(keys.map((k) => this.run(k)));
  }

  get pending(): boolean {
    for (const slot of this.slots.values()) if (slot.hasValue || slot.inFlight) return true;
    return false;
  }

  private slot(key: string): Slot<T> {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { hasValue: false };
      this.slots.set(key, slot);
    }
    return slot;
  }

  private async run(key: string): Promise<void> {
    const slot = this.slot(key);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    while (slot.inFlight) await slot.inFlight;
    if (!slot.hasValue) return;
    const value = slot.value as T;
    slot.hasValue = false;
    slot.inFlight = this.save(key, value).then(
      () => {
        slot.error = undefined;
        this.lastSaved = new Date();
      },
      (e: unknown) => {
        slot.error = this.describe(e);
      },
    );
    this.report();
    await slot.inFlight;
    slot.inFlight = undefined;
    this.report();
  }

  private report(): void {
    const errors = [...this.slots.values()].filter((s) => s.error).map((s) => s.error as string);
    if (errors.length > 0) {
      this.onStatus({ state: 'error', message: errors[0], savedAt: this.lastSaved });
    } else if (this.pending) {
      this.onStatus({ state: 'saving', savedAt: this.lastSaved });
    } else {
      this.onStatus({ state: this.lastSaved ? 'saved' : 'idle', savedAt: this.lastSaved });
    }
  }
}
