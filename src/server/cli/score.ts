// `patuh score --instrument FILE --assessment FILE [--scheme NAME|FILE]`: scores one assessment file
// (docs/assessment-file.md) exactly as the server does and prints
// {total, dimensions:[{id,points}], band, complete, problems} as JSON. Exit 0 when scored (complete
// or not), 1 when an input is invalid, 2 on usage errors.
import {
  type BandingScheme,
  BUILTIN_SCHEMES,
  DEFAULT_SCHEME_ID,
  instrumentKey,
  type PathError,
  parseAssessmentFile,
  parseBandingScheme,
  parseInstrument,
  scoreAssessment,
  summariseBand,
} from "../../domain/index";
import { type CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE, parseCommandArgs, readJsonFile } from "./cli-io";

const USAGE = `usage: patuh score --instrument FILE --assessment FILE [--scheme ${Object.keys(BUILTIN_SCHEMES).join("|")}|FILE]`;

export async function scoreCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, ["instrument", "assessment", "scheme"], [], USAGE, io);
  if (typeof parsed === "number") return parsed;
  const instrumentFile = parsed.options.get("instrument");
  const assessmentFile = parsed.options.get("assessment");
  if (instrumentFile === undefined || assessmentFile === undefined || parsed.positional.length > 0) {
    const what =
      parsed.positional.length > 0
        ? `unexpected argument ${parsed.positional[0]}`
        : "--instrument and --assessment are required";
    io.err(`${what}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const schemeArg = parsed.options.get("scheme") ?? DEFAULT_SCHEME_ID;
  const scheme = await loadScheme(schemeArg, io);
  if (scheme === "usage") return EXIT_USAGE;
  if (scheme === null) return EXIT_INVALID;

  const instrumentJson = await readJsonFile(instrumentFile);
  if (!instrumentJson.ok) return fail(io, instrumentJson.message);
  const instrument = parseInstrument(instrumentJson.json);
  if (!instrument.ok) return failPaths(io, `${instrumentFile}: invalid instrument`, instrument.errors);

  const assessmentJson = await readJsonFile(assessmentFile);
  if (!assessmentJson.ok) return fail(io, assessmentJson.message);
  const assessment = parseAssessmentFile(assessmentJson.json);
  if (!assessment.ok) return failPaths(io, `${assessmentFile}: invalid assessment`, assessment.errors);

  const result = scoreAssessment(instrument.instrument, assessment.assessment, scheme);
  const output = {
    instrument: instrumentKey(instrument.instrument.id, instrument.instrument.version),
    scheme: scheme.id,
    total: result.total,
    dimensions: result.dimensions.map((d) => ({ id: d.id, points: d.points })),
    band: result.band === null ? null : summariseBand(result.band),
    complete: result.complete,
    problems: result.problems,
  };
  io.out(JSON.stringify(output, null, 2));
  return EXIT_OK;
}

async function loadScheme(arg: string, io: CliIo): Promise<BandingScheme | null | "usage"> {
  const builtin = Object.hasOwn(BUILTIN_SCHEMES, arg) ? BUILTIN_SCHEMES[arg] : undefined;
  if (builtin !== undefined) return builtin;
  // Anything that looks like a path is a scheme file; anything else is a mistyped name.
  if (!arg.endsWith(".json") && !arg.includes("/")) {
    io.err(
      `unknown scheme "${arg}" (built in: ${Object.keys(BUILTIN_SCHEMES).join(", ")}; or give a .json file)\n${USAGE}`,
    );
    return "usage";
  }
  const read = await readJsonFile(arg);
  if (!read.ok) {
    io.err(read.message);
    return null;
  }
  const scheme = parseBandingScheme(read.json);
  if (!scheme.ok) {
    failPaths(io, `${arg}: invalid banding scheme`, scheme.errors);
    return null;
  }
  return scheme.scheme;
}

function fail(io: CliIo, message: string): number {
  io.err(message);
  return EXIT_INVALID;
}

function failPaths(io: CliIo, title: string, errors: readonly PathError[]): number {
  io.err(`${title} (${errors.length} error${errors.length === 1 ? "" : "s"})`);
  for (const e of errors) io.err(`  ${e.path}: ${e.message}`);
  return EXIT_INVALID;
}
