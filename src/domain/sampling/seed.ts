// Seeds for reproducible sampling. The domain is pure, so the caller supplies the randomness
// (crypto.getRandomValues in the browser, crypto.randomBytes on the server).

const MIN_BYTES = 8;

/**
 * A fresh seed: the bytes as lower-case hex (16 bytes → 32 characters). Any non-empty string is a
 * valid seed for drawSample; this is only the default way to mint one. Fewer than 8 bytes would
 * make collisions between a year's plans likely, so that is a programming error.
 */
export function newSeed(randomBytes: Uint8Array): string {
  if (randomBytes.length < MIN_BYTES) {
    throw new RangeError(`newSeed: needs at least ${MIN_BYTES} random bytes, got ${randomBytes.length}`);
  }
  let out = "";
  for (const byte of randomBytes) out += byte.toString(16).padStart(2, "0");
  return out;
}
