/** Headers every response carries (API, static, errors): protocol version and security policy. */
export const PROTOCOL_HEADER = "X-Patuh-Protocol";
export const PROTOCOL_VERSION_VALUE = "1";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  // blob: lets the page read back files it made itself (the unsent-work file it offers for
  // download); it opens no channel to any other origin.
  "connect-src 'self' blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  [PROTOCOL_HEADER]: PROTOCOL_VERSION_VALUE,
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(self), geolocation=(self), microphone=()",
};

/**
 * Returns a copy of the response carrying the common headers. Always a new Response: @hono/node-server
 * writes its lightweight responses from the init they were built with, so mutating `res.headers`
 * afterwards would be silently lost on the wire.
 */
export function withCommonHeaders(res: Response, extra: Readonly<Record<string, string>> = {}): Response {
  const headers = new Headers(res.headers);
  // A route may set a stricter policy of its own (evidence downloads are sandboxed): keep it.
  const ownPolicy = res.headers.get("Content-Security-Policy");
  for (const [k, val] of Object.entries(COMMON_HEADERS)) headers.set(k, val);
  if (ownPolicy !== null) headers.set("Content-Security-Policy", ownPolicy);
  for (const [k, val] of Object.entries(extra)) headers.set(k, val);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
