// A fetch for Node tests that behaves like a browser tab towards one origin: it keeps the cookies
// the server sets (the session cookie) and sends them back, and it sends requests for the app's
// fixed test origin to wherever the server currently listens (it may restart on another port).
import type { FetchLike } from "../../../../src/client/sync/transport";

/** The origin the engines are configured with; rewritten to the live server by deviceFetch. */
export const APP_ORIGIN = "http://patuh.test";

export interface CookieFetch extends FetchLike {
  readonly cookies: Map<string, string>;
}

export function deviceFetch(serverUrl: () => string, base: FetchLike = (u, i) => fetch(u, i)): CookieFetch {
  const cookies = new Map<string, string>();
  const f = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = input.startsWith(APP_ORIGIN)
      ? serverUrl().replace(/\/+$/, "") + input.slice(APP_ORIGIN.length)
      : input;
    const headers = new Headers(init?.headers);
    if (cookies.size > 0) {
      headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const res = await base(url, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line) || value === "";
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  };
  return Object.assign(f, { cookies });
}
