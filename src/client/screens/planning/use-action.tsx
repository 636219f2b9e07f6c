// One planning request at a time per form: busy flag, the outcome in words, and a refresh after
// success (the server's plan is the truth; other supervisors may have changed it meanwhile).
import { useState } from "preact/hooks";
import { useI18n } from "../../i18n/i18n";
import { planningErrorWords } from "./planning-words";

export interface Action {
  busy: boolean;
  message: { kind: "ok" | "error"; text: string } | null;
  run(work: () => Promise<unknown>): void;
}

export function useAction(onDone: () => void): Action {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Action["message"]>(null);
  return {
    busy,
    message,
    run(work) {
      if (busy) return;
      setBusy(true);
      setMessage(null);
      work().then(
        () => {
          setBusy(false);
          setMessage({ kind: "ok", text: t("planningSaved") });
          onDone();
        },
        (error: unknown) => {
          setBusy(false);
          setMessage({ kind: "error", text: planningErrorWords(error, t) });
        },
      );
    },
  };
}

export function ActionMessage({ action }: { action: Action }) {
  const { t } = useI18n();
  if (action.busy) return <p role="status">{t("planningBusy")}</p>;
  if (!action.message) return null;
  return (
    <p
      role={action.message.kind === "error" ? "alert" : "status"}
      class={action.message.kind === "error" ? "notice notice--error" : "planning__ok"}
    >
      action.message.text
    </p>
  );
}
