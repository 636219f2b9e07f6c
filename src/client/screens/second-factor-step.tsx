// The login's second step (issue #16): after the right password, a code from the authenticator
// app, or a recovery code when the phone is lost. The focus moves to the heading so screen readers
// announce the new step; the code field is numeric on phones and takes the OS's one-time-code
// autofill.
import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n";
import type { LoginError } from "../session/login-errors";

export function SecondFactorStep({
  busy,
  error,
  onSubmit,
  onBack,
}: {
  busy: boolean;
  error: LoginError | undefined;
  onSubmit(code: string): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {t("sfLoginTitle")}
      </h1>
      <p class="lead">{t("sfLoginIntro")}</p>
      <form
        class="form"
        noValidate
        aria-describedby={error ? "second-factor-error" : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(code);
        }}
      >
        <div class="field">
          <label for="second-factor-code">{recovery ? t("sfLoginRecovery") : t("sfLoginCode")}</label>
          {recovery && (
            <p class="field__hint" id="second-factor-hint">
              {t("sfLoginRecoveryHint")}
            </p>
          )}
          <input
            id="second-factor-code"
            name="code"
            type="text"
            inputMode={recovery ? "text" : "numeric"}
            autocomplete="one-time-code"
            autocapitalize="none"
            spellcheck={false}
            maxLength={recovery ? 20 : 8}
            required
            value={code}
            aria-invalid={error?.key === "sfErrWrongCode"}
            aria-describedby={recovery ? "second-factor-hint" : undefined}
            onInput={(e) => setCode(e.currentTarget.value)}
            data-testid="second-factor-code"
          />
        </div>
        {error && (
          <p id="second-factor-error" class="notice notice--error" role="alert" data-testid="login-error">
            {t(error.key, { code: error.code })}
          </p>
        )}
        <button type="submit" class="button button--primary button--block" disabled={busy}>
          {busy ? t("loginBusy") : t("sfLoginSubmit")}
        </button>
        <div class="button-row">
          <button
            type="button"
            class="button"
            onClick={() => {
              setRecovery(!recovery);
              setCode("");
            }}
            data-testid="second-factor-switch"
          >
            {recovery ? t("sfUseApp") : t("sfUseRecovery")}
          </button>
          <button type="button" class="button" onClick={onBack}>
            {t("sfLoginBack")}
          </button>
        </div>
      </form>
    </>
  );
}
