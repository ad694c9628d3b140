// A local S3-compatible server for tests: s3rver on an ephemeral port, with the buckets named on the
// command line. Prints "listening <port>" once ready; runs until stdin closes (the test ends).
// Usage: node s3-server.mjs <directory> <bucket>...
import S3rver from 's3rver';

const [directory, ...buckets] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name })),
});
const { port } = await server.run();
console.log(`listening ${port}`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.close();
  process.exit(0);
});
