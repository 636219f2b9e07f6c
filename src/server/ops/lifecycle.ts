/**
 * The process's lifecycle state for graceful shutdown: once draining, /readyz answers 503 so the
 * proxy stops routing new requests here, while requests in flight finish.
 */
let draining = false;

export function startDraining(): void {
  draining = true;
}

export function isDraining(): boolean {
  return draining;
}
