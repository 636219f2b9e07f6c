// Helpers for the hand-written validators of instruments, banding schemes and assessment files.
// Invariant: nothing here throws on any input; every problem becomes a {path, message} entry so an
// admin loading a file sees where it is wrong (JSON paths like `$.dimensions[1].weight`).

export interface PathError {
  readonly path: string;
  readonly message: string;
}

export interface LocalText {
  /** Indonesian text: always present, the UI language. */
  readonly id: string;
  /** English text: optional (developer/admin aid). */
  readonly en?: string;
}

export type JsonRecord = { readonly [key: string]: unknown };

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Own-property read: a plain-object lookup of "constructor" or "toString" must not reach the prototype. */
export function own<T>(record: { readonly [key: string]: T }, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function describeType(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number") return `the number ${String(value)}`;
  return `a ${typeof value}`;
}

/**
 * Ids of instrument parts and of answer instances end up inside answer keys
 * (`IND@product:ID#physical`), so they may not contain `@`, `:`, `#` or spaces.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const ID_RULE = "1–128 characters: letters, digits, '.', '_' or '-', starting with a letter or digit";

/** Garbage input could produce thousands of errors; the first ones are what a person reads. */
export const MAX_ERRORS = 100;

export class ErrorSink {
  private readonly list: PathError[] = [];
  private dropped = 0;

  add(path: string, message: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push({ path, message });
    else this.dropped++;
  }

  get count(): number {
    return this.list.length + this.dropped;
  }

  result(): PathError[] {
    if (this.dropped === 0) return [...this.list];
    return [...this.list, { path: "$", message: `…and ${this.dropped} more errors` }];
  }
}

export function checkKnownFields(
  obj: JsonRecord,
  allowed: readonly string[],
  path: string,
  sink: ErrorSink,
): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      sink.add(childPath(path, key), `unknown field "${key}" (allowed: ${allowed.join(", ")})`);
    }
  }
}

export function readRecord(value: unknown, path: string, sink: ErrorSink, what: string): JsonRecord | null {
  if (isRecord(value)) return value;
  sink.add(
    path,
    value === undefined ? `${what} is missing` : `${what} must be an object, not ${describeType(value)}`,
  );
  return null;
}

export function readArray(
  value: unknown,
  path: string,
  sink: ErrorSink,
  what: string,
): readonly unknown[] | null {
  if (Array.isArray(value)) return value;
  sink.add(
    path,
    value === undefined ? `${what} is missing` : `${what} must be an array, not ${describeType(value)}`,
  );
  return null;
}

export function readString(value: unknown, path: string, sink: ErrorSink, what: string): string | null {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (value === undefined) sink.add(path, `${what} is missing`);
  else if (typeof value === "string") sink.add(path, `${what} must not be empty`);
  else sink.add(path, `${what} must be a string, not ${describeType(value)}`);
  return null;
}

export function readOptionalString(
  value: unknown,
  path: string,
  sink: ErrorSink,
  what: string,
): string | undefined {
  if (value === undefined) return undefined;
  return readString(value, path, sink, what) ?? undefined;
}

export function readId(value: unknown, path: string, sink: ErrorSink, what: string): string | null {
  const text = readString(value, path, sink, what);
  if (text === null) return null;
  if (!ID_PATTERN.test(text)) {
    sink.add(path, `${what} ${JSON.stringify(text)} is not a valid id (${ID_RULE})`);
    return null;
  }
  return text;
}

export function readFiniteNumber(value: unknown, path: string, sink: ErrorSink, what: string): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  sink.add(
    path,
    value === undefined
      ? `${what} is missing`
      : `${what} must be a finite number, not ${describeType(value)}`,
  );
  return null;
}

export function readPositiveNumber(
  value: unknown,
  path: string,
  sink: ErrorSink,
  what: string,
): number | null {
  const n = readFiniteNumber(value, path, sink, what);
  if (n === null) return null;
  if (n <= 0) {
    sink.add(path, `${what} must be greater than 0, not ${n}`);
    return null;
  }
  return n;
}

export function readCount(value: unknown, path: string, sink: ErrorSink, what: string): number | null {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 1000) return value;
  sink.add(path, `${what} must be a whole number from 0 to 1000, not ${describeType(value)}`);
  return null;
}

/** A bilingual label: `{"id": "…", "en": "…"}` with Indonesian required and English optional. */
export function readLocalText(value: unknown, path: string, sink: ErrorSink, what: string): LocalText | null {
  if (value === undefined) {
    sink.add(path, `${what} is missing (an object with an Indonesian "id" text)`);
    return null;
  }
  const obj = readRecord(value, path, sink, what);
  if (obj === null) return null;
  checkKnownFields(obj, ["id", "en"], path, sink);
  const id = readString(obj.id, childPath(path, "id"), sink, `${what} (Indonesian text "id")`);
  const en = readOptionalString(obj.en, childPath(path, "en"), sink, `${what} (English text "en")`);
  if (id === null) return null;
  return en === undefined ? { id } : { id, en };
}

export function copyLocalText(text: LocalText): LocalText {
  return text.en === undefined ? { id: text.id } : { id: text.id, en: text.en };
}
