// A local S3-protocol server (s3rver, on the file system) for the scale tests: started as its own
// process so a test can kill it by PID (a store outage) and start it again on the same port and
// directory. Prints `s3rver listening on PORT` once the bucket exists.
// usage: node s3rver-main.mjs DIRECTORY PORT BUCKET
import S3rver from "s3rver";

const [directory, port = "0", bucket = "patuh"] = process.argv.slice(2);
const server = new S3rver({
  address: "127.0.0.1",
  port: Number(port),
  directory,
  silent: true,
  configureBuckets: [{ name: bucket }],
});
const info = await server.run();
process.stdout.write(`s3rver listening on ${info.port}\n`);
process.on("SIGTERM", () => server.close().finally(() => process.exit(0)));
