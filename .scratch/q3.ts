import { buildSchema, parse, validate } from 'graphql';
const schema = buildSchema('type Q { ok: String, q: Q, f(a: Int): String } schema { query: Q }');
function cpu(label: string, query: string) {
  const t = process.cpuUsage();
  let out = '';
  try { const doc = parse(query, { maxTokens: 15000 }); const errors = validate(schema, doc); out = `${errors.length} errors ${errors[0]?.message.slice(0, 60) ?? ''}`; } catch (e) { out = 'parse: ' + (e as Error).message.slice(0, 80); }
  const c = process.cpuUsage(t);
  console.log(label, (query.length / 1024).toFixed(0), 'KB', ((c.user + c.system) / 1000).toFixed(0), 'ms cpu', out);
}
const rep = (s: string, n: number) => Array.from({ length: n }, (_, i) => s.replaceAll('$', String(i))).join(' ');
cpu('warm', `{ ok }`);
cpu('1400 x: q { ok }', `{ ${rep('x: q { ok }', 1400)} }`);
cpu('1100 x: q { a: ok b: q { ok } }', `{ ${rep('x: q { a: ok b: q { ok } }', 1100)} }`);
cpu('2000 x: q { ...F } F big', `{ ${rep('x: q { ...F }', 2000)} } fragment F on Q { ${rep('a$: ok', 800)} }`);
cpu('1000 x: q { ...F$ } F distinct', `{ ${rep('x: q { ...F$ }', 900)} } ${rep('fragment F$ on Q { ok }', 900)}`);
cpu('7000 x: ok', `{ ${rep('x: ok', 4900)} }`);
