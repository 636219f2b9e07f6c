// Master-data requests through the real app: raw file bodies as one of the world's people (plus an
// admin of the other office, added here), and small builders of CSV and XLSX files.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { createSession } from "../../../src/server/auth/sessions";
import { systemClock } from "../../../src/server/clock";
import type { World } from "../sync/world";

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are inspected field by field
  body: any;
  bytes: Uint8Array<ArrayBuffer>;
  headers: Headers;
}

export async function addPerson(w: World, username: string, role: string, office: string): Promise<string> {
  const id = randomUUID();
  await sql`insert into users (id, username, name, role, office_id, password_hash)
            values (${id}, ${username}, ${username}, ${role}, ${office}, 'x')`.execute(w.db);
  return (await createSession(w.db, systemClock, id)).token;
}

export async function send(
  w: World,
  token: string | null,
  method: string,
  path: string,
  body?: Uint8Array<ArrayBuffer>,
): Promise<Reply> {
  const headers: Record<string, string> = { "content-type": "application/octet-stream" };
  if (token) headers.cookie = `patuh_session=${token}`;
  const res = await w.app.request(`/api/v1${path}`, { method, headers, body });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  const text = type.includes("json") ? new TextDecoder().decode(bytes) : "";
  return { status: res.status, body: text ? JSON.parse(text) : {}, bytes, headers: res.headers };
}

export const csv = (text: string) => new TextEncoder().encode(text);

export async function xlsx(sheets: Record<string, unknown[][]>): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export const count = async (w: World, table: "pemda" | "units" | "users" | "master_data_history") =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(w.db)).rows[0]?.n);
