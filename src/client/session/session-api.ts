// protocol.md § Sessions, as functions. The cookie does the authentication; nothing here stores it.
import { ApiError, apiRequest } from "../api/http";
import { parseSessionBody, type User } from "./user";

function userFrom(body: unknown, status: number): User {
  const user = parseSessionBody(body);
  if (!user) throw new ApiError("bad_response", status, "session response without a valid user");
  return user;
}

export async function postSession(username: string, password: string): Promise<User> {
  const { status, body } = await apiRequest("POST", "/session", { username, password });
  return userFrom(body, status);
}

/** The login's second step (docs/api.md § Second factor): a TOTP or recovery code for the pending
 * challenge, whose cookie the page never sees. */
export async function postSecondFactor(code: string): Promise<User> {
  const { status, body } = await apiRequest("POST", "/session/second-factor", { code });
  return userFrom(body, status);
}

/** The current user, or undefined when the server says 401 (not logged in / session expired). */
export async function getSession(): Promise<User | undefined> {
  try {
    const { status, body } = await apiRequest("GET", "/session");
    return userFrom(body, status);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return undefined;
    throw error;
  }
}

export async function deleteSession(): Promise<void> {
  await apiRequest("DELETE", "/session");
}
