// Evidence photos from the camera or gallery: resized to ≤ 1600 px JPEG in a Web Worker
// (OffscreenCanvas + createImageBitmap) where the browser has them, on the main thread otherwise
// (older Safari): a canvas is slower there but still works offline.
import {
  type CaptureTime,
  readCaptureTime,
  withCaptureTime,
  withDeviceOffset,
} from "../../domain/evidence/exif-time";
import {
  fitWithin,
  MAX_PHOTO_EDGE_PX,
  PHOTO_JPEG_QUALITY,
  type ResizedPhoto,
  resizeWithOffscreen,
} from "./photo-resize";

export type { ResizedPhoto };

type Reply = ({ ok: true } & ResizedPhoto) | { ok: false; error: string };

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, (reply: Reply) => void>();

function canUseWorker(): boolean {
  return (
    typeof Worker !== "undefined" &&
    typeof OffscreenCanvas !== "undefined" &&
    typeof createImageBitmap === "function"
  );
}

function photoWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL("./photo-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<Reply & { id: number }>) => {
      const done = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      done?.(event.data);
    };
    worker.onerror = () => {
      // A broken worker (e.g. blocked by policy) must not strand photos: fail them, fall back later.
      for (const done of waiting.values()) done({ ok: false, error: "worker failed" });
      waiting.clear();
      worker?.terminate();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

function resizeInWorker(target: Worker, file: Blob): Promise<Reply> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    target.postMessage({ id, file });
  });
}

async function resizeOnMainThread(file: Blob): Promise<ResizedPhoto> {
  if (typeof OffscreenCanvas !== "undefined" && typeof createImageBitmap === "function") {
    return resizeWithOffscreen(file);
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const size = fitWithin(image.naturalWidth, image.naturalHeight, MAX_PHOTO_EDGE_PX);
    const canvas = document.createElement("canvas");
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext("2d")?.drawImage(image, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, "image/jpeg", PHOTO_JPEG_QUALITY),
    );
    if (!blob) throw new Error("canvas.toBlob gave nothing");
    return { blob, ...size };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The photo as it will be stored and uploaded: JPEG, long edge ≤ 1600 px. Rejects if unreadable. */
export async function preparePhoto(file: Blob): Promise<ResizedPhoto> {
  const [resized, taken] = await Promise.all([resize(file), cameraTime(file)]);
  if (!taken) return resized;
  // Re-encoding dropped the camera's EXIF (its GPS too, on purpose): put back only when the photo
  // was taken, so the server can check it against the time the photo is attached (issue #16).
  // A camera that wrote no zone wrote this phone's wall-clock time: record this phone's zone with
  // it, so the server reads the true instant (not its WIB guess) in WITA and WIT offices too.
  const zoned = withDeviceOffset(taken, -new Date(taken.local).getTimezoneOffset());
  const bytes = withCaptureTime(new Uint8Array(await resized.blob.arrayBuffer()), zoned);
  return { ...resized, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }) };
}

async function resize(file: Blob): Promise<ResizedPhoto> {
  const target = canUseWorker() ? photoWorker() : null;
  if (target) {
    const reply = await resizeInWorker(target, file);
    if (reply.ok) return { blob: reply.blob, width: reply.width, height: reply.height };
  }
  return resizeOnMainThread(file);
}

/** The original's capture time from its EXIF (in the file's first 256 KiB, where cameras put it). */
async function cameraTime(file: Blob): Promise<CaptureTime | null> {
  try {
    return readCaptureTime(new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer()));
  } catch {
    return null;
  }
}
