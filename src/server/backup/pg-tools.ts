/** Locates pg_dump/pg_restore: PATUH_PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin, else PATH. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

export function pgTool(name: "pg_dump" | "pg_restore", env: NodeJS.ProcessEnv): string {
  const explicit = env.PATUH_PG_BIN;
  if (explicit) return join(explicit, name);
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, "bin", name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], "bin", name);
  }
  return name;
}
