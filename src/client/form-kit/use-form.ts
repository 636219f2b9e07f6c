// The state of one admin form: values, the values it was opened with (dirty = they differ), the
// save in flight, and the server's answer mapped to fields (problem-fields.ts). While dirty, the
// browser warns before the page is left (beforeunload), so a half-typed change is not lost silently.
import { useEffect, useRef, useState } from "preact/hooks";
import { asProblem } from "./error-words";
import { differs, type FieldMessage, problemMessages } from "./problem-fields";

export interface FormState<V extends Record<string, unknown>> {
  values: V;
  dirty: boolean;
  busy: boolean;
  messages: FieldMessage[];
  /** Changes on every failed save, so the error summary takes focus again. */
  generation: number;
  fields: readonly (keyof V & string)[];
  set<K extends keyof V>(name: K, value: V[K]): void;
  /** Back to the opened values, messages cleared. */
  reset(): void;
  submit(event?: Event): Promise<void>;
}

export function useForm<V extends Record<string, unknown>>(opts: {
  initial: V;
  save(values: V): Promise<void>;
  /** After a successful save; the form is clean again with `values` as its new start. */
  onSaved?(values: V): void;
}): FormState<V> {
  const [start, setStart] = useState(opts.initial);
  const [values, setValues] = useState(opts.initial);
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<FieldMessage[]>([]);
  const [generation, setGeneration] = useState(0);
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const fields = Object.keys(opts.initial) as (keyof V & string)[];
  const dirty = differs(values, start);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a returnValue to show their (own-worded) prompt.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  return {
    values,
    dirty,
    busy,
    messages,
    generation,
    fields,
    set(name, value) {
      setValues((old) => ({ ...old, [name]: value }));
    },
    reset() {
      setValues(start);
      setMessages([]);
    },
    async submit(event) {
      event?.preventDefault();
      if (busy) return;
      setBusy(true);
      setMessages([]);
      try {
        await optsRef.current.save(values);
        setStart(values);
        optsRef.current.onSaved?.(values);
      } catch (error) {
        setMessages(problemMessages(asProblem(error), fields));
        setGeneration((n) => n + 1);
      } finally {
        setBusy(false);
      }
    },
  };
}
