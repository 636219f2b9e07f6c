import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { blobsRefused } from "../db/testing/engine-quirks";
import { isPrivateSession, isStandalone, platformOf, probeBlobStorage } from "./platform";

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1";
const IPAD_AS_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/18.0 Safari/605.1.15";
const ANDROID =
  "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36";

const undo: (() => void)[] = [];
afterEach(() => {
  for (const u of undo.splice(0)) u();
});

describe("platform", () => {
  it("tells iPhone, iPad (which says Mac but has touch), Android and the rest apart", () => {
    expect(platformOf({ userAgent: IPHONE })).toBe("ios");
    expect(platformOf({ userAgent: IPAD_AS_MAC, maxTouchPoints: 5 })).toBe("ios");
    expect(platformOf({ userAgent: IPAD_AS_MAC, maxTouchPoints: 0 })).toBe("other");
    expect(platformOf({ userAgent: ANDROID })).toBe("android");
  });

  it("knows an installed app by display-mode, or by iOS's navigator.standalone", () => {
    const media = (standalone: boolean) => (q: string) => ({
      matches: standalone && q === "(display-mode: standalone)",
    });
    expect(isStandalone({ userAgent: ANDROID }, media(true))).toBe(true);
    expect(isStandalone({ userAgent: ANDROID }, media(false))).toBe(false);
    expect(isStandalone({ userAgent: IPHONE, standalone: true })).toBe(true);
    expect(isStandalone({ userAgent: IPHONE })).toBe(false);
  });

  it("flags a private session by any engine's tell", () => {
    const none = { serviceWorkerMissing: false, blobsRefused: false, indexedDbFailed: false };
    expect(isPrivateSession(none)).toBe(false);
    expect(isPrivateSession({ ...none, blobsRefused: true })).toBe(true);
    expect(isPrivateSession({ ...none, serviceWorkerMissing: true })).toBe(true);
    expect(isPrivateSession({ ...none, indexedDbFailed: true })).toBe(true);
  });

  it("probes Blob storage: accepted normally, refused in WebKit's in-memory mode, failed without IndexedDB", async () => {
    expect(await probeBlobStorage()).toBe("ok");
    undo.push(blobsRefused());
    expect(await probeBlobStorage()).toBe("refused");
    const broken = {
      open() {
        throw new DOMException(
          "A mutation operation was attempted on a database that did not allow mutations.",
          "InvalidStateError",
        );
      },
    } as unknown as IDBFactory;
    expect(await probeBlobStorage(broken)).toBe("failed");
  });
});
