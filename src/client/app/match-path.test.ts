import { describe, expect, it } from "vitest";
import { matchPath } from "./match-path";

describe("matchPath", () => {
  it.each([
    ["/", "/", {}],
    ["/login", "/login", {}],
    ["/penilaian/:id", "/penilaian/abc", { id: "abc" }],
    ["/penilaian/:id", "/penilaian/abc/", { id: "abc" }],
    ["/penilaian/:id", "/penilaian/a%20b", { id: "a b" }],
  ])("%s matches %s", (pattern, path, params) => {
    expect(matchPath(pattern, path)).toEqual(params);
  });

  it.each([
    ["/penilaian/:id", "/penilaian"],
    ["/penilaian/:id", "/penilaian/a/b"],
    ["/penilaian/:id", "/penilaian/%E0%A4%A"],
    ["/login", "/logout"],
    ["/", "/login"],
  ])("%s does not match %s", (pattern, path) => {
    expect(matchPath(pattern, path)).toBeNull();
  });
});
