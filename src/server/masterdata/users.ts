/**
 * Users import: rows `username,nama,peran` for one office. New usernames become accounts with a
 * generated one-time password, returned once to the importing admin (never logged, never stored
 * in clear); known usernames of the office get their name and role updated; a username of
 * another office is an error (usernames are unique across offices, and another office's
 * accounts are not this admin's to change). Passwords of existing accounts never change.
 */
import { sql } from "kysely";
import { generatePassword, hashPassword } from "../auth/password";
import type { Db } from "../db/connection";
import type { Role } from "../db/types";
import { problem } from "../http/problems";
import { cellProblem, cellText, type MappedSheet, type SheetProblem } from "../spreadsheet";
import type { UserKey } from "./columns";
import type { HistoryEntry } from "./history";
import type { Credential, Planned } from "./report";

export interface UserValue {
  username: string;
  name: string;
  role: Role;
}

const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;
const ROLE_WORDS: Record<string, Role> = {
  assessor: "assessor",
  penilai: "assessor",
  asesor: "assessor",
  asisten: "assessor",
  supervisor: "supervisor",
  pengawas: "supervisor",
  penyelia: "supervisor",
  admin: "admin",
  administrator: "admin",
};

export function parseRole(word: string): Role | null {
  return ROLE_WORDS[word.trim().toLowerCase()] ?? null;
}

export async function planUsers(
  db: Db,
  officeId: string,
  actorId: string | null,
  mapped: MappedSheet<UserKey>,
): Promise<{ problems: SheetProblem[]; items: Planned<UserValue>[] }> {
  const problems: SheetProblem[] = [];
  const items: Planned<UserValue>[] = [];
  const names = mapped.rows.map((r) => cellText(r.values.username).toLowerCase()).filter((u) => u !== "");
  const existing = new Map(
    (names.length === 0
      ? []
      : await db
          .selectFrom("users")
          .select(["id", "username", "name", "role", "office_id"])
          .where(sql<string>`lower(username)`, "in", names)
          .execute()
    ).map((r) => [r.username.toLowerCase(), r]),
  );
  const seen = new Map<string, number>();
  for (const row of mapped.rows) {
    const p = (
      key: UserKey,
      code: SheetProblem["code"],
      message: string,
      params?: Record<string, string | number>,
    ) => problems.push(cellProblem(mapped, row, key, code, message, params));
    const username = cellText(row.values.username);
    const name = cellText(row.values.name).replace(/\s+/g, " ");
    const roleText = cellText(row.values.role);
    const role = roleText === "" ? null : parseRole(roleText);
    const before = problems.length;
    if (username === "") p("username", "required", "username is empty");
    else if (!USERNAME.test(username)) {
      p("username", "invalid_value", "username is 1–64 letters, digits, '.', '_' or '-'", {
        value: username,
      });
    }
    if (name === "") p("name", "required", "nama is empty");
    else if (name.length > 200) p("name", "invalid_value", "nama is longer than 200");
    if (roleText === "") p("role", "required", "peran is empty");
    else if (!role)
      p("role", "invalid_value", `peran "${roleText}" is not assessor, supervisor or admin`, {
        value: roleText,
      });
    if (problems.length > before || !role) continue;
    const lower = username.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined) {
      p("username", "duplicate", `username ${username} is already on row ${first}`, {
        value: username,
        firstRow: first,
      });
      continue;
    }
    seen.set(lower, row.row);
    const old = existing.get(lower);
    if (old && old.office_id !== officeId) {
      p("username", "duplicate", `username ${username} is taken by an account of another office`, {
        value: username,
      });
      continue;
    }
    if (old && old.id === actorId && old.role === "admin" && role !== "admin") {
      p("role", "invalid_value", "you cannot remove your own admin role", { value: roleText });
      continue;
    }
    const fields = old
      ? (["name", "role"] as const).filter((f) => old[f] !== (f === "name" ? name : role))
      : [];
    items.push({
      sheet: row.sheet,
      row: row.row,
      key: old?.username ?? username,
      action: !old ? "create" : fields.length > 0 ? "update" : "unchanged",
      fields: [...fields],
      value: { username: old?.username ?? username, name, role },
      ...(old ? { id: old.id, before: { username: old.username, name: old.name, role: old.role } } : {}),
    });
  }
  return { problems, items };
}

/** Hashes the new accounts' passwords (slow: call before the write transaction). */
export async function passwordsFor(
  items: readonly Planned<UserValue>[],
): Promise<Map<string, { password: string; hash: string }>> {
  const out = new Map<string, { password: string; hash: string }>();
  for (const i of items) {
    if (i.action !== "create") continue;
    const password = generatePassword();
    out.set(i.value.username, { password, hash: await hashPassword(password) });
  }
  return out;
}

export async function applyUsers(
  db: Db,
  officeId: string,
  items: readonly Planned<UserValue>[],
  passwords: ReadonlyMap<string, { password: string; hash: string }>,
): Promise<{ history: HistoryEntry[]; credentials: Credential[] }> {
  const history: HistoryEntry[] = [];
  const credentials: Credential[] = [];
  for (const i of items) {
    if (i.action === "create") {
      const secret = passwords.get(i.value.username);
      // The account appeared between the two plans (a concurrent import): nothing is written.
      if (!secret) throw problem("conflict", { username: i.value.username });
      const row = await db
        .insertInto("users")
        .values({ ...i.value, office_id: officeId, password_hash: secret.hash })
        .returning("id")
        .executeTakeFirstOrThrow();
      credentials.push({ ...i.value, password: secret.password });
      history.push({ entity: "user", entityId: row.id, action: "create", before: null, after: i.value });
    } else if (i.action === "update" && i.id) {
      await db
        .updateTable("users")
        .set({ name: i.value.name, role: i.value.role })
        .where("id", "=", i.id)
        .execute();
      history.push({ entity: "user", entityId: i.id, action: "update", before: i.before, after: i.value });
    }
  }
  return { history, credentials };
}
