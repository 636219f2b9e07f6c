/**
 * The streaming zip writer both archive exports (evidence.zip, .xlsx) sit on: an fflate `Zip`
 * whose chunks are enqueued into a byte stream as they are produced. Owns nothing persistent.
 * Invariant: the stream errors exactly once — with the zip's own error, or else with whatever
 * `write` throws — and closes only after the zip's final chunk.
 */
import { Zip } from "fflate";

/** A byte stream of the archive whose entries `write` adds; the archive is ended when it resolves. */
export function zipStream(write: (zip: Zip) => Promise<void>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let failed = false;
      const zip = new Zip((err, chunk, final) => {
        if (err) {
          failed = true;
          controller.error(err);
          return;
        }
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      try {
        await write(zip);
        zip.end();
      } catch (err) {
        if (!failed) controller.error(err);
      }
    },
  });
}
