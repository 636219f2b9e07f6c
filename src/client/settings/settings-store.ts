// Device settings (the UI language, later more) in their own idb-keyval database.
//
// Invariants: settings belong to the device, not to a user, so logout and a 401 leave them alone.
// A storage failure (private mode, storage evicted) never blocks the app: reads fall back to the
// default and writes are best-effort, because a lost language choice costs one tap.
import { createStore, get, set } from "idb-keyval";

// One database per concern: idb-keyval creates its object store only when the database is new,
// so sharing a database name with another createStore would break the second one.
const settingsDb = createStore("patuh-settings", "settings");

export type Language = "id" | "en";

const LANGUAGE_KEY = "language";

function isLanguage(value: unknown): value is Language {
  return value === "id" || value === "en";
}

export async function loadLanguage(): Promise<Language | undefined> {
  try {
    const value: unknown = await get(LANGUAGE_KEY, settingsDb);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function saveLanguage(language: Language): Promise<void> {
  try {
    await set(LANGUAGE_KEY, language, settingsDb);
  } catch (error) {
    console.warn("patuh: could not save the language setting", error);
  }
}
