// The supervisor's desk in the browser (issue #20): at 1366 × 768 no table or card is clipped or
// scrolls sideways on progress, queue, review, results, rapor and every admin screen (scrollWidth
// against clientWidth of every table container and card), axe finds no serious violation there nor
// at 360 × 740; the review page of a checklist with 25 distinct photos downloads at most 1 MB of
// images before one is opened (summed from the browser's network events, after scrolling the whole
// page so every lazy thumbnail loads); the viewer shows a caption and steps to the next photo, and
// warns on exactly the photos whose own EXIF time is days from their attach time (issue #16), per
// photo by hash and per attachment; an approval is confirmed, shows at once, and is undone. Screenshots of review, results and rapor are
// kept in test-results/ at both sizes. The results ranking sorts by Nilai and filters by name, the
// view kept in the link.
import { createHash, randomUUID } from "node:crypto";
import jpeg from "jpeg-js";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCaptureTime } from "../../src/domain/evidence/exif-time";
import type { Mutation } from "../../src/domain/sync/protocol";
import { completeChecklist } from "../integration/sync/complete";
import { FieldApi } from "./pages/field-api";
import { LoginPage } from "./pages/login-page";
import { firstPage, launchProfile, seriousAxeViolations } from "./support/browser";
import { explainFailures } from "./support/explain-failures";
import { type E2eFixture, setUpE2e } from "./support/fixture";
import { resultPath } from "./support/paths";
import { DEMO_PASSWORD } from "./support/server";

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };
const IMAGE_BUDGET_BYTES = 1_000_000;
const PHOTOS = 25;
const ITEM = "IN.SP.05"; // unit level, photo_required
const SECOND_ITEM = "IN.SP.08"; // unit level, photo_required: one 5-day-old file is attached here too
const PONTIANAK = "Kota Pontianak";
/** Photos whose own EXIF says they were taken days before being attached (every third): flagged. */
const oldPhotos = new Set<string>();
/** Photos whose EXIF agrees with their attach time (within minutes): never flagged. */
const recentPhotos = new Set<string>();

/** Camera time `hoursBefore` now, as a camera in WIB writes it (local time and its offset). */
function cameraTime(hoursBefore: number): { local: string; offset: string } {
  const wib = new Date(Date.now() - hoursBefore * 3600_000 + 7 * 3600_000);
  return { local: wib.toISOString().slice(0, 19), offset: "+07:00" };
}

/** A smooth, distinct 1000 × 750 JPEG (gradients and blocks, like a photo of a notice board). */
function makePhoto(seed: number): Uint8Array<ArrayBuffer> {
  const width = 1000;
  const height = 750;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const block = ((Math.floor(x / 125) + Math.floor(y / 125) + seed) % 5) * 40;
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = (block + seed * 9 + ((x * y) % 7)) % 256;
      data[i + 3] = 255;
    }
  }
  return new Uint8Array(jpeg.encode({ width, height, data }, 90).data);
}

/** Tables' scroll regions and cards that are wider inside than they show (clipped or scrolling). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>(".review-scroll, .card, table")) {
      if (el.getClientRects().length === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(
          `${el.className || el.tagName} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").slice(0, 40)}" ${el.scrollWidth} > ${el.clientWidth}`,
        );
    }
    return out;
  });
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page
    .locator(".loading")
    .first()
    .waitFor({ state: "detached", timeout: 10_000 })
    .catch(() => undefined);
}

describe("the supervisor's desk", () => {
  let fx: E2eFixture;
  let staff: BrowserContext;
  let sup: Page;
  let assessmentId = "";
  let pemdaId = "";
  let periodId = "";
  let reusedSha = "";

  beforeAll(async () => {
    fx = await setUpE2e("desk");
    staff = await launchProfile(fx.profileDir("desk"), { bypassCSP: true });
    sup = await firstPage(staff);
    await sup.setViewportSize(LAPTOP);
    const base = fx.server.url;
    const field = await FieldApi.logIn(base, "penilai1", DEMO_PASSWORD);
    const office = await FieldApi.logIn(base, "supervisor", DEMO_PASSWORD);
    const { periods } = await office.get<{
      periods: { id: string; instrumentId: string; instrumentVersion: number }[];
    }>("/periods");
    const period = periods[0];
    if (!period) throw new Error("no period");
    periodId = period.id;
    const progress = await office.get<{
      pemda: { pemdaId: string; name: string; units: { assignmentId: string; unitId: string }[] }[];
    }>(`/progress?periodId=${period.id}`);
    const pontianak = progress.pemda.find((p) => p.name === PONTIANAK);
    const unit = pontianak?.units[0];
    if (!pontianak || !unit) throw new Error("no Pontianak unit");
    pemdaId = pontianak.pemdaId;
    const uploaded: { sha256: string; bytes: number }[] = [];
    for (let i = 0; i < PHOTOS; i++) {
      const old = i % 3 === 1;
      // The first photo goes in with completeChecklist, attached at its fixed time (2026-08-01 02:00
      // UTC): its camera time matches that; the others are attached now.
      const taken =
        i === 0 ? { local: "2026-08-01T09:00:00", offset: "+07:00" } : cameraTime(old ? 24 * 5 : 0.2);
      const bytes = withCaptureTime(makePhoto(i), taken) as Uint8Array<ArrayBuffer>;
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      (old ? oldPhotos : recentPhotos).add(sha256);
      const res = await fetch(`${base}/api/v1/evidence/${sha256}`, {
        method: "PUT",
        headers: { cookie: await fieldCookie(base), "content-type": "image/jpeg" },
        body: bytes,
      });
      expect([200, 201]).toContain(res.status);
      uploaded.push({ sha256, bytes: bytes.length });
    }
    const [firstPhoto, ...extra] = uploaded;
    const reused = uploaded[1]; // i = 1: a 5-day-old photo
    if (!firstPhoto || !reused || !oldPhotos.has(reused.sha256)) throw new Error("no photo");
    reusedSha = reused.sha256;
    const sameDay = new Date(Date.now() - 24 * 5 * 3600_000 + 10 * 60_000).toISOString();
    expect(uploaded.reduce((n, p) => n + p.bytes, 0)).toBeGreaterThan(2 * IMAGE_BUDGET_BYTES);
    assessmentId = randomUUID();
    const at = new Date().toISOString();
    const mutations: Mutation[] = [
      {
        id: 0,
        name: "assessment.create",
        at,
        args: {
          assessmentId,
          assignmentId: unit.assignmentId,
          unitId: unit.unitId,
          instrumentId: period.instrumentId,
          instrumentVersion: period.instrumentVersion,
          visit: { date: at.slice(0, 10), startedAt: at, mode: "scheduled" },
        },
      },
      ...completeChecklist(assessmentId, 0, firstPhoto),
      ...extra.map(
        (p): Mutation => ({
          id: 0,
          name: "assessment.attachEvidence",
          at,
          args: {
            assessmentId,
            key: ITEM,
            evidence: { sha256: p.sha256, mime: "image/jpeg", bytes: p.bytes, takenAt: at },
          },
        }),
      ),
      // The same 5-day-old file on a second item, attached the day it was taken: that attachment
      // has no warning, while on ITEM (attached now) it has one. Checks are per attachment.
      {
        id: 0,
        name: "assessment.attachEvidence",
        at,
        args: {
          assessmentId,
          key: SECOND_ITEM,
          evidence: { sha256: reused.sha256, mime: "image/jpeg", bytes: reused.bytes, takenAt: sameDay },
        },
      },
      { id: 0, name: "assessment.submit", at, args: { assessmentId } },
    ];
    await field.push(mutations);

    // penilai1's session cookie for the uploads (FieldApi keeps its own private).
    async function fieldCookie(url: string): Promise<string> {
      const r = await fetch(`${url}/api/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "penilai1", password: DEMO_PASSWORD }),
      });
      return (r.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    }
  }, 240_000);

  explainFailures(
    "desk",
    () => sup,
    () => fx,
  );

  afterAll(async () => {
    await staff?.close();
    await fx?.cleanup();
  });

  it("review of a 25-photo checklist downloads at most 1 MB of images before a photo is opened", async () => {
    const login = new LoginPage(sup);
    await login.goto(fx.server.url);
    await login.logIn("supervisor", DEMO_PASSWORD);
    await sup.getByTestId("progress-screen").waitFor();
    let imageBytes = 0;
    const counted: Promise<void>[] = [];
    sup.on("response", (response) => {
      if (response.request().resourceType() !== "image") return;
      counted.push(
        response.body().then(
          (body) => {
            imageBytes += body.length;
          },
          () => undefined,
        ),
      );
    });
    await sup.goto(`${fx.server.url}/tinjauan/${assessmentId}`);
    await sup.getByTestId("review-screen").waitFor();
    // Scroll the whole page so every lazy thumbnail is requested, then wait for them.
    const height = await sup.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 600) {
      await sup.evaluate((top) => window.scrollTo(0, top), y);
      await sup.waitForTimeout(50);
    }
    const images = sup.locator(`[data-testid="review-instance"][data-key="${ITEM}"] .review-photo img`);
    expect(await images.count()).toBe(PHOTOS);
    // Lazy thumbnails load when on screen: bring each into view; the server makes each once.
    for (let i = 0; i < PHOTOS; i++) await images.nth(i).scrollIntoViewIfNeeded();
    const loaded = await sup
      .waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLImageElement>(".review-photo img")].every(
            (img) => img.complete && img.naturalWidth > 0,
          ),
        undefined,
        { timeout: 120_000 },
      )
      .then(
        () => true,
        () => false,
      );
    expect(loaded).toBe(true);
    await sup.waitForLoadState("networkidle", { timeout: 120_000 });
    await Promise.all(counted);
    console.info(`desk: review page image bytes before opening a photo: ${imageBytes} (${PHOTOS} photos)`);
    expect(imageBytes).toBeGreaterThan(0);
    expect(imageBytes).toBeLessThanOrEqual(IMAGE_BUDGET_BYTES);
  }, 240_000);

  it("opens a photo full size with its caption, steps to the next, and zooms", async () => {
    await sup.evaluate(() => window.scrollTo(0, 0));
    const button = sup.locator(`[data-testid="review-instance"][data-key="${ITEM}"] .review-photo`).first();
    await button.click();
    const viewer = sup.getByTestId("photo-viewer");
    await viewer.locator("img").waitFor();
    const caption = viewer.getByTestId("photo-caption");
    const firstText = await caption.textContent();
    expect(firstText).toContain(ITEM);
    expect(firstText).toContain("Andi Pratama"); // the uploader, by name
    // The hash is read from its own element, never by a regex over the caption's textContent: that
    // text runs the label into the value ("SHA-256" + hash = "SHA-25659222ff…"), so
    // /[0-9a-f]{64}/ matches "256" and the hash's first 61 digits, a hash of no photo. That is what
    // kept issue #16 open: the earlier per-photo check looked up that non-hash, expected no warning
    // on every photo, and so "failed" on the first 5-day-old photo, whose warning was right (logged
    // per photo against the server's evidenceChecks: the product flagged exactly the 5-day photos).
    const hashOf = async () => (await caption.locator("code").textContent())?.trim() ?? "";
    expect(await hashOf()).toMatch(/^[0-9a-f]{64}$/);
    // Each photo's own time (its EXIF) is shown; one taken days before it was attached is flagged,
    // one taken minutes before is not: per photo, by hash, in the viewer and in the server's checks.
    const detail = await sup.evaluate(async (id) => {
      const r = await fetch(`/api/v1/assessments/${id}`);
      return (await r.json()) as {
        evidenceChecks: { key: string; sha256: string; gapHours: number | null; mismatch: boolean }[];
      };
    }, assessmentId);
    const seen = new Map<string, boolean>();
    let previous = "";
    for (let step = 0; step < PHOTOS; step++) {
      if (step > 0) {
        await viewer.getByRole("button", { name: "Berikutnya" }).click();
        await sup.waitForFunction((before) => {
          const code = document.querySelector('[data-testid="photo-caption"] code');
          return code !== null && code.textContent?.trim() !== before;
        }, previous);
      }
      const text = (await caption.textContent()) ?? "";
      const sha = await hashOf();
      previous = sha;
      const old = oldPhotos.has(sha);
      const check = detail.evidenceChecks.find((c) => c.sha256 === sha && c.key === ITEM);
      const why = `photo ${sha.slice(0, 8)} (${old ? "5 days" : "minutes"} before attaching; check ${JSON.stringify(check)})`;
      expect(old || recentPhotos.has(sha), `${why} is one we uploaded`).toBe(true);
      expect(text).toContain(ITEM);
      expect(text).toContain("Diambil (menurut berkas)");
      expect(check?.mismatch, `${why}: server's mismatch`).toBe(old);
      const warning = await viewer.getByTestId("photo-time-warning").count();
      expect(warning, `${why}: warning shown`).toBe(old ? 1 : 0);
      if (old) expect(text).toContain("5 hari sebelum dilampirkan");
      seen.set(sha, warning === 1);
    }
    // Every photo of the item was visited once: 8 of the 25 (every third) are from days before.
    expect(seen.size).toBe(PHOTOS);
    expect([...seen.values()].filter(Boolean).length).toBe(oldPhotos.size);
    await viewer.getByRole("button", { name: "Perbesar" }).click();
    await viewer.locator(".review-viewer__stage--zoomed").waitFor();
    await viewer.getByRole("button", { name: "Tutup" }).click();
    await viewer.waitFor({ state: "hidden" });
    // The same file attached to SECOND_ITEM on the day it was taken: no warning there.
    await sup
      .locator(`[data-testid="review-instance"][data-key="${SECOND_ITEM}"] .review-photo`)
      .nth(1)
      .click();
    await viewer.locator("img").waitFor();
    expect(await hashOf()).toBe(reusedSha);
    expect(await caption.textContent()).toContain(SECOND_ITEM);
    expect(await viewer.getByTestId("photo-time-warning").count()).toBe(0);
    await viewer.getByRole("button", { name: "Tutup" }).click();
    await viewer.waitFor({ state: "hidden" });
  });

  it("approves after a confirmation, shows it at once, and undoes it while the period is open", async () => {
    await sup.getByRole("button", { name: "Setujui" }).click();
    const dialog = sup.getByTestId("confirm-dialog");
    await dialog.getByRole("button", { name: "Batal" }).click();
    expect(await sup.getByTestId("review-status").getAttribute("data-status")).toBe("submitted");
    await sup.getByRole("button", { name: "Setujui" }).click();
    await dialog.getByRole("button", { name: "Ya, lanjutkan" }).click();
    await sup.locator('[data-testid="review-status"][data-status="approved"]').waitFor();
    await sup.getByRole("button", { name: "Batalkan persetujuan" }).click();
    await dialog.getByRole("button", { name: "Ya, lanjutkan" }).click();
    await sup.locator('[data-testid="review-status"][data-status="submitted"]').waitFor();
    await sup.getByRole("button", { name: "Muat ulang" }).click();
    await sup.locator('[data-testid="review-decision"][data-decision="approve"]').waitFor();
  });

  it("sorts the results ranking by Nilai and filters it by name, and a shared link opens the same view", async () => {
    await sup.setViewportSize(LAPTOP);
    // Approved again, so Pontianak has a score among pemda that have none yet.
    await sup.goto(`${fx.server.url}/tinjauan/${assessmentId}`);
    await sup.getByTestId("review-screen").waitFor();
    await sup.getByRole("button", { name: "Setujui" }).click();
    await sup.getByTestId("confirm-dialog").getByRole("button", { name: "Ya, lanjutkan" }).click();
    await sup.locator('[data-testid="review-status"][data-status="approved"]').waitFor();
    await sup.goto(`${fx.server.url}/hasil`);
    await sup.getByTestId("results-table").waitFor();
    const table = sup.getByTestId("results-table");
    const rows = () =>
      table.locator('[data-testid="results-pemda"]').evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.getAttribute("data-pemda") ?? "",
          score: tr.querySelector('[data-testid="pemda-score"]')?.textContent ?? "",
        })),
      );
    // Indonesian numbers ("1.234,56") back to numbers; "Belum ada nilai" is null.
    const parse = (text: string) => {
      const m = /^-?[\d.]+(,\d+)?$/.exec(text.trim());
      return m ? Number(text.trim().replaceAll(".", "").replace(",", ".")) : null;
    };
    const all = await rows();
    expect(all.length).toBeGreaterThan(1);
    const nilai = table.getByRole("button", { name: "Nilai", exact: true });
    const header = table.locator('th[data-column="nilai"]');
    await nilai.click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const desc = (await rows()).map((r) => parse(r.score));
    expect(desc.some((x) => x !== null)).toBe(true);
    const scored = desc.filter((x): x is number => x !== null);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
    expect(desc.slice(scored.length).every((x) => x === null)).toBe(true); // unscored last
    await nilai.click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const ascAll = (await rows()).map((r) => parse(r.score));
    const asc = ascAll.filter((x): x is number => x !== null);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(ascAll.slice(asc.length).every((x) => x === null)).toBe(true); // still last
    expect((await rows())[0]?.name).toBe(PONTIANAK);
    expect(new URL(sup.url()).searchParams.get("urut")).toBe("nilai");
    expect(new URL(sup.url()).searchParams.get("arah")).toBe("naik");

    await table.getByRole("button", { name: "Pemda", exact: true }).click();
    const names = (await rows()).map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "id")));

    await sup.getByLabel("Cari pemda").fill("pontia");
    expect((await rows()).map((r) => r.name)).toEqual([PONTIANAK]);
    expect(await sup.getByTestId("table-shown").textContent()).toBe(`1 dari ${all.length} ditampilkan`);
    // The address carries the view: reopened, it shows the same rows in the same order.
    const shared = sup.url();
    expect(new URL(shared).searchParams.get("cari")).toBe("pontia");
    await sup.goto(shared);
    await table.waitFor();
    expect((await rows()).map((r) => r.name)).toEqual([PONTIANAK]);
    expect(await sup.getByLabel("Cari pemda").inputValue()).toBe("pontia");
    expect(await table.locator('th[data-column="pemda"]').getAttribute("aria-sort")).toBe("ascending");
    await sup.screenshot({ path: resultPath("e2e-desk-results-sorted-1366x768.png"), fullPage: true });
    expect(await seriousAxeViolations(sup)).toEqual([]);
  });

  it("fits every desk and admin screen at 1366 × 768 without sideways scrolling, and passes axe there and at 360", async () => {
    const screens = [
      ["progress", "/progres"],
      ["queue", "/tinjauan"],
      ["review", `/tinjauan/${assessmentId}`],
      ["results", "/hasil"],
      ["rapor", `/hasil/rapor/${pemdaId}`],
      ["planning", "/perencanaan"],
      ["planning-period", `/perencanaan/${periodId}`],
      ["locus-data", `/perencanaan/${periodId}/data-lokus`],
      ["master-loci", "/data-induk/lokus"],
      ["master-locus", `/data-induk/lokus/${pemdaId}`],
      ["national", "/nasional"],
    ] as const;
    const problems: string[] = [];
    for (const size of [LAPTOP, PHONE]) {
      await sup.setViewportSize(size);
      for (const [name, path] of screens) {
        await sup.goto(`${fx.server.url}${path}`);
        await sup.locator("main h1").first().waitFor();
        await settle(sup);
        if (size === LAPTOP) problems.push(...(await overflowing(sup)).map((p) => `${name}: ${p}`));
        if (name === "review" || name === "results" || name === "rapor") {
          const suffix = size === LAPTOP ? "1366x768" : "360x740";
          await sup.screenshot({ path: resultPath(`e2e-desk-${name}-${suffix}.png`), fullPage: true });
        }
        const axe = await seriousAxeViolations(sup);
        problems.push(...axe.map((v) => `${name} @${size.width}: axe ${v.id}`));
      }
    }
    // The admin screens, as the admin.
    await sup.setViewportSize(LAPTOP);
    await sup.context().clearCookies();
    const login = new LoginPage(sup);
    await login.goto(fx.server.url);
    await login.logIn("admin", DEMO_PASSWORD);
    await sup.locator("main h1").first().waitFor();
    for (const size of [LAPTOP, PHONE]) {
      await sup.setViewportSize(size);
      for (const path of [
        "/admin/kantor",
        "/admin/pengguna",
        "/admin/instrumen",
        "/admin/skema",
        "/admin/periode",
        "/admin/data-induk",
        "/admin/log-audit",
        "/admin/riwayat",
        "/nasional",
      ]) {
        await sup.goto(`${fx.server.url}${path}`);
        await sup.locator("main h1").first().waitFor();
        await settle(sup);
        if (size === LAPTOP) problems.push(...(await overflowing(sup)).map((p) => `${path}: ${p}`));
        const axe = await seriousAxeViolations(sup);
        problems.push(...axe.map((v) => `${path} @${size.width}: axe ${v.id}`));
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
