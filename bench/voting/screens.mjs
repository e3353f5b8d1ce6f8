// The steady bench's big screens, on a worker thread of their own (steady.ts): 200 screens at 100 votes/s
// are 20,000 messages a second, and on the bench's own thread they delayed the vote clock (its loop stalled up
// to 660 ms in a quiet run), which counted as castVote's latency. Times are absolute (timeOrigin + now), so
// they compare with the main thread's. Plain JavaScript, so the worker starts without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';

const { port, apiKey, eventId, questionId, count } = workerData;
const now = () => performance.timeOrigin + performance.now();
const auth = { host: `127.0.0.1:${port}`, 'x-api-key': apiKey };
const header = Buffer.from(JSON.stringify(auth)).toString('base64url');
const totalPattern = /"totalVotes":(\d+)/;
/** Per screen: its onAnswer messages as (arrival, the highest total shown so far), in arrival order. */
const screens = [];

function openScreen() {
  const screen = { socket: new WebSocket(`ws://127.0.0.1:${port}/graphql/realtime`, ['graphql-ws', `header-${header}`]), arrivals: [], shown: [] };
  return new Promise((resolve, reject) => {
    screen.socket.once('error', reject);
    screen.socket.on('open', () => screen.socket.send(JSON.stringify({ type: 'connection_init' })));
    screen.socket.on('message', (raw) => {
      const text = String(raw);
      // Data messages are matched by text, not parsed.
      const total = text.startsWith('{"type":"data","id":"screen"') ? totalPattern.exec(text) : null;
      if (total) {
        screen.arrivals.push(now());
        screen.shown.push(Math.max(Number(total[1]), screen.shown.at(-1) ?? 0));
        return;
      }
      const message = JSON.parse(text);
      if (message.type === 'connection_ack') {
        screen.socket.send(JSON.stringify({
          id: 'screen',
          type: 'start',
          payload: {
            data: JSON.stringify({
              query: 'subscription ($e: ID!, $q: ID!) { onAnswer(eventId: $e, questionId: $q) { results { totalVotes } } }',
              variables: { e: eventId, q: questionId },
            }),
            extensions: { authorization: auth },
          },
        }));
      } else if (message.type === 'start_ack') resolve(screen);
      else if (message.type === 'error' || message.type === 'connection_error') reject(new Error(text));
    });
  });
}

for (let i = 0; i < count; i++) screens.push(await openScreen());
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', async (message) => {
  if (message.type === 'collect') {
    // Until every screen showed the last total (at most 10 s), then what each one saw.
    const deadline = now() + 10_000;
    while (screens.some((s) => (s.shown.at(-1) ?? 0) < message.lastTotal) && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    parentPort.postMessage({ type: 'seen', screens: screens.map(({ arrivals, shown }) => ({ arrivals, shown })) });
  } else if (message.type === 'close') {
    for (const screen of screens) screen.socket.terminate();
    parentPort.close();
  }
});
