/**
 * The evidence archive for people (issue #20): every photo and document of a period, or of one
 * pemda in it, in folders a person can browse —
 *   `<pemda code> <pemda>/<unit>/<indicator code> <question, short>/<respondent or product> - <time WIB>.jpg`
 * — plus `manifest.csv` (`;`, decimal commas, UTF-8 BOM: opens in an Indonesian Excel) with file,
 * SHA-256, item, question, subject, who uploaded, when, GPS and caption.
 * Owns nothing persistent. Invariants:
 * - only blobs the ownership rule lets this office read (vouched references,
 *   src/server/evidence/ownership.ts) are put in; the others are listed without a file;
 * - streamed with bounded memory: assessments are read in batches, each blob is piped chunk by
 *   chunk with the reader's backpressure (zip-stream.ts); only the manifest rows (a few hundred
 *   bytes per photo) are kept until the end;
 * - every path is unique and free of characters Windows, macOS or Linux refuse.
 */
import type { Zip } from "fflate";
import { ZipPassThrough } from "fflate";
import { type QueryExecutorProvider, sql } from "kysely";
import { parseAnswerKey } from "../../domain/answers/answer-key";
import { respondentLabel } from "../../domain/assessment/respondent-words";
import type { Indicator, Instrument } from "../../domain/instrument/types";
import type { AssessmentState, EvidenceMime } from "../../domain/sync/protocol";
import type { BlobStore } from "../evidence/blob-store";
import { readableHashesOfMany } from "../evidence/ownership";
import type { InstrumentCache } from "../sync/instrument-cache";
import { addBlobEntry } from "./evidence-zip";
import { localeCsvLine } from "./locale-csv";
import { LEVEL_WORDS, PART_WORDS, statusWord } from "./people-words";
import type { Cell } from "./xlsx";
import { zipStream } from "./zip-stream";

const EXT: Record<EvidenceMime, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};
const BATCH = 25;

export interface BundleScope {
  periodId: string;
  pemdaId: string | null;
}

export const MANIFEST_COLUMNS = [
  "Berkas",
  "SHA-256",
  "Kode pemda",
  "Nama pemda",
  "Unit layanan",
  "Status",
  "Kode indikator",
  "Pertanyaan",
  "Subjek",
  "Nama subjek",
  "Media",
  "Diambil (WIB)",
  "Diambil (UTC)",
  "Pengunggah",
  "Lintang",
  "Bujur",
  "Akurasi (m)",
  "Keterangan",
  "Ukuran (byte)",
  "Di arsip",
];

/** One path segment: no separators, control or reserved characters, no trailing dot, bounded. */
export function segment(text: string, max = 60): string {
  const s = text
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .replace(/[. ]+$/, "");
  return s === "" || s === "-" ? "tanpa nama" : s;
}

/** The question cut at a word boundary: a folder name, not the whole sentence. */
export function shortQuestion(question: string, max = 48): string {
  const words = question.replace(/\s+/g, " ").trim().split(" ");
  let out = "";
  for (const w of words) {
    if (out.length + w.length + 1 > max) break;
    out = out === "" ? w : `${out} ${w}`;
  }
  return out === "" ? question.slice(0, max) : out;
}

const wibParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Jakarta",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2026-08-01 09.03" in Western Indonesian Time (the manifest also keeps the exact UTC instant). */
export function wibTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "waktu tidak diketahui";
  const p = Object.fromEntries(wibParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}.${p.minute}`;
}

interface ScopeRow {
  id: string;
  status: AssessmentState["status"];
  pemdaCode: string;
  pemdaName: string;
  unitName: string;
}

type StateParts = Pick<
  AssessmentState,
  "id" | "evidence" | "products" | "respondents" | "instrumentId" | "instrumentVersion"
>;

/** Total recorded bytes of the scope's attachments (the ZIP size check, before anything is sent). */
export async function bundleBytes(db: QueryExecutorProvider, scope: BundleScope): Promise<number> {
  const r = await sql<{ total: string | number | null }>`
    select sum(e.bytes) as total
    from assessments a cross join lateral jsonb_array_elements(a.state->'evidence') x
    join evidence e on e.sha256 = x->>'sha256'
    where a.period_id = ${scope.periodId}
      and (${scope.pemdaId}::uuid is null or a.pemda_id = ${scope.pemdaId}::uuid)`.execute(db);
  return Number(r.rows[0]?.total ?? 0);
}

async function scopeRows(db: QueryExecutorProvider, scope: BundleScope): Promise<ScopeRow[]> {
  const r = await sql<ScopeRow>`
    select a.id, a.status, p.code as "pemdaCode", p.name as "pemdaName", u.name as "unitName"
    from assessments a join pemda p on p.id = a.pemda_id join units u on u.id = a.unit_id
    where a.period_id = ${scope.periodId}
      and (${scope.pemdaId}::uuid is null or a.pemda_id = ${scope.pemdaId}::uuid)
    order by p.code, p.name, u.name, a.id`.execute(db);
  return r.rows;
}

/** Unique names within a parent: "x", "x (2)", "x (3)"… (compared case-insensitively, as Windows does). */
class Names {
  private readonly used = new Set<string>();
  take(parent: string, stem: string, ext = ""): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n === 1 ? "" : ` (${n})`}${ext}`;
      const id = `${parent}/${name}`.toLowerCase();
      if (!this.used.has(id)) {
        this.used.add(id);
        return name;
      }
    }
  }
}

interface ItemWords {
  folder: string;
  indicatorId: string;
  question: string;
  level: string;
  subject: string;
  part: string;
}

function itemWords(key: string, state: StateParts, indicators: ReadonlyMap<string, Indicator>): ItemWords {
  const parsed = parseAnswerKey(key);
  if (!parsed.ok)
    return { folder: "Lainnya", indicatorId: "", question: "", level: "", subject: key, part: "" };
  const k = parsed.key;
  const indicator = indicators.get(k.indicatorId);
  const question = indicator?.question.id ?? "";
  const subject =
    k.instanceId === null
      ? ""
      : k.level === "product"
        ? (state.products.find((p) => p.id === k.instanceId)?.name ?? k.instanceId.slice(0, 8))
        : respondentLabel(state.respondents, k.instanceId);
  return {
    folder: segment(`${k.indicatorId} ${shortQuestion(question)}`),
    indicatorId: k.indicatorId,
    question,
    level: indicator ? LEVEL_WORDS[indicator.level] : "",
    subject,
    part: k.part === null ? "" : PART_WORDS[k.part],
  };
}

function indicatorMap(instrument: Instrument | undefined): Map<string, Indicator> {
  const out = new Map<string, Indicator>();
  for (const d of instrument?.dimensions ?? [])
    for (const v of d.variables) for (const i of v.indicators) out.set(i.id, i);
  return out;
}

/** The archive of `scope`; the caller has checked the user may review the period. */
export function evidenceBundleStream(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  store: BlobStore,
  scope: BundleScope,
): ReadableStream<Uint8Array> {
  return zipStream(async (zip: Zip, drained) => {
    const rows = await scopeRows(db, scope);
    const names = new Names();
    const unitFolders = new Map<string, string>();
    const manifest: string[] = [`\uFEFF${localeCsvLine(MANIFEST_COLUMNS, { separator: "semicolon" })}\r\n`];
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const ids = batch.map((b) => b.id);
      const states = await sql<StateParts>`
        select id, state->'evidence' as evidence, state->'products' as products,
          state->'respondents' as respondents, state->>'instrumentId' as "instrumentId",
          (state->>'instrumentVersion')::int as "instrumentVersion"
        from assessments where id = any(${ids}::uuid[])`.execute(db);
      const byId = new Map(states.rows.map((s) => [s.id, s]));
      const readable = await readableHashesOfMany(db, ids);
      const hashes = [...new Set(states.rows.flatMap((s) => s.evidence.map((e) => e.sha256)))];
      const uploaders = await sql<{ sha256: string; name: string }>`
        select e.sha256, u.name from evidence e join users u on u.id = e.uploaded_by
        where e.sha256 = any(${hashes}::text[])`.execute(db);
      const who = new Map(uploaders.rows.map((x) => [x.sha256, x.name]));
      for (const row of batch) {
        const state = byId.get(row.id);
        if (state === undefined || state.evidence.length === 0) continue;
        const instrument = await instruments.get(db, state.instrumentId, state.instrumentVersion);
        const indicators = indicatorMap(instrument);
        // A pemda's code is unique in its office, and a period is one office's.
        const pemdaFolder = segment(`${row.pemdaCode} ${row.pemdaName}`);
        let unitFolder = unitFolders.get(row.id);
        if (unitFolder === undefined) {
          unitFolder = `${pemdaFolder}/${names.take(pemdaFolder, segment(row.unitName))}`;
          unitFolders.set(row.id, unitFolder);
        }
        const mayRead = readable.get(row.id) ?? new Set<string>();
        for (const e of state.evidence) {
          const item = itemWords(e.key, state, indicators);
          const folder = `${unitFolder}/${item.folder}`;
          const when = wibTime(e.takenAt);
          const stem = segment([item.subject, item.part, when].filter((x) => x !== "").join(" - "), 100);
          let file = "";
          // Not uploaded yet (a device on a poor link sends edits before photos), or a reference
          // this office may not open (ownership.ts): listed, never put in.
          let inArchive = who.has(e.sha256) ? "tidak: tanpa akses kantor ini" : "tidak: belum diunggah";
          if (mayRead.has(e.sha256)) {
            const path = `${folder}/${names.take(folder, stem, `.${EXT[e.mime] ?? "bin"}`)}`;
            if (await addBlobEntry(zip, drained, store, path, e.sha256)) {
              file = path;
              inArchive = "ya";
            } else {
              inArchive = "tidak: belum diunggah";
            }
          }
          const cells: Cell[] = [
            file,
            e.sha256,
            row.pemdaCode,
            row.pemdaName,
            row.unitName,
            statusWord(row.status),
            item.indicatorId,
            item.question,
            item.level,
            item.subject,
            item.part,
            when,
            e.takenAt,
            who.get(e.sha256) ?? "",
            e.location?.lat ?? null,
            e.location?.lon ?? null,
            e.location?.accuracyM ?? null,
            e.caption ?? "",
            e.bytes,
            inArchive,
          ];
          manifest.push(`${localeCsvLine(cells, { separator: "semicolon" })}\r\n`);
        }
      }
    }
    const m = new ZipPassThrough("manifest.csv");
    zip.add(m);
    const encoder = new TextEncoder();
    for (const line of manifest) {
      m.push(encoder.encode(line));
      await drained();
    }
    m.push(new Uint8Array(0), true);
  });
}
