// One live server per test file and the simulated devices made against it: started before the
// file's tests, every device closed and its database deleted after them, then the server. Keeps
// the set-up of the client integration files in one place.
import { afterAll, beforeAll } from "vitest";
import { newDevice, syncOk, type TestDevice } from "./device";
import type { Interceptor } from "./faults";
import { type LiveServer, startLiveServer } from "./server";

export interface DeviceFleet {
  /** The file's server (after beforeAll). */
  readonly server: LiveServer;
  /** A device logged in as `username` (penilai1), with `intercept` on its network, synced once. */
  device(
    name: string,
    options?: { username?: string; intercept?: Interceptor; sync?: boolean },
  ): Promise<TestDevice>;
}

export function useDeviceFleet(
  options: { printServerLog?: (lines: string[]) => string[] } = {},
): DeviceFleet {
  let live: LiveServer | undefined;
  const devices: TestDevice[] = [];
  // A fresh PGlite (initdb in WASM) plus the demo seed: slow on a busy 2-core machine.
  beforeAll(async () => {
    live = await startLiveServer();
  }, 300_000);
  afterAll(async () => {
    for (const d of devices.splice(0)) await d.close();
    const logged = options.printServerLog?.(live?.logged() ?? []) ?? [];
    await live?.close();
    if (logged.length > 0) console.error(`server logged:\n${logged.join("\n")}`);
  });
  const fleet: DeviceFleet = {
    get server(): LiveServer {
      if (!live) throw new Error("the live server is not started yet (use it inside a test)");
      return live;
    },
    async device(name, { username = "penilai1", intercept, sync = true } = {}) {
      const d = await newDevice(fleet.server, username, fleet.server.password, name);
      d.net.intercept = intercept;
      devices.push(d);
      if (sync) await syncOk(d);
      return d;
    },
  };
  return fleet;
}
