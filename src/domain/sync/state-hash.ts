/**
 * A short fingerprint of an assessment state, the same on the server and on the device
 * (protocol 1.2 "replay" deltas, docs/api.md): the server sends the fingerprint of the state it
 * holds, the device compares it with the state it rebuilt by replaying its own acknowledged edits.
 *
 * Owns: the canonical text of a state (object keys sorted at every depth, array order kept,
 * `undefined` members dropped, as JSON.stringify drops them) and its hash.
 * Invariant: two states with the same JSON content have the same fingerprint whatever their key
 * order (a state read back from jsonb has its keys reordered). The hash is not cryptographic: it
 * guards against an accidental difference (a rebuilt state that is not the server's), not against
 * an attacker, who could send any state anyway. Two independent 53-bit lanes: an accidental
 * collision is out of reach. Pure: no DOM, no Node.
 */

/** JSON text with object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    // undefined / functions at the top: JSON.stringify gives undefined; a state never has them.
    return text === undefined ? "null" : text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined || typeof v === "function" ? "null" : canonicalJson(v))).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined || typeof v === "function") continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(",")}}`;
}

/** cyrb53 (public domain, bryc): a fast, well-mixed 53-bit string hash. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The fingerprint of a state: 28 hex digits. */
export function stateHash(state: unknown): string {
  const text = canonicalJson(state);
  return (
    cyrb53(text, 0).toString(16).padStart(14, "0") + cyrb53(text, 0x9e3779b9).toString(16).padStart(14, "0")
  );
}
