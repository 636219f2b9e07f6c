// The second factor's endpoints (docs/api.md § Second factor), as functions. The login step's
// challenge travels in an HttpOnly cookie the page never sees; nothing here stores a code.
import * as v from "valibot";
import { ApiError, apiRequest } from "../api/http";
import { parseSessionBody, type User } from "./user";

const Status = v.object({
  available: v.boolean(),
  enabled: v.boolean(),
  enabledAt: v.nullable(v.string()),
  recoveryCodesLeft: v.number(),
});
const Enrolment = v.object({
  secret: v.string(),
  secretGrouped: v.string(),
  otpauthUri: v.string(),
  qrSvg: v.string(),
});
const Codes = v.object({ recoveryCodes: v.array(v.string()) });

export type SecondFactorStatus = v.InferOutput<typeof Status>;
export type SecondFactorEnrolment = v.InferOutput<typeof Enrolment>;

function read<S extends v.GenericSchema>(schema: S, body: unknown, status: number): v.InferOutput<S> {
  const r = v.safeParse(schema, body);
  if (!r.success) throw new ApiError("bad_response", status, "unexpected second-factor response");
  return r.output;
}

/** The login's second step: a TOTP or recovery code for the pending challenge. */
export async function postSecondFactor(code: string): Promise<User> {
  const { status, body } = await apiRequest("POST", "/session/second-factor", { code });
  const user = parseSessionBody(body);
  if (!user) throw new ApiError("bad_response", status, "session response without a valid user");
  return user;
}

export async function getSecondFactorStatus(): Promise<SecondFactorStatus> {
  const { status, body } = await apiRequest("GET", "/account/second-factor");
  return read(Status, body, status);
}

export async function startEnrolment(): Promise<SecondFactorEnrolment> {
  const { status, body } = await apiRequest("POST", "/account/second-factor/enrolment");
  return read(Enrolment, body, status);
}

export async function confirmEnrolment(code: string): Promise<string[]> {
  const { status, body } = await apiRequest("POST", "/account/second-factor/confirm", { code });
  return read(Codes, body, status).recoveryCodes;
}

export async function disableSecondFactor(code: string): Promise<void> {
  await apiRequest("POST", "/account/second-factor/disable", { code });
}
