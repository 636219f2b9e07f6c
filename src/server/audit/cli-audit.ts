/**
 * Audit rows for operator commands run from the CLI (issue #16): `patuh backup` and `patuh restore`.
 * There is no session: the actor is the fixed name CLI_ACTOR (no user id, no office, no address),
 * the user agent names the command. Invariant: writing the row never changes the command's outcome
 * or exit code — a database that cannot take the row is reported on stderr and the command's own
 * result stands.
 */
import type { Config } from "../config";
import type { Db } from "../db/connection";
import { openConfiguredDatabase } from "../db/open";
import { type AuditDetailValue, type AuditOutcome, writeAudit } from "./audit-log";

export const CLI_ACTOR = "system:cli";

export interface CliAuditEntry {
  action: string;
  outcome: AuditOutcome;
  detail?: Record<string, AuditDetailValue>;
}

export async function writeCliAudit(db: Db, entry: CliAuditEntry): Promise<void> {
  await writeAudit(db, {
    at: new Date(),
    actorId: null,
    actorUsername: CLI_ACTOR,
    action: entry.action,
    outcome: entry.outcome,
    userAgent: `patuh ${entry.action.replace(/^backup\./, "")}`,
    ...(entry.detail ? { detail: entry.detail } : {}),
  });
}

/** Opens the configured database just for the row (restore closed its own); errors go to `warn`. */
export async function writeCliAuditFresh(
  config: Config,
  entry: CliAuditEntry,
  warn: (message: string) => void,
): Promise<void> {
  try {
    const handle = await openConfiguredDatabase(config);
    try {
      await writeCliAudit(handle.db, entry);
    } finally {
      await handle.close();
    }
  } catch (e) {
    warn(
      `patuh: the audit row of ${entry.action} was not written: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
