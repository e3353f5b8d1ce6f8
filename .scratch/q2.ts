import { parse } from 'graphql';
const q = `{ ${Array.from({ length: 25000 }, (_, i) => `alias${i}: getEvent(id: "event-${i}") { id title }`).join(' ')} }`;
for (const opts of [{}, { maxTokens: 15000 }]) {
  const t = process.cpuUsage();
  try { parse(q, opts); } catch (e) { console.log((e as Error).message); }
  const c = process.cpuUsage(t);
  console.log((q.length / 1024).toFixed(0), 'KB', JSON.stringify(opts), ((c.user + c.system) / 1000).toFixed(0), 'ms cpu');
}
