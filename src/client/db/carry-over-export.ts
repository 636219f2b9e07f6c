// The export half of carrying unsynced work to a file (carry-over.ts holds the import half): the
// outbox in push order and the photos it refers to, as one JSON file. Kept apart and small so the
// home loads it with its first download: saving work to a file is the safety net for a device
// with no signal, so it must not depend on fetching another chunk at that moment.
//
// Invariant: the file holds every mutation the server has not acknowledged, in push order, and the
// bytes of every photo they attach or that has not reached the server yet.
import type { PatuhDb } from "./database";
import { readClientId, readDeviceUser } from "./meta";
import type { Mutation } from "./protocol-types";

export const WORK_FILE_FORMAT = "patuh-unsynced-work";
export const WORK_FILE_VERSION = 1;

export interface WorkFilePhoto {
  sha256: string;
  mime: string;
  width?: number;
  height?: number;
  /** The bytes, base64. */
  data: string;
}

export interface WorkFile {
  format: typeof WORK_FILE_FORMAT;
  version: typeof WORK_FILE_VERSION;
  exportedAt: string;
  userId: string;
  clientId: string;
  mutations: Mutation[];
  photos: WorkFilePhoto[];
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Every photo an outbox mutation attaches, plus photos the server has not yet received. */
function photosOf(mutations: readonly Mutation[]): Set<string> {
  const shas = new Set<string>();
  for (const m of mutations) if (m.name === "assessment.attachEvidence") shas.add(m.args.evidence.sha256);
  return shas;
}

/** The device's unsynced work as a file: its outbox in push order and the photos it attaches. */
export async function exportUnsyncedWork(db: PatuhDb, nowIso = new Date().toISOString()): Promise<WorkFile> {
  const [rows, clientId, userId] = await Promise.all([
    db.outbox.orderBy("id").toArray(),
    readClientId(db),
    readDeviceUser(db),
  ]);
  const mutations = rows.map((r) => r.mutation);
  const wanted = photosOf(mutations);
  for (const row of await db.evidence.where("uploadState").anyOf("pending", "failed").toArray())
    wanted.add(row.sha256);
  const photos: WorkFilePhoto[] = [];
  for (const sha of [...wanted].sort()) {
    const row = await db.evidence.get(sha);
    if (!row) continue; // attached on another device (pulled reference): nothing to carry
    photos.push({
      sha256: row.sha256,
      mime: row.mime,
      ...(row.width === undefined ? {} : { width: row.width }),
      ...(row.height === undefined ? {} : { height: row.height }),
      data: toBase64(new Uint8Array(await row.blob.arrayBuffer())),
    });
  }
  return {
    format: WORK_FILE_FORMAT,
    version: WORK_FILE_VERSION,
    exportedAt: nowIso,
    userId: userId ?? "",
    clientId: clientId ?? "",
    mutations,
    photos,
  };
}

/** The file name offered for a download: patuh-belum-terkirim-<date>-<time>.json. */
export function workFileName(nowIso: string): string {
  return `patuh-belum-terkirim-${nowIso.slice(0, 16).replace(/[:T]/g, "-")}.json`;
}
