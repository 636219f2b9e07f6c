// The account's second-factor endpoints (docs/api.md § Second factor), as functions: status,
// enrolment, disabling. The login's own step (postSecondFactor) is in session-api.ts, which is on
// every route's first download and so carries no valibot. Nothing here stores a code.
import { ApiError, apiRequest } from "../api/http";

// Checked by hand rather than with valibot: the account card is drawn by the home, whose first
// download carries no valibot (user.ts says why).
export interface SecondFactorStatus {
  available: boolean;
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
}
export interface SecondFactorEnrolment {
  secret: string;
  secretGrouped: string;
  otpauthUri: string;
  qrSvg: string;
}

type Fields = Record<string, unknown>;
const isObject = (body: unknown): body is Fields => typeof body === "object" && body !== null;

function read<T>(ok: (body: Fields) => boolean, body: unknown, status: number): T {
  if (!isObject(body) || !ok(body))
    throw new ApiError("bad_response", status, "unexpected second-factor response");
  return body as T;
}

const isStatus = (b: Fields) =>
  typeof b.available === "boolean" &&
  typeof b.enabled === "boolean" &&
  (b.enabledAt === null || typeof b.enabledAt === "string") &&
  typeof b.recoveryCodesLeft === "number";
const isEnrolment = (b: Fields) =>
  ["secret", "secretGrouped", "otpauthUri", "qrSvg"].every((key) => typeof b[key] === "string");
const isCodes = (b: Fields) =>
  Array.isArray(b.recoveryCodes) && b.recoveryCodes.every((code) => typeof code === "string");

export async function getSecondFactorStatus(): Promise<SecondFactorStatus> {
  const { status, body } = await apiRequest("GET", "/account/second-factor");
  return read<SecondFactorStatus>(isStatus, body, status);
}

export async function startEnrolment(): Promise<SecondFactorEnrolment> {
  const { status, body } = await apiRequest("POST", "/account/second-factor/enrolment");
  return read<SecondFactorEnrolment>(isEnrolment, body, status);
}

export async function confirmEnrolment(code: string): Promise<string[]> {
  const { status, body } = await apiRequest("POST", "/account/second-factor/confirm", { code });
  return read<{ recoveryCodes: string[] }>(isCodes, body, status).recoveryCodes;
}

export async function disableSecondFactor(code: string): Promise<void> {
  await apiRequest("POST", "/account/second-factor/disable", { code });
}
