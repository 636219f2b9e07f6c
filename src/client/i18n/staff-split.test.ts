// The staff words load only with the staff UI (i18n.ts): an assessor never downloads them. A staff
// key written in an assessor's screen would show as the raw key on the phone, so none may be.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { staffMessagesId } from "./staff-id";

const client = join(import.meta.dirname, "..");
/** What an assessor's device renders: the shell, login, home, the visit start and the checklist. */
const ASSESSOR_CODE = [
  ...readdirSync(join(client, "app"))
    .filter((name) => name !== "routes")
    .map((name) => `app/${name}`),
  "app/routes/assessor-routes.tsx",
  "components/answers",
  "components/app-header.tsx",
  "components/app-footer.tsx",
  "components/language-switch.tsx",
  "components/online-status.tsx",
  "components/update-banner.tsx",
  "hooks",
  "screens/home",
  "screens/home-screen.tsx",
  "screens/login-screen.tsx",
  "screens/not-found-screen.tsx",
  "screens/assessment-screen.tsx",
  "screens/start-visit",
  "screens/checklist",
];

function sourceFiles(path: string): string[] {
  if (statSync(path).isFile()) return /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => sourceFiles(join(path, name)));
}

describe("the staff words' split", () => {
  it("no assessor screen uses a word only the staff UI loads", () => {
    const staffKeys = Object.keys(staffMessagesId);
    const used: string[] = [];
    for (const file of ASSESSOR_CODE.flatMap((p) => sourceFiles(join(client, p)))) {
      const text = readFileSync(file, "utf8");
      for (const key of staffKeys)
        if (text.includes(`"${key}"`)) used.push(`${file.slice(client.length + 1)}: ${key}`);
    }
    expect(used).toEqual([]);
  });

  it("looks where the assessor's screens are (the list above still names real code)", () => {
    const files = ASSESSOR_CODE.flatMap((p) => sourceFiles(join(client, p)));
    expect(files.length).toBeGreaterThan(40);
    expect(files.some((f) => f.endsWith("checklist-view.tsx"))).toBe(true);
  });
});
