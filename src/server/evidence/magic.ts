/**
 * Magic-number check of evidence uploads: the bytes must be what the Content-Type says.
 * Owns the accepted media types; keeps "a PNG declared as JPEG is refused" (415).
 */
import type { EvidenceMime } from "../../domain/sync/protocol";

export const EVIDENCE_MIME_TYPES: readonly EvidenceMime[] = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "application/pdf",
];

export function isEvidenceMime(value: string): value is EvidenceMime {
  return (EVIDENCE_MIME_TYPES as readonly string[]).includes(value);
}

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return bytes.every((b, i) => head[offset + i] === b);
}

/** Do the first bytes of a file match its declared type? */
export function magicMatches(mime: EvidenceMime, head: Uint8Array): boolean {
  switch (mime) {
    case "image/jpeg":
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case "image/png":
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "image/webp":
      return startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8);
    case "application/pdf":
      return startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d]);
  }
}

/** "image/jpeg; charset=x" → "image/jpeg" (parameters are irrelevant for these types). */
export function baseMime(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
