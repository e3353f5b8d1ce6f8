// Run as `node --expose-gc --import tsx test/isolation/heap-probe.ts <count> <chars>`:
// serves HandsUp's API in this process, sends <count> distinct documents of
// <chars> characters (each refused by validation), and prints the heap held
// before and after, each measured after a full garbage collection. A process of
// its own, because the measure needs --expose-gc and a heap no test shares.
import { startLocalAppSync } from '../../local/server.ts';

const [count, chars] = process.argv.slice(2).map(Number) as [number, number];
const gc = (globalThis as { gc?: () => void }).gc!;

/** A document of about `chars` characters, distinct per `n`, of aliases to a field the schema lacks. */
function largeDocument(n: number) {
  const parts = [`query Large${n} {`];
  let length = parts[0]!.length;
  for (let k = 0; length < chars; k++) {
    const part = ` a${k}: missing${n}(x: ${k}) { id }`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('') + ' }';
}

const server = await startLocalAppSync({ declaration: 'api.json', port: 0, host: '127.0.0.1', dataDir: null });
const post = async (query: string) => {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { message: string }[] } };
};

// Warm up: the first requests load code and fill caches that are not the documents'.
await post('{ __typename }');
await post(largeDocument(-1));
gc();
const before = process.memoryUsage().heapUsed;
let refused = 0;
for (let n = 0; n < count; n++) {
  const answer = await post(largeDocument(n));
  if (answer.status === 200 && answer.body.errors?.length) refused++;
}
gc();
const after = process.memoryUsage().heapUsed;
const served = await post('{ __typename }');
await server.close();
process.stdout.write(JSON.stringify({ before, after, refused, servedAfter: served.status === 200 && !served.body.errors }) + '\n');
