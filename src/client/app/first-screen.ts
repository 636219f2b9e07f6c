// "The first screen shows its data": start-up work that can wait (loading the sync engine's code)
// waits for it, so it does not compete with the reads and the render the assessor is waiting for.
// Without a first screen that reports (a staff screen, an error) the wait ends after a timeout.

let shown = false;
const waiting: (() => void)[] = [];

/** Called by a screen once its data is on the screen (home, checklist); later calls do nothing. */
export function firstScreenShown(): void {
  if (shown) return;
  shown = true;
  for (const resume of waiting.splice(0)) resume();
}

/** Resolves once the first screen has shown its data, or after `timeoutMs`. */
export function whenFirstScreenShown(timeoutMs: number): Promise<void> {
  if (shown) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    waiting.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
