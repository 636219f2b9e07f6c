// Unsynced work carried to a file and back: the outbox (every mutation the server has not yet
// acknowledged) and the photos it refers to, so a device that must be wiped, or a browser that
// erased the site's storage (Safari does after days without use unless the app is installed),
// never costs a morning's work.
//
// Invariants kept here:
// - a file is taken in whole or not at all as far as photos go: every photo's bytes must hash to
//   its name (SHA-256) or nothing is imported;
// - importing is idempotent: each exported mutation (exporting clientId + its id) is recorded at
//   most once per device (ledger in `meta`), and photos are content-addressed; a mutation the local
//   reducer refuses (e.g. the checklist already exists because the server has it) is skipped;
// - imported mutations become this device's own edits (its clientId, new gapless ids, the original
//   device time `at`), so the sync engine sends them like any other: the server then holds every
//   answer and photo exactly once (its reducer keeps one value per answer and one reference per
//   photo and key).
import * as v from "valibot";
import { mutationSchemaByName } from "../../domain/sync";
import { WORK_FILE_FORMAT, WORK_FILE_VERSION, type WorkFile } from "./carry-over-export";
import type { ImportLedgerMeta, PatuhDb } from "./database";
import { recordMutation } from "./edits";
import { MutationRefusedError } from "./errors";
import { sha256Hex, storeEvidence } from "./evidence";
import { readDeviceUser } from "./meta";
import type { Mutation } from "./protocol-types";

export {
  exportUnsyncedWork,
  WORK_FILE_FORMAT,
  WORK_FILE_VERSION,
  type WorkFile,
  type WorkFilePhoto,
  workFileName,
} from "./carry-over-export";

const photoSchema = v.object({
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  mime: v.string(),
  width: v.optional(v.number()),
  height: v.optional(v.number()),
  data: v.string(),
});
const fileSchema = v.object({
  format: v.literal(WORK_FILE_FORMAT),
  version: v.literal(WORK_FILE_VERSION),
  exportedAt: v.string(),
  userId: v.string(),
  clientId: v.string(),
  mutations: v.array(v.unknown()),
  photos: v.array(photoSchema),
});

export class WorkFileError extends Error {
  override readonly name = "WorkFileError";
  constructor(
    readonly code: "not_a_work_file" | "other_user" | "photo_damaged",
    message: string,
  ) {
    super(message);
  }
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Parses and checks a work file's text: its shape, every mutation, and every photo's hash. */
export async function readWorkFile(text: string): Promise<WorkFile> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WorkFileError("not_a_work_file", "not JSON");
  }
  const parsed = v.safeParse(fileSchema, json);
  if (!parsed.success) throw new WorkFileError("not_a_work_file", parsed.issues[0]?.message ?? "bad shape");
  const mutations: Mutation[] = [];
  for (const m of parsed.output.mutations) {
    const one = v.safeParse(mutationSchemaByName, m);
    if (!one.success) throw new WorkFileError("not_a_work_file", `mutation: ${one.issues[0]?.message ?? ""}`);
    mutations.push(one.output as Mutation);
  }
  for (const photo of parsed.output.photos) {
    const bytes = fromBase64(photo.data);
    if ((await sha256Hex(new Blob([bytes]))) !== photo.sha256) {
      throw new WorkFileError("photo_damaged", `photo ${photo.sha256.slice(0, 12)}… does not match its hash`);
    }
  }
  return { ...parsed.output, format: WORK_FILE_FORMAT, version: WORK_FILE_VERSION, mutations };
}

export interface ImportOutcome {
  /** Mutations recorded on this device now. */
  recorded: number;
  /** Mutations this device had already taken in from a file. */
  alreadyImported: number;
  /** Mutations the local reducer refused (already on the server, or no longer editable). */
  refused: number;
  /** Photos newly stored. */
  photos: number;
}

async function readLedger(db: PatuhDb): Promise<Set<string>> {
  const row = (await db.meta.get("imported")) as ImportLedgerMeta | undefined;
  return new Set(row?.entries ?? []);
}

/**
 * Takes a checked work file into this device: photos first (a reference never points at bytes the
 * device lacks), then each mutation not yet imported, as this device's own edit at its original time.
 */
export async function importUnsyncedWork(db: PatuhDb, file: WorkFile): Promise<ImportOutcome> {
  const userId = await readDeviceUser(db);
  if (userId && file.userId && userId !== file.userId) {
    throw new WorkFileError("other_user", "the file holds another assessor's work");
  }
  const outcome: ImportOutcome = { recorded: 0, alreadyImported: 0, refused: 0, photos: 0 };
  for (const photo of file.photos) {
    const stored = await storeEvidence(db, new Blob([fromBase64(photo.data)], { type: photo.mime }), {
      mime: photo.mime,
      ...(photo.width === undefined ? {} : { width: photo.width }),
      ...(photo.height === undefined ? {} : { height: photo.height }),
    });
    if (stored.created) outcome.photos += 1;
  }
  const ledger = await readLedger(db);
  for (const m of file.mutations) {
    const entry = `${file.clientId}:${m.id}`;
    if (ledger.has(entry)) {
      outcome.alreadyImported += 1;
      continue;
    }
    try {
      await recordMutation(db, m.name, m.args as never, { now: new Date(m.at) });
      outcome.recorded += 1;
    } catch (error) {
      if (!(error instanceof MutationRefusedError)) throw error;
      outcome.refused += 1;
    }
    ledger.add(entry);
    await db.meta.put({ key: "imported", entries: [...ledger] });
  }
  return outcome;
}
