// The account's two-step verification (issue #16), for supervisors and admins: turn it on (QR code
// and the key as text, confirmed by a code from the app), see the recovery codes once (download or
// print), turn it off with a code. The server decides everything; this card only asks and shows.
import { useEffect, useState } from "preact/hooks";
import { type Translate, useI18n } from "../../i18n/i18n";
import { loginErrorFor } from "../../session/login-errors";
import { forgetCredential } from "../../session/offline-credential";
import {
  confirmEnrolment,
  disableSecondFactor,
  getSecondFactorStatus,
  type SecondFactorEnrolment,
  type SecondFactorStatus,
  startEnrolment,
} from "../../session/second-factor-api";
import type { User } from "../../session/user";

type Stage =
  | { kind: "loading" }
  | { kind: "status"; status: SecondFactorStatus }
  | { kind: "enrol"; enrolment: SecondFactorEnrolment }
  | { kind: "codes"; codes: string[] }
  | { kind: "disable"; status: SecondFactorStatus };

function errorText(t: Translate, error: unknown): string {
  const e = loginErrorFor(error);
  if (e.code === "second_factor_code_wrong") return t("sfErrWrongCode");
  return t(e.key, { code: e.code });
}

function CodeField({
  id,
  label,
  value,
  onInput,
}: {
  id: string;
  label: string;
  value: string;
  onInput(v: string): void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autocomplete="one-time-code"
        autocapitalize="none"
        spellcheck={false}
        maxLength={20}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        data-testid={id}
      />
    </div>
  );
}

function RecoveryCodes({ user, codes, onDone }: { user: User; codes: string[]; onDone(): void }) {
  const { t } = useI18n();
  const text = `${t("sfCodesFileTitle", { user: user.username })}\n\n${codes.join("\n")}\n`;
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <section class="second-factor__codes" aria-labelledby="sf-codes-title">
      <h3 id="sf-codes-title">{t("sfCodesTitle")}</h3>
      <p>{t("sfCodesIntro")}</p>
      <ol class="second-factor__list" data-testid="sf-recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div class="button-row">
        <a class="button" href={href} download={`patuh-kode-pemulihan-${user.username}.txt`}>
          {t("sfCodesDownload")}
        </a>
        <button type="button" class="button" onClick={() => window.print()}>
          {t("sfCodesPrint")}
        </button>
        <button type="button" class="button button--primary" onClick={onDone} data-testid="sf-codes-done">
          {t("sfCodesDone")}
        </button>
      </div>
    </section>
  );
}

export function SecondFactorCard({ user }: { user: User }) {
  const { t, language } = useI18n();
  const [stage, setStage] = useState<Stage>({ kind: "loading" });
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const refresh = async () => {
    try {
      setStage({ kind: "status", status: await getSecondFactorStatus() });
    } catch {
      setStage({ kind: "loading" }); // offline or no server: the card waits quietly
    }
  };
  useEffect(() => {
    void refresh();
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await work();
      setCode("");
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (stage.kind === "loading") return null;
  if (stage.kind === "status" && !stage.status.available) return null;

  return (
    <section class="card second-factor" aria-labelledby="sf-title" data-testid="second-factor">
      <h2 id="sf-title" class="card__title">
        {t("sfCardTitle")}
      </h2>
      {(stage.kind === "status" || stage.kind === "disable") && (
        <p data-testid="sf-status">
          {stage.status.enabled
            ? t("sfStatusOn", {
                date: new Date(stage.status.enabledAt ?? "").toLocaleDateString(
                  language === "id" ? "id-ID" : "en-GB",
                ),
                count: String(stage.status.recoveryCodesLeft),
              })
            : t("sfStatusOff")}
        </p>
      )}
      {notice && (
        <p class="notice notice--info" role="status">
          {notice}
        </p>
      )}
      {stage.kind === "status" && !stage.status.enabled && (
        <>
          <p>{t("sfCardIntro")}</p>
          <p class="hint">{t("sfOfflineNote")}</p>
          <button
            type="button"
            class="button button--primary button--block"
            disabled={busy}
            data-testid="sf-start"
            onClick={() =>
              void run(async () => setStage({ kind: "enrol", enrolment: await startEnrolment() }))
            }
          >
            {t("sfStart")}
          </button>
        </>
      )}
      {stage.kind === "enrol" && (
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const codes = await confirmEnrolment(code.trim());
              await forgetCredential(user.username);
              setStage({ kind: "codes", codes });
            });
          }}
        >
          <h3>{t("sfScanTitle")}</h3>
          <img
            class="second-factor__qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(stage.enrolment.qrSvg)}`}
            alt={t("sfQrAlt")}
            width={200}
            height={200}
          />
          <p>{t("sfManual")}</p>
          <p>
            <code class="second-factor__secret" data-testid="sf-secret">
              {stage.enrolment.secretGrouped}
            </code>
          </p>
          <h3>{t("sfConfirmTitle")}</h3>
          <CodeField id="sf-confirm-code" label={t("sfLoginCode")} value={code} onInput={setCode} />
          <div class="button-row">
            <button type="submit" class="button button--primary" disabled={busy} data-testid="sf-confirm">
              {t("sfConfirm")}
            </button>
            <button type="button" class="button" onClick={() => void refresh()}>
              {t("sfCancel")}
            </button>
          </div>
        </form>
      )}
      {stage.kind === "codes" && (
        <RecoveryCodes
          user={user}
          codes={stage.codes}
          onDone={() => {
            setNotice(t("sfEnabled"));
            void refresh();
          }}
        />
      )}
      {stage.kind === "status" && stage.status.enabled && (
        <button
          type="button"
          class="button"
          onClick={() => setStage({ kind: "disable", status: stage.status })}
          data-testid="sf-disable"
        >
          {t("sfDisable")}
        </button>
      )}
      {stage.kind === "disable" && (
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await disableSecondFactor(code.trim());
              await refresh();
              setNotice(t("sfDisabled"));
            });
          }}
        >
          <CodeField id="sf-disable-code" label={t("sfDisableCode")} value={code} onInput={setCode} />
          <div class="button-row">
            <button
              type="submit"
              class="button button--danger"
              disabled={busy}
              data-testid="sf-disable-confirm"
            >
              {t("sfDisableConfirm")}
            </button>
            <button type="button" class="button" onClick={() => void refresh()}>
              {t("sfCancel")}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p class="notice notice--error" role="alert" data-testid="sf-error">
          {error}
        </p>
      )}
    </section>
  );
}
