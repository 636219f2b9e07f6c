// `patuh instrument check FILE [--json]`: validates an instrument file before an admin loads it and
// prints what it contains, or every error with its JSON path. Exit 0 valid, 1 invalid, 2 usage.
import {
  type Instrument,
  instrumentKey,
  LEVEL_IDS,
  type LevelId,
  orderedIndicators,
  parseInstrument,
  requiredCount,
} from "../../domain/index";
import { type CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseCommandArgs, readJsonFile } from "./cli-io";

const USAGE = "usage: patuh instrument check FILE [--json]";

export async function instrumentCheckCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, [], ["json"], USAGE, io);
  if (typeof parsed === "number") return parsed;
  const [file, ...extra] = parsed.positional;
  if (file === undefined || extra.length > 0) {
    io.err(`${file === undefined ? "missing FILE" : "only one FILE"}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const read = await readJsonFile(file);
  if (!read.ok) {
    io.err(read.message);
    return EXIT_INVALID;
  }
  const result = parseInstrument(read.json);
  const json = parsed.flags.has("json");
  if (!result.ok) {
    if (json) io.out(JSON.stringify({ ok: false, errors: result.errors }, null, 2));
    else {
      io.err(
        `${file}: invalid instrument (${result.errors.length} error${result.errors.length === 1 ? "" : "s"})`,
      );
      for (const e of result.errors) io.err(`  ${e.path}: ${e.message}`);
    }
    return EXIT_INVALID;
  }
  const summary = summarise(result.instrument);
  io.out(
    json ? JSON.stringify({ ok: true, ...summary }, null, 2) : formatSummary(result.instrument, summary),
  );
  return EXIT_OK;
}

interface Summary {
  key: string;
  id: string;
  version: number;
  dimensions: { id: string; name: string; weight: number; variables: number; indicators: number }[];
  indicatorsPerLevel: Record<LevelId, number>;
  indicators: number;
  required: Record<Exclude<LevelId, "unit">, number>;
}

function summarise(instrument: Instrument): Summary {
  const perLevel: Record<LevelId, number> = { unit: 0, product: 0, official: 0, user: 0 };
  for (const entry of orderedIndicators(instrument)) perLevel[entry.indicator.level]++;
  return {
    key: instrumentKey(instrument.id, instrument.version),
    id: instrument.id,
    version: instrument.version,
    dimensions: instrument.dimensions.map((d) => ({
      id: d.id,
      name: d.name.id,
      weight: d.weight,
      variables: d.variables.length,
      indicators: d.variables.reduce((n, v) => n + v.indicators.length, 0),
    })),
    indicatorsPerLevel: perLevel,
    indicators: orderedIndicators(instrument).length,
    required: {
      product: requiredCount(instrument, "product"),
      official: requiredCount(instrument, "official"),
      user: requiredCount(instrument, "user"),
    },
  };
}

function formatSummary(instrument: Instrument, s: Summary): string {
  const idWidth = Math.max(...s.dimensions.map((d) => d.id.length), 2);
  const nameWidth = Math.max(...s.dimensions.map((d) => d.name.length), 4);
  const lines = [
    `Instrument ${s.id} version ${s.version} (${s.key}): valid`,
    `  ${instrument.title.id}`,
    "Dimensions:",
    ...s.dimensions.map(
      (d) =>
        `  ${d.id.padEnd(idWidth)}  ${d.name.padEnd(nameWidth)}  weight ${d.weight.toFixed(2).padStart(6)}  ` +
        `${d.variables} variable${d.variables === 1 ? "" : "s"}, ${d.indicators} indicator${d.indicators === 1 ? "" : "s"}`,
    ),
    `  ${"".padEnd(idWidth)}  ${"total".padEnd(nameWidth)}  weight ${s.dimensions
      .reduce((n, d) => n + d.weight, 0)
      .toFixed(2)
      .padStart(6)}`,
    `Indicators per level: ${LEVEL_IDS.map((l) => `${l} ${s.indicatorsPerLevel[l]}`).join(", ")} (total ${s.indicators})`,
    `Required per assessment: ${s.required.product} products, ${s.required.official} officials, ${s.required.user} users`,
  ];
  return lines.join("\n");
}
