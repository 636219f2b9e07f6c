// Single-flight runner: at most one sync run at a time in this tab.
//
// Invariant kept: a call while a run is in flight never starts a second concurrent run. It gets a
// promise for ONE follow-up run that starts when the current one ends (edits made during a run must
// not wait for the next trigger), and every caller during the same run shares that follow-up.

export class SingleFlight<T> {
  private current: Promise<T> | null = null;
  private followUp: Promise<T> | null = null;

  constructor(private readonly task: () => Promise<T>) {}

  get running(): boolean {
    return this.current !== null;
  }

  run(): Promise<T> {
    // The follow-up is checked first: between the end of a run and the start of its follow-up there
    // is a moment with no current run, and a call then must join the follow-up, not race it.
    if (this.followUp) return this.followUp;
    if (!this.current) return this.start();
    const after = this.current.then(
      () => undefined,
      () => undefined,
    );
    const followUp = after.then(() => {
      this.followUp = null;
      return this.start();
    });
    this.followUp = followUp;
    return followUp;
  }

  private start(): Promise<T> {
    // Started on a microtask so that `current` is set before the task can possibly settle.
    const p: Promise<T> = Promise.resolve()
      .then(() => this.task())
      .finally(() => {
        if (this.current === p) this.current = null;
      });
    this.current = p;
    return p;
  }
}
