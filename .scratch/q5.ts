import { buildSchema, parse, validate } from 'graphql';
const schema = buildSchema('type Query { ok: String, q: Query }');
const rep = (s: string, n: number) => Array.from({ length: n }, (_, i) => s.replaceAll('$', String(i))).join(' ');
validate(schema, parse('{ ok }'));
for (const n of [400, 600, 700, 800, 1000]) {
  const query = `{ ${rep('x: q { ok }', n)} }`;
  const t = process.cpuUsage();
  const errors = validate(schema, parse(query, { maxTokens: 15000 }));
  const c = process.cpuUsage(t);
  console.log(n, query.length, errors.map(e => e.message), ((c.user + c.system) / 1000).toFixed(0), 'ms');
}
