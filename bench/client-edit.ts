// Benchmark: one local edit on the device (recordMutation of an assessment.setAnswer: schema check,
// shared reducer, one IndexedDB transaction over local view + outbox + counter). Target: median
// ≤ 10 ms in a real Chromium (a fake-indexeddb figure would not mean anything for phones).
//
// Bundles bench/client-edit-page.ts with esbuild, serves it from a throwaway local HTTP server (an
// http origin, so IndexedDB behaves as in the app), and drives Debian's Chromium with playwright-core.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/e2e/support/browser";
import { bundlePageScript, quantile } from "./support";

export interface ClientEditBench {
  name: "client-edit";
  environment: "chromium";
  iterations: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  targetMs: number;
  pass: boolean;
}

export async function benchClientEdit(
  options: { iterations?: number; warmup?: number } = {},
): Promise<ClientEditBench> {
  const iterations = options.iterations ?? 300;
  const warmup = options.warmup ?? 30;
  const js = await bundlePageScript("client-edit-page.ts");
  const html = `<!doctype html><meta charset="utf-8"><title>bench</title><script>${js.replace(/<\/script/gi, "<\\/script")}</script>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const result = await page.evaluate(
      ([n, w]) =>
        (
          globalThis as unknown as { runBench: (n: number, w: number) => Promise<{ samplesMs: number[] }> }
        ).runBench(n, w),
      [iterations, warmup] as const,
    );
    const sorted = [...result.samplesMs].sort((a, b) => a - b);
    const medianMs = Math.round(quantile(sorted, 0.5) * 100) / 100;
    return {
      name: "client-edit",
      environment: "chromium",
      iterations,
      medianMs,
      p95Ms: Math.round(quantile(sorted, 0.95) * 100) / 100,
      maxMs: Math.round((sorted[sorted.length - 1] ?? Number.NaN) * 100) / 100,
      targetMs: 10,
      pass: medianMs <= 10,
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

// `npx tsx bench/client-edit.ts` prints the result on its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchClientEdit().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
