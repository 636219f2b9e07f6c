/**
 * Loads the demo (Kantor Perwakilan Kalimantan Barat): office, all pemda, banding schemes, the
 * default instrument, one open period, units and assignments for three pemda, four users.
 * Invariants: runs in ONE transaction and only into an empty database (checked inside that
 * transaction under an advisory lock, so two seeders cannot both pass the check); ids are derived
 * from names, so every demo database has the same ids (handy for tests and e2e).
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { BUILTIN_SCHEMES, DEFAULT_SCHEME_ID } from "../../domain/banding/builtin";
import { generatePassword, hashPassword } from "../auth/password";
import type { Db } from "../db/connection";
import { insertAssignment } from "../db/queries/assignments";
import { insertBandingScheme } from "../db/queries/banding-schemes";
import { isDatabaseEmpty } from "../db/queries/database-state";
import { insertInstrument } from "../db/queries/instruments";
import { insertOffice } from "../db/queries/offices";
import { insertPemda } from "../db/queries/pemda";
import { insertPeriod } from "../db/queries/periods";
import { insertUnits } from "../db/queries/units";
import { insertUser } from "../db/queries/users";
import type { Role } from "../db/types";
import { loadDefaultInstrument, loadKalbarDemo } from "./demo-data";

const SEED_LOCK_KEY = 0x7061747569;

export const DEMO_USERS: readonly { username: string; name: string; role: Role }[] = [
  { username: "admin", name: "Admin Pusat", role: "admin" },
  { username: "supervisor", name: "Siti Rahmawati", role: "supervisor" },
  { username: "penilai1", name: "Andi Pratama", role: "assessor" },
  { username: "penilai2", name: "Dewi Lestari", role: "assessor" },
];

/** Pemda that get units and assignments, and which assessor's team they belong to. */
const DEMO_TEAMS: readonly { pemdaCode: string; assessor: string }[] = [
  { pemdaCode: "6171", assessor: "penilai1" }, // Kota Pontianak
  { pemdaCode: "6172", assessor: "penilai2" }, // Kota Singkawang
  { pemdaCode: "6101", assessor: "penilai2" }, // Kabupaten Sambas
];

export const DEMO_PERIOD = { year: 2026, name: "Penilaian Kepatuhan 2026" } as const;

/** A stable UUID (v4 layout) derived from a name. */
export function demoId(name: string): string {
  const h = createHash("sha256").update(`patuh-demo:${name}`).digest("hex");
  const variant = ((Number.parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class DatabaseNotEmptyError extends Error {
  override name = "DatabaseNotEmptyError";
  constructor() {
    super("the database already holds data; demo data is only loaded into an empty database");
  }
}

export interface SeedDemoResult {
  password: string;
  /** True when the password was generated (and must be shown once). */
  generated: boolean;
  usernames: string[];
}

export async function seedDemo(db: Db, opts: { password?: string | null } = {}): Promise<SeedDemoResult> {
  const demo = loadKalbarDemo();
  const instrument = loadDefaultInstrument();
  const generated = !opts.password;
  const password = opts.password || generatePassword();
  const passwordHashes = await Promise.all(DEMO_USERS.map(() => hashPassword(password)));

  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`.execute(trx);
    if (!(await isDatabaseEmpty(trx))) throw new DatabaseNotEmptyError();
    const officeId = demo.office.id;
    await insertOffice(trx, demo.office);
    const userIds = new Map<string, string>();
    for (const [i, u] of DEMO_USERS.entries()) {
      const id = demoId(`user:${u.username}`);
      userIds.set(u.username, id);
      await insertUser(trx, { id, ...u, office_id: officeId, password_hash: passwordHashes[i] ?? "" });
    }
    for (const scheme of Object.values(BUILTIN_SCHEMES)) {
      await insertBandingScheme(trx, { id: scheme.id, definition: scheme });
    }
    await insertInstrument(trx, instrument);
    const periodId = demoId(`period:${officeId}:${DEMO_PERIOD.year}`);
    await insertPeriod(trx, {
      id: periodId,
      office_id: officeId,
      year: DEMO_PERIOD.year,
      name: DEMO_PERIOD.name,
      instrument_id: instrument.id,
      instrument_version: instrument.version,
      scheme_id: DEFAULT_SCHEME_ID,
      status: "open",
    });
    const pemdaIds = new Map(demo.pemda.map((p) => [p.code, demoId(`pemda:${officeId}:${p.code}`)]));
    await insertPemda(
      trx,
      demo.pemda.map((p) => ({ id: pemdaIds.get(p.code) ?? "", office_id: officeId, ...p })),
    );
    let day = 3;
    for (const team of DEMO_TEAMS) {
      const pemda = demo.pemda.find((p) => p.code === team.pemdaCode);
      const pemdaId = pemdaIds.get(team.pemdaCode);
      const assessorId = userIds.get(team.assessor);
      if (!pemda || !pemdaId || !assessorId) throw new Error(`demo: pemda ${team.pemdaCode} missing`);
      const units = demo.unitKinds.flatMap((k) => {
        const known = k.kind === "puskesmas" ? (demo.knownUnits[pemda.code] ?? []) : [];
        const names = known.length > 0 ? known : [`${k.name} ${pemda.name.replace(/^Pemerintah /, "")}`];
        return names.map((name) => ({
          id: demoId(`unit:${pemda.code}:${name}`),
          pemdaId,
          kind: k.kind,
          name,
          suggestedProducts: k.products,
        }));
      });
      await insertUnits(trx, units);
      for (const unit of units) {
        const plannedDate = `2026-08-${String(day).padStart(2, "0")}`;
        day = day >= 28 ? 3 : day + 1;
        await insertAssignment(trx, {
          id: demoId(`assignment:${periodId}:${unit.id}`),
          periodId,
          unitId: unit.id,
          plannedDate,
          team: [assessorId],
        });
      }
    }
  });
  return { password, generated, usernames: DEMO_USERS.map((u) => u.username) };
}

/** The framed block printed once after seeding, so the credentials are easy to spot in a log. */
export function formatDemoCredentials(r: SeedDemoResult): string {
  const line = "=".repeat(64);
  const pw = r.generated ? r.password : "(the value of PATUH_DEMO_PASSWORD)";
  return [
    line,
    " Patuh demo data loaded (Ombudsman RI Perwakilan Kalimantan Barat)",
    ` Users:    ${r.usernames.join(", ")}`,
    ` Password: ${pw}`,
    r.generated ? " This password is shown only once: note it now." : "",
    line,
  ]
    .filter((l) => l !== "")
    .join("\n");
}
