// Installs what the tests need from Debian when it is missing: Chromium (never a test tool's own
// browser download), the PostgreSQL server binaries, HAProxy (the two-server test), Firefox ESR, and
// WebKitGTK's WebDriver with Xvfb and the GObject bindings of the on-disk WebKit browser
// (tests/e2e/support/drivers). Idempotent and quiet when all is present.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

export const CHROMIUM_PATH = process.env.PATUH_CHROMIUM ?? "/usr/bin/chromium";

export function findPgBin() {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(`${root}/${v}/bin/initdb`) && existsSync(`${root}/${v}/bin/pg_ctl`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? `${root}/${versions[0]}/bin` : null;
}

let aptUpdated = false;
function aptInstall(packages, flags = []) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`missing ${packages.join(", ")}: install them with apt-get (needs root)`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    aptUpdated = true;
  }
  const r = spawnSync("apt-get", ["install", "-y", "-qq", ...flags, ...packages], { stdio: "inherit", env });
  if (r.status !== 0) throw new Error(`apt-get install ${packages.join(" ")} failed`);
}

export const FIREFOX_PATH = process.env.PATUH_FIREFOX ?? "/usr/bin/firefox-esr";

/** Debian package → a file it installs (what says it is present). */
const WEBKIT_PACKAGES = {
  "webkit2gtk-driver": "/usr/bin/WebKitWebDriver",
  xvfb: "/usr/bin/xvfb-run",
  xauth: "/usr/bin/xauth",
  "python3-gi": "/usr/lib/python3/dist-packages/gi",
  "gir1.2-webkit2-4.1": "/usr/lib/x86_64-linux-gnu/girepository-1.0/WebKit2-4.1.typelib",
};

function onPath(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

export function ensureSystemDeps({
  chromium = true,
  postgres = true,
  firefox = false,
  webkit = false,
  haproxy = postgres,
} = {}) {
  const wanted = [];
  // The two-server integration test runs deploy/haproxy.cfg with Debian's HAProxy.
  if (haproxy && !onPath("haproxy")) wanted.push("haproxy");
  // The deploy test runs deploy/Caddyfile (TLS, HSTS, body limit) with Debian's Caddy.
  if (haproxy && !onPath("caddy")) wanted.push("caddy");
  if (chromium && !existsSync(CHROMIUM_PATH)) wanted.push("chromium");
  if (postgres && !findPgBin()) wanted.push("postgresql");
  // The other engines without their recommends (fonts, desktop integration: minutes in CI).
  const lean = [];
  if (firefox && !existsSync(FIREFOX_PATH)) lean.push("firefox-esr");
  if (webkit) {
    for (const [pkg, file] of Object.entries(WEBKIT_PACKAGES)) if (!existsSync(file)) lean.push(pkg);
  }
  if (lean.length > 0) {
    console.log(`installing from Debian: ${lean.join(", ")}`);
    aptInstall(lean, ["--no-install-recommends"]);
  }
  if (wanted.length > 0) {
    console.log(`installing from Debian: ${wanted.join(", ")}`);
    aptInstall(wanted);
  }
}
