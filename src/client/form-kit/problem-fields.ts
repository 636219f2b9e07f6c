// Server problem details → messages under the form's fields. Pure (no DOM, no Preact), so it is
// unit-tested and any form can use it. The server's error catalogue (src/server/http/problems.ts)
// puts the offending field in details.path and, for body validation, every issue in
// details.issues ({path, message}); a path's first segment ("products.2" → "products") names the
// field. Issues on fields the form does not show, and errors without a path, stay form-level.

export interface ServerProblem {
  code: string;
  path?: string | undefined;
  issues?: readonly { path: string; message: string }[] | undefined;
}

export interface FieldMessage {
  /** The field's name, or undefined for a form-level message. */
  field: string | undefined;
  /** The dictionary key of the message (formKitErr_<code>) and, for `invalid_body`, the server's words. */
  code: string;
  detail: string | undefined;
}

const head = (path: string) => path.replace(/^\$\.?/, "").split(/[.[]/)[0] ?? "";

/** One message per field (the first), plus form-level ones, in the order the server gave them. */
export function problemMessages(problem: ServerProblem, fields: readonly string[]): FieldMessage[] {
  const known = (path: string | undefined) => {
    if (path === undefined) return undefined;
    const f = head(path);
    return fields.includes(f) ? f : undefined;
  };
  const out: FieldMessage[] = [];
  const seen = new Set<string>();
  const push = (field: string | undefined, detail: string | undefined) => {
    if (field !== undefined) {
      if (seen.has(field)) return;
      seen.add(field);
    }
    out.push({ field, code: problem.code, detail });
  };
  const issues = problem.issues ?? [];
  if (issues.length > 0) {
    for (const issue of issues) push(known(issue.path), issue.message);
  } else {
    push(known(problem.path), undefined);
  }
  return out;
}

/** The message a field shows, by field name (the first one wins). */
export function byField(messages: readonly FieldMessage[]): Record<string, FieldMessage> {
  const out: Record<string, FieldMessage> = {};
  for (const m of messages) if (m.field !== undefined && out[m.field] === undefined) out[m.field] = m;
  return out;
}

/** Whether two form values differ (the dirty check): structural, order-sensitive for lists. */
export function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
