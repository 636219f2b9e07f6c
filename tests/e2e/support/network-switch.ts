// A network the test can cut: a TCP relay in front of the real server. "Offline" closes the
// listener and every open connection (the browser gets connection refused, as with no signal);
// "online" listens again on the same port. Works for every engine, including WebKitWebDriver,
// which has no offline switch, and costs milliseconds instead of a server restart.
import { connect, createServer, type Server, type Socket } from "node:net";
import { freePort } from "./server";

export interface NetworkSwitch {
  /** The URL the browser uses (the relay's). */
  url: string;
  offline(): Promise<void>;
  online(): Promise<void>;
  close(): Promise<void>;
}

export async function networkSwitch(target: { port: number }): Promise<NetworkSwitch> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const relay = createServer((client) => {
        const upstream = connect(target.port, "127.0.0.1");
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      relay.once("error", reject);
      relay.listen(port, "127.0.0.1", () => {
        server = relay;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    offline: stop,
    online: () => (server ? Promise.resolve() : listen()),
    close: stop,
  };
}
