// Domain bench: how long scoring a full assessment takes, the live-preview cost on every tap on a
// phone (and per assessment in server result lists). Target ≤ 1 ms median for the default instrument
// with 4 products, 4 officials and 5 users, all answered (answers, photos and notes: a worst case
// for completeness too). Also reports parsing the instrument, done once per version.
//
// Standalone: npx tsx bench/domain.ts
import { pathToFileURL } from "node:url";
import {
  checkCompleteness,
  computeDimensionScores,
  OPINI_2022,
  parseInstrument,
  scoreAssessment,
} from "../src/domain/index";
import {
  buildAssessment,
  defaultInstrumentJson,
  loadDefaultInstrument,
} from "../tests/fixtures/domain/full-assessment";

export interface DomainBenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

function medianMs(iterations: number, fn: () => void): number {
  for (let i = 0; i < Math.min(200, iterations); i++) fn(); // warm-up: let the JIT settle
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
  return Number(median.toFixed(4));
}

export async function benchDomain(): Promise<DomainBenchResult[]> {
  const instrument = loadDefaultInstrument();
  const content = buildAssessment(instrument, { products: 4, officials: 4, users: 5 });
  const check = scoreAssessment(instrument, content, OPINI_2022);
  if (!check.complete || check.total !== 100)
    throw new Error("bench fixture is not a complete 100-point assessment");
  const answers = Object.keys(content.answers).length;
  const json = defaultInstrumentJson();
  let sink = 0; // keeps results alive so the work is not optimised away
  return [
    {
      name: `domain: score full assessment (score + completeness + band, ${answers} answers)`,
      value: medianMs(5000, () => {
        sink += scoreAssessment(instrument, content, OPINI_2022).total;
      }),
      unit: "ms (median)",
      target: "≤ 1 ms",
    },
    {
      name: "domain: dimension scores only",
      value: medianMs(5000, () => {
        sink += computeDimensionScores(instrument, content).total;
      }),
      unit: "ms (median)",
    },
    {
      name: "domain: completeness only",
      value: medianMs(5000, () => {
        sink += checkCompleteness(instrument, content).problems.length;
      }),
      unit: "ms (median)",
    },
    {
      name: "domain: parse default instrument",
      value: medianMs(1000, () => {
        sink += parseInstrument(json).ok ? 1 : 0;
      }),
      unit: "ms (median)",
    },
  ].map((r) => (sink < 0 ? { ...r, value: Number.NaN } : r));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchDomain();
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    console.log(
      `${r.name.padEnd(width)}  ${String(r.value).padStart(8)} ${r.unit}${r.target ? `  (target ${r.target})` : ""}`,
    );
  }
}
