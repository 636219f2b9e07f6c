import { useState } from "preact/hooks";
import { type LoginError, loginErrorFor } from "./login-errors";
import { login } from "./session";

export interface LoginState {
  busy: boolean;
  error: LoginError | undefined;
  submit(username: string, password: string): Promise<void>;
}

export function useLogin(): LoginState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError | undefined>(undefined);
  const submit = async (username: string, password: string) => {
    if (busy) return;
    if (username.trim() === "" || password === "") {
      setError({ key: "errorRequired", code: "required" });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      // The username is trimmed (phones add a trailing space after autocomplete); the password never is.
      await login(username.trim(), password);
    } catch (caught) {
      setError(loginErrorFor(caught));
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
