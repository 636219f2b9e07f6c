// Test-only timers the test advances by hand (no real waiting, nothing left running).
export interface ScheduledTimer {
  id: number;
  fn: () => void;
  ms: number;
  repeat: boolean;
}

export class ManualTimers {
  private next = 1;
  readonly scheduled = new Map<number, ScheduledTimer>();

  setTimeout = (fn: () => void, ms: number): unknown => this.add(fn, ms, false);
  setInterval = (fn: () => void, ms: number): unknown => this.add(fn, ms, true);
  clearTimeout = (h: unknown): void => {
    this.scheduled.delete(h as number);
  };
  clearInterval = (h: unknown): void => {
    this.scheduled.delete(h as number);
  };

  private add(fn: () => void, ms: number, repeat: boolean): number {
    const id = this.next++;
    this.scheduled.set(id, { id, fn, ms, repeat });
    return id;
  }

  /** The first scheduled timer matching `predicate` (e.g. the backoff retry by its delay). */
  find(predicate: (t: ScheduledTimer) => boolean): ScheduledTimer | undefined {
    return [...this.scheduled.values()].find(predicate);
  }

  fire(timer: ScheduledTimer): void {
    if (!timer.repeat) this.scheduled.delete(timer.id);
    timer.fn();
  }
}
