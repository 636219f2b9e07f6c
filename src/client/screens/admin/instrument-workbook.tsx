// The admin's instrument workbook: template download, upload an XLSX → the server's preview (the
// checklist as the assessor will see it: groups in tree order with their questions) or every
// problem with its cell, then Simpan (save=true) with the same file. A changed file is checked again.
// Under the outline, the real preview: the assessor's checklist parts, read-only (preview/).
import { instrumentSheetsApi, type WorkbookAnswer } from "../../api/locusdata-api";
import { CellProblemTable } from "../../components/upload-preview/cell-problems";
import { UploadOutcome, UploadPanel, XLSX_ONLY } from "../../components/upload-preview/upload-panel";
import { type UploadSpec, useUploadCheck } from "../../components/upload-preview/use-upload-check";
import { useI18n } from "../../i18n/i18n";
import { LazyInstrumentPreview } from "./preview/lazy-preview";

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

const UPLOAD: UploadSpec = {
  ids: { title: "wb-title", file: "wb-file", confirm: "wb-save", panel: "instrument-workbook" },
  accept: XLSX_ONLY,
  words: {
    title: "ldWbTitle",
    file: "ldWbFile",
    check: "ldWbPreview",
    confirm: "ldWbSave",
    noFile: "ldNoFile",
  },
  // The checked outline stays on screen while Simpan stores the same file.
  keepWhileBusy: true,
};

export function InstrumentWorkbook({ onSaved }: { onSaved(): void }) {
  const { t, language } = useI18n();
  const upload = useUploadCheck<WorkbookAnswer>(
    UPLOAD,
    (file, save) => instrumentSheetsApi.upload(file, save),
    (answer) => {
      if (answer.ok && answer.stored) onSaved();
    },
  );
  const answer = upload.answer;
  // The checked instrument (its outline and preview), or the problems of a refused workbook.
  const checked = answer?.ok ? answer : undefined;
  const refused = answer !== undefined && !answer.ok ? answer : undefined;
  const nodes = checked ? outline(checked.json, language) : [];
  const root = checked ? record(checked.json) : {};
  const indicators = nodes.reduce((n, g) => n + g.questions.length, 0);
  const vars = { id: String(root.id ?? ""), version: String(root.version ?? "") };
  // Said once the file is stored (not while the next request runs).
  const message =
    checked?.stored && !upload.busy
      ? checked.created
        ? t("ldWbCreated", vars)
        : t("ldWbSame", vars)
      : undefined;

  return (
    <UploadPanel
      spec={UPLOAD}
      upload={upload}
      intro={
        <>
          <p>{t("ldWbText")}</p>
          <p>
            <a class="button" href={instrumentSheetsApi.templateUrl} download data-testid="wb-template">
              {t("ldWbTemplate")}
            </a>
          </p>
        </>
      }
      canConfirm={checked !== undefined}
    >
      {message && (
        <p class="notice" role="status" data-testid="wb-message">
          {message}
        </p>
      )}
      {refused && (
        <>
          <UploadOutcome refused testId="wb-outcome">
            {t("ldWbInvalid", { count: String(refused.problems.length) })}
          </UploadOutcome>
          <CellProblemTable problems={refused.problems} testId="wb-problems" />
        </>
      )}
      {checked && !message && (
        <UploadOutcome refused={false} testId="wb-outcome">
          {t("ldWbValid", { ...vars, indicators: String(indicators) })}
        </UploadOutcome>
      )}
      {checked && (
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
      {checked && !message && <LazyInstrumentPreview json={checked.json} idPrefix="wb" />}
    </UploadPanel>
  );
}
