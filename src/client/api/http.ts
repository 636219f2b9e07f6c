// The one place the UI talks HTTP to the central endpoint (protocol.md). Screens never call fetch:
// they call small modules like session-api, which call this.
//
// Every failure becomes an ApiError with a code: the server's snake_case code when it sent one
// ({"error": {"code", "message"}}), "network" when the request never got an answer (offline, DNS,
// timeout), or a code derived from the status. The UI maps codes to words (i18n), never shows raw
// server text.

/** Patience for one request; in a building with one bar of signal a hung request must not hang the UI. */
const REQUEST_TIMEOUT_MS = 20_000;

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const NETWORK_ERROR = "network";

function codeForStatus(status: number): string {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "http_error";
}

async function readError(response: Response): Promise<ApiError> {
  let code = codeForStatus(response.status);
  let message = `HTTP ${response.status}`;
  try {
    const body: unknown = await response.json();
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof error?.code === "string") code = error.code;
    if (typeof error?.message === "string") message = error.message;
  } catch {
    // not JSON (a proxy's error page): the status-derived code stands
  }
  return new ApiError(code, response.status, message);
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON body; undefined for 204 or an empty body. */
  body: unknown;
}

/** Sends a request to /api/v1{path}. Resolves for 2xx, rejects with ApiError otherwise. */
export async function apiRequest(method: string, path: string, json?: unknown): Promise<ApiResponse> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const init: RequestInit = { method, headers, credentials: "same-origin", cache: "no-store" };
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new ApiError(NETWORK_ERROR, 0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await readError(response);
  const text = await response.text();
  let body: unknown;
  if (text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError("bad_response", response.status, "response is not JSON");
    }
  }
  return { status: response.status, body };
}
