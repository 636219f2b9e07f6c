// The admin's calls for an office's rapor letterhead (docs/api-review.md "Letterhead"): read, set
// the text, upload or remove the logo. Errors come back as ApiError with the server's code.

import { ApiError } from "./http";
import type { Letterhead } from "./review-api";

async function call(method: string, path: string, body?: BodyInit, type?: string): Promise<Letterhead> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/offices/${path}`, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json", ...(type ? { "Content-Type": type } : {}) },
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new ApiError("network", 0, error instanceof Error ? error.message : String(error));
  }
  const json = (await response.json().catch(() => ({}))) as {
    letterhead?: Letterhead;
    error?: { code?: string; message?: string };
  };
  if (!response.ok || json.letterhead === undefined)
    throw new ApiError(json.error?.code ?? "bad_response", response.status, json.error?.message ?? "");
  return json.letterhead;
}

const office = (id: string) => encodeURIComponent(id);

export const letterheadApi = {
  get: (id: string) => call("GET", `${office(id)}/letterhead`),
  setText: (id: string, text: { lines: string[]; address: string }) =>
    call("PUT", `${office(id)}/letterhead`, JSON.stringify(text), "application/json"),
  setLogo: (id: string, file: File) => call("PUT", `${office(id)}/letterhead/logo`, file, file.type),
  removeLogo: (id: string) => call("DELETE", `${office(id)}/letterhead/logo`),
};
