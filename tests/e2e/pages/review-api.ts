// The supervisor's side of a review, over real HTTP against the same server the browser uses: log
// in (the session cookie is kept), read an assessment, decide on it. No UI: the review screens are
// not part of the PWA; what the e2e tests check is what the assessor's device does with a decision.
import type { AssessmentState } from "../../../src/domain/sync/protocol";

export interface HistoryRow {
  seq: number;
  revision: number;
  userId: string;
  clientId: string | null;
  action: string;
  key: string;
  old: unknown;
  new: unknown;
}

export type AssessmentDetail = AssessmentState & {
  history: HistoryRow[];
  reviews: {
    decision: string;
    revision: number;
    comment: string;
    itemComments: { key: string; text: string }[];
  }[];
};

export interface ReviewBody {
  decision: "approve" | "return";
  comment?: string;
  itemComments?: { key: string; text: string }[];
  revision: number;
}

export class ReviewApi {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  /** POST /api/v1/session; keeps the `patuh_session` cookie for the calls that follow. */
  static async logIn(baseUrl: string, username: string, password: string): Promise<ReviewApi> {
    const response = await fetch(`${baseUrl}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200)
      throw new Error(`login as ${username}: ${response.status} ${await response.text()}`);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .find((c) => c.startsWith("patuh_session="));
    if (!cookie) throw new Error(`login as ${username}: no session cookie`);
    return new ReviewApi(baseUrl, cookie);
  }

  private async call(
    method: string,
    path: string,
    json?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(json === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the failure message
    }
    return { status: response.status, body };
  }

  /** GET /api/v1/assessments/{id}: the state, its revision, history and reviews. */
  async assessment(id: string): Promise<AssessmentDetail> {
    const { status, body } = await this.call("GET", `/assessments/${id}`);
    if (status !== 200) throw new Error(`GET assessment ${id}: ${status} ${JSON.stringify(body)}`);
    return body as AssessmentDetail;
  }

  /** Polls the assessment until `done` holds (the device syncs on its own schedule). */
  async waitFor(
    id: string,
    done: (a: AssessmentDetail) => boolean,
    timeoutMs = 30_000,
  ): Promise<AssessmentDetail> {
    const deadline = Date.now() + timeoutMs;
    let last: AssessmentDetail | undefined;
    let error: unknown;
    while (Date.now() < deadline) {
      try {
        last = await this.assessment(id);
        if (done(last)) return last;
      } catch (e) {
        error = e; // 404 until the device's create has been pushed
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error(
      `assessment ${id} not as expected within ${timeoutMs} ms: ${
        last ? `status ${last.status}, revision ${last.revision}` : String(error)
      }`,
    );
  }

  /** POST /api/v1/assessments/{id}/review; answers the status and the response body. */
  async review(id: string, body: ReviewBody): Promise<{ status: number; body: unknown }> {
    return this.call("POST", `/assessments/${id}/review`, body);
  }
}
