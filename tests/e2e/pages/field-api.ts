// An assessor's (or admin's) device work done over real HTTP, for e2e tests that need many
// complete, synced checklists quickly: log in, upload a photo, push the mutations of a complete
// checklist (tests/integration/sync/complete.ts builds them) and submit. What the browser then
// shows is read from the same server; nothing here touches a device database.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Mutation } from "../../../src/domain/sync/protocol";
import { completeChecklist } from "../../integration/sync/complete";

export class FieldApi {
  private readonly clientId = randomUUID();
  private next = 1;

  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async logIn(baseUrl: string, username: string, password: string): Promise<FieldApi> {
    const response = await fetch(`${baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`login as ${username}: ${response.status}`);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .find((c) => c.startsWith("patuh_session="));
    if (!cookie) throw new Error(`login as ${username}: no session cookie`);
    return new FieldApi(baseUrl, cookie);
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { headers: { cookie: this.cookie } });
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A GET with the session, whatever its status (the caller reads it). */
  raw(path: string): Promise<Response> {
    return fetch(`${this.baseUrl}/api/v1${path}`, { headers: { cookie: this.cookie } });
  }

  /** PUT /evidence/{sha256} of a JPEG file; answers its hash and size. */
  async uploadPhoto(file: string): Promise<{ sha256: string; bytes: number }> {
    const bytes = readFileSync(file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const response = await fetch(`${this.baseUrl}/api/v1/evidence/${sha256}`, {
      method: "PUT",
      headers: { cookie: this.cookie, "content-type": "image/jpeg" },
      body: bytes,
    });
    if (response.status !== 200 && response.status !== 201)
      throw new Error(`PUT evidence: ${response.status}`);
    return { sha256, bytes: bytes.length };
  }

  async push(mutations: Mutation[]): Promise<void> {
    const renumbered = mutations.map((m) => ({ ...m, id: this.next++ }));
    const response = await fetch(`${this.baseUrl}/api/v1/sync/push`, {
      method: "POST",
      headers: { cookie: this.cookie, "content-type": "application/json" },
      body: JSON.stringify({ clientId: this.clientId, mutations: renumbered }),
    });
    const body = (await response.json()) as { results?: { status: string; error?: unknown }[] };
    const bad = body.results?.filter((r) => r.status !== "applied") ?? [body];
    if (response.status !== 200 || bad.length > 0)
      throw new Error(`push: ${response.status} ${JSON.stringify(bad)}`);
  }

  /** Creates, completes (every photo_required item with `photo`) and submits one assignment's checklist. */
  async submitComplete(
    assignment: { assignmentId: string; unitId: string },
    instrument: { id: string; version: number },
    photo: { sha256: string; bytes: number },
  ): Promise<string> {
    const assessmentId = randomUUID();
    const at = new Date().toISOString();
    await this.push([
      {
        id: 0,
        name: "assessment.create",
        at,
        args: {
          assessmentId,
          assignmentId: assignment.assignmentId,
          unitId: assignment.unitId,
          instrumentId: instrument.id,
          instrumentVersion: instrument.version,
          visit: { date: at.slice(0, 10), startedAt: at, mode: "scheduled" },
        },
      },
      ...completeChecklist(assessmentId, 0, photo),
      { id: 0, name: "assessment.submit", at, args: { assessmentId } },
    ]);
    return assessmentId;
  }
}
