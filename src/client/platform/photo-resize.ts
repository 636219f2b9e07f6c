// The resize itself, shared by the worker and the main-thread fallback: at most MAX_PHOTO_EDGE_PX on
// the long edge, re-encoded as JPEG. Re-encoding always (even small photos) drops EXIF, including the
// camera's own GPS block, so a photo never carries more than the assessor chose to attach (photo.ts
// puts back one field: when the photo was taken, which the server checks).

export const MAX_PHOTO_EDGE_PX = 1600;
export const PHOTO_JPEG_QUALITY = 0.85;

export interface ResizedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** OffscreenCanvas path: works in a worker and on the main thread where OffscreenCanvas exists. */
export async function resizeWithOffscreen(source: Blob): Promise<ResizedPhoto> {
  const bitmap = await createImageBitmap(source);
  try {
    const size = fitWithin(bitmap.width, bitmap.height, MAX_PHOTO_EDGE_PX);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d context");
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: PHOTO_JPEG_QUALITY });
    return { blob, ...size };
  } finally {
    bitmap.close();
  }
}
