// The Kantor Pusat defines a national round: year, name, instrument version, banding scheme and the
// timetable (planning, fieldwork, review, publication). One round per year (the server refuses a
// second with already_exists); the instrument and scheme lists are the admin's own.
import { useState } from "preact/hooks";
import { adminApi, type InstrumentSummary, type Scheme } from "../../api/admin-api";
import { ApiError } from "../../api/http";
import { nationalApi, type Round, type Timetable } from "../../api/national-api";
import { useI18n } from "../../i18n/i18n";
import { RemoteView } from "../review/remote-view";
import { useRemote } from "../review/use-remote";
import { localText } from "../review/words";
import { nationalErrorWords } from "./national-words";

const TIMETABLE_FIELDS = [
  ["planningUntil", "natPlanningUntil"],
  ["fieldworkUntil", "natFieldworkUntil"],
  ["reviewUntil", "natReviewUntil"],
  ["publicationOn", "natPublicationOn"],
] as const;

export function CreateRoundForm({ rounds, onCreated }: { rounds: readonly Round[]; onCreated: () => void }) {
  const { t } = useI18n();
  const [remote, reload] = useRemote(() => Promise.all([adminApi.instruments(), adminApi.schemes()]), []);
  return (
    <section class="card" aria-labelledby="round-create">
      <h2 id="round-create" class="card__title">
        {t("natCreateTitle")}
      </h2>
      <RemoteView remote={remote} reload={reload}>
        {([instruments, schemes]) => (
          <RoundForm rounds={rounds} instruments={instruments} schemes={schemes} onCreated={onCreated} />
        )}
      </RemoteView>
    </section>
  );
}

function RoundForm({
  rounds,
  instruments,
  schemes,
  onCreated,
}: {
  rounds: readonly Round[];
  instruments: InstrumentSummary[];
  schemes: Scheme[];
  onCreated: () => void;
}) {
  const { t, language } = useI18n();
  const nextYear = Math.max(new Date().getFullYear(), ...rounds.map((r) => r.year + 1));
  const [year, setYear] = useState(String(nextYear));
  const [name, setName] = useState(t("natDefaultName", { year: String(nextYear) }));
  const [instrument, setInstrument] = useState(
    instruments[0] ? `${instruments[0].id}@${instruments[0].version}` : "",
  );
  const [schemeId, setSchemeId] = useState(
    schemes.find((s) => s.id === "opini-2022")?.id ?? schemes[0]?.id ?? "",
  );
  const [timetable, setTimetable] = useState<Timetable>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    const at = instrument.lastIndexOf("@");
    const yearNumber = Number(year);
    if (!Number.isInteger(yearNumber) || yearNumber < 2000 || yearNumber > 2100) {
      setMessage({ error: true, text: t("natErrYear") });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const round = await nationalApi.createRound({
        year: yearNumber,
        name: name.trim(),
        instrumentId: instrument.slice(0, at),
        instrumentVersion: Number(instrument.slice(at + 1)),
        schemeId,
        timetable: Object.fromEntries(Object.entries(timetable).filter(([, v]) => v !== "")),
      });
      setMessage({ error: false, text: t("natCreated", { year: String(round.year) }) });
      onCreated();
    } catch (e) {
      setMessage({ error: true, text: nationalErrorWords(t, e instanceof ApiError ? e.code : "unexpected") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="national-form" onSubmit={(e) => void submit(e)} data-testid="round-form">
      <div class="field">
        <label for="round-year">{t("natYear")}</label>
        <input
          id="round-year"
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          required
          value={year}
          onInput={(e) => setYear(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="round-name">{t("natRoundName")}</label>
        <input
          id="round-name"
          required
          maxLength={200}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="round-instrument">{t("natInstrument")}</label>
        <select
          id="round-instrument"
          value={instrument}
          onChange={(e) => setInstrument(e.currentTarget.value)}
        >
          {instruments.map((i) => (
            <option key={`${i.id}@${i.version}`} value={`${i.id}@${i.version}`}>
              {localText(i.title, language)} (v{i.version})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="round-scheme">{t("natScheme")}</label>
        <select id="round-scheme" value={schemeId} onChange={(e) => setSchemeId(e.currentTarget.value)}>
          {schemes.map((s) => (
            <option key={s.id} value={s.id}>
              {localText(s.name, language)} ({s.id})
            </option>
          ))}
        </select>
      </div>
      <fieldset class="national-timetable">
        <legend>{t("natTimetable")}</legend>
        {TIMETABLE_FIELDS.map(([key, label]) => (
          <div class="field" key={key}>
            <label for={`round-${key}`}>{t(label)}</label>
            <input
              id={`round-${key}`}
              type="date"
              value={timetable[key] ?? ""}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setTimetable((old) => ({ ...old, [key]: value }));
              }}
            />
          </div>
        ))}
      </fieldset>
      <div class="button-row">
        <button
          type="submit"
          class="button button--primary"
          disabled={busy || instrument === "" || schemeId === ""}
        >
          {busy ? t("natSaving") : t("natCreate")}
        </button>
      </div>
      {message && (
        <p
          class={message.error ? "notice notice--error" : "notice"}
          role={message.error ? "alert" : "status"}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
