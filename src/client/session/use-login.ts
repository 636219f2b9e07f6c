import { useState } from "preact/hooks";
import { ApiError } from "../api/http";
import { type LoginError, loginErrorFor } from "./login-errors";
import { login, loginSecondFactor, SECOND_FACTOR_REQUIRED } from "./session";

export interface LoginState {
  busy: boolean;
  error: LoginError | undefined;
  /** "code": the password was right and the account asks for its second factor. */
  stage: "password" | "code";
  submit(username: string, password: string): Promise<void>;
  submitCode(code: string): Promise<void>;
  back(): void;
}

export function useLogin(): LoginState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError | undefined>(undefined);
  const [stage, setStage] = useState<LoginState["stage"]>("password");
  const [username, setUsername] = useState("");
  const submit = async (name: string, password: string) => {
    if (busy) return;
    if (name.trim() === "" || password === "") {
      setError({ key: "errorRequired", code: "required" });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      // The username is trimmed (phones add a trailing space after autocomplete); the password never is.
      await login(name.trim(), password);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === SECOND_FACTOR_REQUIRED) {
        setUsername(name.trim());
        setStage("code");
      } else {
        setError(loginErrorFor(caught));
      }
      setBusy(false);
    }
  };
  const submitCode = async (code: string) => {
    if (busy) return;
    if (code.trim() === "") {
      setError({ key: "sfErrRequired", code: "required" });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await loginSecondFactor(username, code.trim());
    } catch (caught) {
      const found = loginErrorFor(caught);
      // The step expired (or the server restarted it): back to the password, saying why.
      if (found.code === "second_factor_expired") setStage("password");
      setError(found);
      setBusy(false);
    }
  };
  const back = () => {
    setStage("password");
    setError(undefined);
  };
  return { busy, error, stage, submit, submitCode, back };
}
