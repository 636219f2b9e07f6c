// Web Worker: resizes one photo per message off the main thread, so a 12-megapixel camera photo
// never freezes the checklist on a cheap phone. Answers { ok, blob, width, height } or { ok: false }.
import { resizeWithOffscreen } from "./photo-resize";

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ id: number; file: Blob }>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, file } = event.data;
  resizeWithOffscreen(file).then(
    (photo) => scope.postMessage({ id, ok: true, ...photo }),
    (error: unknown) => scope.postMessage({ id, ok: false, error: String(error) }),
  );
};
