import { ApiError, NETWORK_ERROR } from "../api/http";
import type { MessageKey } from "../i18n/messages-id";

export interface LoginError {
  key: MessageKey;
  /** The code behind an unexpected error, shown so a support call can name it. */
  code: string;
}

/** Words for every way a login can fail (protocol.md error codes → dictionary keys). */
export function loginErrorFor(error: unknown): LoginError {
  const code = error instanceof ApiError ? error.code : "unknown";
  switch (code) {
    case "invalid_credentials":
      return { key: "errorInvalidCredentials", code };
    case "rate_limited":
      return { key: "errorRateLimited", code };
    case "second_factor_invalid":
      return { key: "sfErrWrongCode", code };
    case "second_factor_expired":
      return { key: "sfErrExpired", code };
    case NETWORK_ERROR:
      return { key: "errorNetwork", code };
  }
  // Fall back on the status when the server names the failure differently.
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 401) return { key: "errorInvalidCredentials", code };
  if (status === 429) return { key: "errorRateLimited", code };
  if (status >= 500) return { key: "errorServer", code };
  return { key: "errorUnexpected", code };
}
