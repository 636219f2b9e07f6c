/** The BlobStore the configuration names: the file store under DATA_DIR/evidence, or S3. */
import { join } from "node:path";
import type { Config } from "../config";
import type { BlobStore } from "./blob-store";
import { FsBlobStore } from "./fs-blob-store";
import { S3BlobStore } from "./s3-blob-store";

export function openBlobStore(config: Pick<Config, "evidence" | "dataDir">): BlobStore {
  const e = config.evidence;
  if (e.kind === "fs") return new FsBlobStore(join(config.dataDir, "evidence"));
  return new S3BlobStore({
    endpoint: e.endpoint,
    bucket: e.bucket,
    region: e.region,
    forcePathStyle: e.forcePathStyle,
    spoolDir: join(config.dataDir, "evidence-spool"),
  });
}
