/**
 * The one catalogue of API error codes: status and default English message for each.
 * Handlers `throw problem("code", details?)`; the app's onError renders
 * `{"error": {"code", "message", "details"}}`. The client maps codes to Indonesian text, so a code,
 * once shipped, keeps its meaning.
 */
export const PROBLEMS = {
  invalid_json: { status: 400, message: "The request body is not valid JSON." },
  invalid_body: { status: 400, message: "The request body does not have the expected shape." },
  unknown_field: { status: 400, message: "The request body contains a field this endpoint does not accept." },
  invalid_query: { status: 400, message: "A query parameter is missing or invalid." },
  hash_mismatch: { status: 400, message: "The uploaded bytes do not match the SHA-256 in the URL." },
  not_editable: { status: 400, message: "The assessment cannot be edited in its current status." },
  incomplete: { status: 400, message: "The assessment is not complete." },
  unauthenticated: { status: 401, message: "Not logged in, or the session has expired." },
  invalid_credentials: { status: 401, message: "Wrong username or password." },
  forbidden: { status: 403, message: "You are not allowed to do this." },
  client_mismatch: { status: 403, message: "This client id belongs to another user." },
  not_found: { status: 404, message: "Not found." },
  method_not_allowed: { status: 405, message: "This method is not allowed on this resource." },
  mutation_gap: { status: 409, message: "Mutations are missing before this one." },
  stale_revision: { status: 409, message: "The assessment has changed since you loaded it." },
  not_submitted: { status: 409, message: "Only a submitted assessment can be reviewed." },
  conflict: { status: 409, message: "The request conflicts with the current state." },
  upload_offset_mismatch: {
    status: 409,
    message: "The upload does not continue where the server's copy ends; resume from details.offset.",
  },
  payload_too_large: { status: 413, message: "The request body is too large." },
  unsupported_media_type: { status: 415, message: "Unsupported content type." },
  rate_limited: { status: 429, message: "Too many attempts. Try again later." },
  internal_error: { status: 500, message: "Internal server error." },
  range_not_satisfiable: { status: 416, message: "The requested byte range is outside the file." },
  evidence_store_unavailable: {
    status: 503,
    message: "The evidence store cannot be reached; the photo stays on the device and is sent again later.",
  },
  not_ready: { status: 503, message: "The server is not ready: a dependency cannot be reached." },
  // Hardening (issue #16).
  invalid_text: {
    status: 400,
    message: "A text field contains a NUL character or an unpaired surrogate (details.path names it).",
  },
  value_out_of_range: { status: 400, message: "A value is out of the range this server can store." },
  quota_exceeded: {
    status: 507,
    message: "The evidence storage quota is used up; ask an admin, or remove unused photos.",
  },
  insufficient_storage: {
    status: 507,
    message: "The server's disk is nearly full; nothing was stored. Try again later.",
  },
  // The optional second factor of staff accounts (issue #16, src/server/auth/second-factor.ts).
  second_factor_required: {
    status: 401,
    message: "The password is right; this account also needs a code from its authenticator app.",
  },
  second_factor_invalid: { status: 401, message: "The code is wrong or was already used." },
  second_factor_expired: {
    status: 401,
    message: "The login step has expired or was not started; log in with the password again.",
  },
  second_factor_code_wrong: { status: 400, message: "The code is wrong or was already used." },
  second_factor_enabled: { status: 409, message: "The second factor is already on for this account." },
  second_factor_not_enrolled: {
    status: 409,
    message: "This account has no second factor (or no enrolment was started).",
  },
  // Administration (src/server/admin).
  invalid_instrument: { status: 400, message: "The instrument file is not valid." },
  invalid_scheme: { status: 400, message: "The banding scheme is not valid." },
  invalid_reference: { status: 400, message: "The request refers to something that does not exist." },
  already_exists: { status: 409, message: "Something with this id already exists." },
  instrument_in_use: { status: 409, message: "This instrument version is used and cannot change." },
  scheme_immutable: { status: 409, message: "This banding scheme is built in or used and cannot change." },
  self_lockout: { status: 409, message: "You cannot deactivate yourself or remove your own admin role." },
  period_closed: { status: 409, message: "The period is closed; its results are final." },
  period_exists: {
    status: 409,
    message: "This office already has a period with this year and name.",
  },
  period_has_assessments: {
    status: 409,
    message: "The period already has assessments; its instrument and scheme cannot change.",
  },
  // Planning (issue #7). period_closed (above) is shared: a closed period's plan cannot change either.
  invalid_sample: { status: 400, message: "The sample request does not fit the pemda's units." },
  invalid_team: { status: 400, message: "A team member is not an active assessor of the period's office." },
  sample_not_drawn: { status: 409, message: "Draw the pemda's sample before editing it." },
  assignment_has_assessment: {
    status: 409,
    message: "The assignment already has an assessment; remove team members instead.",
  },
  // The supervisor's desk (issue #20).
  not_approved: { status: 409, message: "Only an approved assessment can have its approval undone." },
  /** Also the push rejection code for edits by an assessor taken off the assignment's team. */
  assignment_removed: {
    status: 409,
    message: "You were removed from this assignment; the server no longer accepts your edits to it.",
  },
  // National rounds and history (issue #19).
  round_not_final: {
    status: 409,
    message: "The round is not final: every joined period must be closed before publication.",
  },
  round_published: { status: 409, message: "The round is published; no period can join it any more." },
  period_in_round: { status: 409, message: "The office or period already belongs to a round." },
  round_mismatch: {
    status: 409,
    message: "The period's year, instrument version or banding scheme differs from the round's.",
  },
  invalid_history_file: { status: 400, message: "The history file cannot be read as a table." },
  // Master data (issue #17): the report, with every problem and its cell, is the details.
  import_invalid: { status: 422, message: "The file has problems; nothing was written." },
  // Evidence archives (issues #20, #22): a ZIP without ZIP64 stays under 4 GiB.
  archive_too_large: {
    status: 422,
    message: "This archive would exceed 4 GiB; download the evidence per pemda instead.",
  },
  // Rapor letterhead (issue #20): details.reason says which check the logo failed.
  invalid_image: { status: 400, message: "The image is not a readable PNG or JPEG of an accepted size." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ProblemCode = keyof typeof PROBLEMS;
export type ProblemDetails = Record<string, unknown>;

export class Problem extends Error {
  override name = "Problem";
  readonly code: ProblemCode;
  readonly status: number;
  readonly details: ProblemDetails | undefined;
  /** Extra response headers (e.g. Allow, Retry-After). */
  readonly headers: Record<string, string>;

  constructor(
    code: ProblemCode,
    details?: ProblemDetails,
    message?: string,
    headers?: Record<string, string>,
  ) {
    super(message ?? PROBLEMS[code].message);
    this.code = code;
    this.status = PROBLEMS[code].status;
    this.details = details;
    this.headers = headers ?? {};
  }
}

export function problem(
  code: ProblemCode,
  details?: ProblemDetails,
  opts: { message?: string; headers?: Record<string, string> } = {},
): Problem {
  return new Problem(code, details, opts.message, opts.headers);
}

export interface ProblemBody {
  error: { code: ProblemCode; message: string; details?: ProblemDetails };
}

export function problemBody(p: Problem): ProblemBody {
  return {
    error: { code: p.code, message: p.message, ...(p.details === undefined ? {} : { details: p.details }) },
  };
}

export function problemResponse(p: Problem): Response {
  return new Response(JSON.stringify(problemBody(p)), {
    status: p.status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...p.headers },
  });
}
