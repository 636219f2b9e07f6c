import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_LIMITS, loadConfig } from "./config";

describe("loadConfig", () => {
  it("has the documented defaults", () => {
    const c = loadConfig({}, "/srv/patuh");
    expect(c).toEqual({
      port: 8080,
      host: "127.0.0.1",
      databaseUrl: null,
      dataDir: "/srv/patuh/data",
      staticDir: "/srv/patuh/dist/client",
      demoPassword: null,
      trustProxy: false,
      limits: DEFAULT_LIMITS,
      evidence: { kind: "fs" },
      metricsToken: null,
    });
    expect(DEFAULT_LIMITS).toEqual({
      jsonBodyBytes: 1048576,
      mutationsPerPush: 500,
      evidenceBytes: 10485760,
      evidenceBytesPerUser: 2 * 1024 ** 3,
      evidenceBytesPerOffice: 50 * 1024 ** 3,
      minFreeDiskBytes: 512 * 1024 ** 2,
      assessmentBytes: 2 * 1024 ** 2,
    });
  });

  it("reads overrides", () => {
    const c = loadConfig(
      {
        PORT: "9000",
        HOST: "0.0.0.0",
        DATABASE_URL: "postgres://u@db/patuh",
        DATA_DIR: "/var/lib/patuh",
        STATIC_DIR: "web",
        PATUH_DEMO_PASSWORD: "long enough",
        PATUH_MAX_JSON_BYTES: "2048",
        PATUH_MAX_MUTATIONS_PER_PUSH: "10",
        PATUH_MAX_EVIDENCE_BYTES: "4096",
      },
      "/srv/patuh",
    );
    expect(c.port).toBe(9000);
    expect(c.host).toBe("0.0.0.0");
    expect(c.databaseUrl).toBe("postgres://u@db/patuh");
    expect(c.dataDir).toBe("/var/lib/patuh");
    expect(c.staticDir).toBe("/srv/patuh/web");
    expect(c.demoPassword).toBe("long enough");
    expect(c.limits).toMatchObject({ jsonBodyBytes: 2048, mutationsPerPush: 10, evidenceBytes: 4096 });
  });

  it("believes proxy headers only when TRUST_PROXY says so", () => {
    expect(loadConfig({}, "/x").trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "true" }, "/x").trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "1" }, "/x").trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "no" }, "/x").trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: "maybe" }, "/x")).toThrow(/TRUST_PROXY/);
  });

  it("reads the S3 evidence store, the metrics token and TRUST_PROXY", () => {
    const c = loadConfig(
      {
        EVIDENCE_STORE: "s3",
        S3_ENDPOINT: "http://minio.internal:9000",
        S3_BUCKET: "patuh-evidence",
        METRICS_TOKEN: "0123456789abcdef0123",
        TRUST_PROXY: "true",
      },
      "/x",
    );
    expect(c.evidence).toEqual({
      kind: "s3",
      endpoint: "http://minio.internal:9000",
      bucket: "patuh-evidence",
      region: "us-east-1",
      forcePathStyle: true,
    });
    expect(c.metricsToken).toBe("0123456789abcdef0123");
    expect(c.trustProxy).toBe(true);
    // AWS itself: no endpoint, virtual-hosted style by default.
    expect(
      loadConfig({ EVIDENCE_STORE: "s3", S3_BUCKET: "b", S3_REGION: "ap-southeast-3" }, "/x").evidence,
    ).toMatchObject({ endpoint: null, region: "ap-southeast-3", forcePathStyle: false });
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: " " }, "/x")).toMatchObject({
      port: 8080,
      databaseUrl: null,
    });
  });

  it.each([
    [{ PORT: "eighty" }, /PORT must be a whole number/],
    [{ PORT: "70000" }, /PORT must be between/],
    [{ PORT: "-1" }, /PORT must be a whole number/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL/],
    [{ PATUH_DEMO_PASSWORD: "short" }, /at least 8/],
    [{ PATUH_MAX_JSON_BYTES: "1.5" }, /PATUH_MAX_JSON_BYTES/],
    [{ PATUH_MAX_MUTATIONS_PER_PUSH: "0" }, /PATUH_MAX_MUTATIONS_PER_PUSH/],
    [{ EVIDENCE_STORE: "gcs" }, /EVIDENCE_STORE must be fs or s3/],
    [{ EVIDENCE_STORE: "s3" }, /needs S3_BUCKET/],
    [{ EVIDENCE_STORE: "s3", S3_BUCKET: "b", S3_ENDPOINT: "minio:9000" }, /S3_ENDPOINT/],
    [{ METRICS_TOKEN: "short" }, /METRICS_TOKEN/],
    [{ TRUST_PROXY: "maybe" }, /TRUST_PROXY/],
  ])("rejects %o with a clear message", (env, message) => {
    expect(() => loadConfig(env, "/x")).toThrow(ConfigError);
    expect(() => loadConfig(env, "/x")).toThrow(message);
  });
});
