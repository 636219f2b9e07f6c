/** `migrate`, `seed demo` and `user add`: one-shot commands against the configured database. */
import { generatePassword, hashPassword } from "../auth/password";
import type { DbHandle } from "../db/connection";
import { migrate } from "../db/migrate";
import { openConfiguredDatabase } from "../db/open";
import { DataDirLockedError } from "../db/pglite-lock";
import { findOffice, insertOffice } from "../db/queries/offices";
import { findUserByUsername, insertUser } from "../db/queries/users";
import type { Role } from "../db/types";
import { DatabaseNotEmptyError, formatDemoCredentials, seedDemo } from "../demo/seed-demo";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseArgs } from "./cli-io";
import { loadConfigOrReport, type ServerCliIo } from "./server-io";

export async function withDb(io: ServerCliIo, fn: (h: DbHandle) => Promise<number>): Promise<number> {
  const config = loadConfigOrReport(io);
  if (config === null) return EXIT_USAGE;
  let handle: DbHandle;
  try {
    handle = await openConfiguredDatabase(config);
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    io.err(`patuh: ${e.message}`);
    return EXIT_INVALID;
  }
  try {
    await migrate(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

export async function migrateCommand(args: string[], io: ServerCliIo): Promise<number> {
  if (args.length > 0) {
    io.err("usage: patuh migrate");
    return EXIT_USAGE;
  }
  return withDb(io, async () => {
    io.out("patuh: database schema is up to date");
    return EXIT_OK;
  });
}

export async function seedCommand(args: string[], io: ServerCliIo): Promise<number> {
  if (args.length !== 1 || args[0] !== "demo") {
    io.err("usage: patuh seed demo");
    return EXIT_USAGE;
  }
  return withDb(io, async ({ db }) => {
    try {
      const result = await seedDemo(db, { password: io.env.PATUH_DEMO_PASSWORD });
      io.out(formatDemoCredentials(result));
      return EXIT_OK;
    } catch (e) {
      if (e instanceof DatabaseNotEmptyError) {
        io.err(`patuh: refusing to seed: ${e.message}`);
        return EXIT_INVALID;
      }
      throw e;
    }
  });
}

const ROLES: readonly Role[] = ["assessor", "supervisor", "admin"];
const USAGE_USER_ADD =
  "usage: patuh user add --username U --name N --role assessor|supervisor|admin --office OFFICE_ID [--office-name NAME] [--password-stdin]";

export async function userCommand(args: string[], io: ServerCliIo): Promise<number> {
  if (args[0] !== "add") {
    io.err(USAGE_USER_ADD);
    return EXIT_USAGE;
  }
  const parsed = parseArgs(
    args.slice(1),
    ["username", "name", "role", "office", "office-name"],
    ["password-stdin"],
  );
  if (!parsed.ok) {
    io.err(`patuh: ${parsed.message}\n${USAGE_USER_ADD}`);
    return EXIT_USAGE;
  }
  const username = parsed.options.get("username")?.trim() ?? "";
  const name = parsed.options.get("name")?.trim() ?? "";
  const role = parsed.options.get("role") ?? "";
  const office = parsed.options.get("office") ?? "";
  if (!username || !name || !office || parsed.positional.length > 0) {
    io.err(USAGE_USER_ADD);
    return EXIT_USAGE;
  }
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(username)) {
    io.err("patuh: --username may contain only letters, digits, '.', '_' and '-' (at most 64)");
    return EXIT_USAGE;
  }
  if (!(ROLES as readonly string[]).includes(role)) {
    io.err(`patuh: --role must be one of ${ROLES.join(", ")}`);
    return EXIT_USAGE;
  }
  let password: string;
  const generated = !parsed.flags.has("password-stdin");
  if (generated) {
    password = generatePassword();
  } else {
    password = (await io.readStdin()).replace(/\r?\n$/, "");
    if (password.length < 8) {
      io.err("patuh: the password read from stdin must be at least 8 characters");
      return EXIT_INVALID;
    }
  }
  const passwordHash = await hashPassword(password);
  return withDb(io, async ({ db }) => {
    // A fresh installation has no offices yet: the first `user add` for an office creates it.
    const user = await db.transaction().execute(async (trx) => {
      if (await findUserByUsername(trx, username)) return null;
      if (!(await findOffice(trx, office))) {
        await insertOffice(trx, { id: office, name: parsed.options.get("office-name") ?? office });
        io.out(`patuh: office "${office}" created`);
      }
      return insertUser(trx, {
        username,
        name,
        role: role as Role,
        office_id: office,
        password_hash: passwordHash,
      });
    });
    if (!user) {
      io.err(`patuh: a user named "${username}" already exists`);
      return EXIT_INVALID;
    }
    io.out(
      `patuh: user ${user.username} (${user.role}, office ${user.office_id}) created with id ${user.id}`,
    );
    if (generated) io.out(`patuh: generated password (shown only once): ${password}`);
    return EXIT_OK;
  });
}
