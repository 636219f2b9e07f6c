// The admin's instrument workbook: template download, upload an XLSX → the server's preview (the
// checklist as the assessor will see it: groups in tree order with their questions) or every
// problem with its cell, then Simpan (save=true) with the same file. A changed file is checked again.
// Under the outline, the real preview: the assessor's checklist parts, read-only (preview/).
import { useState } from "preact/hooks";
import { type CellProblem, instrumentSheetsApi } from "../../api/locusdata-api";
import { CellProblemTable } from "../../components/upload-preview/cell-problems";
import { errorWords } from "../../form-kit/error-words";
import { useI18n } from "../../i18n/i18n";
import { LazyInstrumentPreview } from "./preview/lazy-preview";

type Preview = { json: unknown } | { problems: CellProblem[] };

interface Node {
  key: string;
  title: string;
  depth: number;
  questions: { id: string; text: string }[];
}

const record = (x: unknown): Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const text = (x: unknown, language: string): string => {
  if (typeof x === "string") return x;
  const r = record(x);
  const en = language === "en" ? r.en : undefined;
  return typeof en === "string" ? en : typeof r.id === "string" ? r.id : "";
};

/** The instrument JSON (format 2 tree, or format 1 dimensions) flattened for display. */
export function outline(json: unknown, language: string): Node[] {
  const out: Node[] = [];
  const walk = (groups: unknown[], depth: number) => {
    for (const g of groups) {
      const r = record(g);
      const id = typeof r.id === "string" ? r.id : "";
      const questions = list(r.indicators).map((i) => {
        const ir = record(i);
        return { id: typeof ir.id === "string" ? ir.id : "", text: text(ir.question, language) };
      });
      out.push({
        key: `${depth}:${id}:${out.length}`,
        title: text(r.name ?? r.title, language),
        depth,
        questions,
      });
      walk([...list(r.groups), ...list(r.variables)], depth + 1);
    }
  };
  const root = record(json);
  walk(list(root.groups).length > 0 ? list(root.groups) : list(root.dimensions), 0);
  return out;
}

export function InstrumentWorkbook({ onSaved }: { onSaved(): void }) {
  const { t, language } = useI18n();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();

  const send = async (save: boolean) => {
    if (!file) {
      setError(t("ldNoFile"));
      return;
    }
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      const answer = await instrumentSheetsApi.upload(file, save);
      if (!answer.ok) {
        setPreview({ problems: answer.problems });
        return;
      }
      setPreview({ json: answer.json });
      const root = record(answer.json);
      const vars = { id: String(root.id ?? ""), version: String(root.version ?? "") };
      if (answer.stored) {
        setMessage(answer.created ? t("ldWbCreated", vars) : t("ldWbSame", vars));
        onSaved();
      }
    } catch (e) {
      setError(errorWords(t, e));
    } finally {
      setBusy(false);
    }
  };
  const valid = preview !== undefined && "json" in preview;
  const nodes = valid ? outline(preview.json, language) : [];
  const root = valid ? record(preview.json) : {};
  const indicators = nodes.reduce((n, g) => n + g.questions.length, 0);

  return (
    <section class="card" aria-labelledby="wb-title" data-testid="instrument-workbook">
      <h2 id="wb-title" class="card__title">
        {t("ldWbTitle")}
      </h2>
      <p>{t("ldWbText")}</p>
      <p>
        <a class="button" href={instrumentSheetsApi.templateUrl} download data-testid="wb-template">
          {t("ldWbTemplate")}
        </a>
      </p>
      <div class="field">
        <label for="wb-file">{t("ldWbFile")}</label>
        <input
          id="wb-file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0]);
            setPreview(undefined);
            setMessage(undefined);
            setError(undefined);
          }}
        />
      </div>
      <div class="button-row">
        <button type="button" class="button" disabled={busy} onClick={() => void send(false)}>
          {t("ldWbPreview")}
        </button>
        <button
          type="button"
          class="button button--primary"
          disabled={busy || !valid}
          onClick={() => void send(true)}
          data-testid="wb-save"
        >
          {t("ldWbSave")}
        </button>
      </div>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {message && (
        <p class="notice" role="status" data-testid="wb-message">
          {message}
        </p>
      )}
      {preview && "problems" in preview && (
        <>
          <p class="notice notice--error" role="alert" data-testid="wb-outcome">
            {t("ldWbInvalid", { count: String(preview.problems.length) })}
          </p>
          <CellProblemTable problems={preview.problems} testId="wb-problems" />
        </>
      )}
      {valid && !message && (
        <p class="notice" role="status" data-testid="wb-outcome">
          {t("ldWbValid", {
            id: String(root.id ?? ""),
            version: String(root.version ?? ""),
            indicators: String(indicators),
          })}
        </p>
      )}
      {valid && (
        <details class="wb-preview" open>
          <summary>{t("ldWbPreviewTitle")}</summary>
          <div data-testid="wb-preview">
            {nodes.map((n) => (
              <div key={n.key} style={{ marginInlineStart: `${n.depth}rem` }}>
                <h3>{n.title}</h3>
                {n.questions.length > 0 && (
                  <ol>
                    {n.questions.map((q) => (
                      <li key={q.id}>
                        <span class="admin-code">{q.id}</span> {q.text}
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            ))}
          </div>
        </details>
      )}
      {/* Once saved, the stored version's Pratinjau shows it (one preview of it on the page). */}
      {valid && !message && <LazyInstrumentPreview json={preview.json} idPrefix="wb" />}
    </section>
  );
}
