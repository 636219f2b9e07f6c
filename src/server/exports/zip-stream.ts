/**
 * The streaming zip writer the archive exports (evidence.zip, .xlsx) sit on: an fflate `Zip`
 * whose chunks are enqueued into a byte stream as they are produced. Owns nothing persistent.
 * Invariants: the stream errors exactly once — with the zip's own error, or else with whatever
 * `write` throws — and closes only after the zip's final chunk. Memory stays bounded by the
 * reader: `drained()` resolves only once the queue is under HIGH_WATER bytes, so a writer that
 * awaits it between chunks never runs ahead of a slow download (a writer that never awaits it
 * queues everything, which is fine for the small XLSX parts).
 * Limit: fflate writes no ZIP64, so an archive must stay under 4 GiB (callers check the total).
 */
import { Zip } from "fflate";

/** Bytes queued for the reader before the writer waits. */
const HIGH_WATER = 1024 * 1024;

/** Archives stay below this: the ZIP format without ZIP64 counts offsets in 32 bits. */
export const ZIP32_MAX_BYTES = 0xffff_ffff - 64 * 1024 * 1024;

/** A byte stream of the archive whose entries `write` adds; the archive is ended when it resolves. */
export function zipStream(
  write: (zip: Zip, drained: () => Promise<void>) => Promise<void>,
): ReadableStream<Uint8Array> {
  let wake: (() => void) | null = null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        let failed = false;
        const zip = new Zip((err, chunk, final) => {
          if (failed || cancelled) return;
          if (err) {
            failed = true;
            controller.error(err);
            return;
          }
          controller.enqueue(chunk);
          if (final) controller.close();
        });
        const drained = async () => {
          while (!cancelled && (controller.desiredSize ?? 1) <= 0) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
          }
          if (cancelled) throw new Error("the download was cancelled");
        };
        // Not awaited: start() must return for pull() to run, which is what wakes `drained`.
        void write(zip, drained).then(
          () => {
            if (!cancelled && !failed) zip.end();
          },
          (err: unknown) => {
            if (!failed && !cancelled) {
              failed = true;
              controller.error(err);
            }
          },
        );
      },
      pull() {
        const w = wake;
        wake = null;
        w?.();
      },
      cancel() {
        cancelled = true;
        const w = wake;
        wake = null;
        w?.();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER }),
  );
}
