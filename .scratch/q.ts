import { buildSchema, parse, validate } from 'graphql';
const schema = buildSchema('type Q { ok: String, q: Q, f(a: Int): String } schema { query: Q }');
function cpu(label: string, query: string) {
  const t = process.cpuUsage();
  let out = '';
  try {
    const doc = parse(query, { maxTokens: 15000 });
    const errors = validate(schema, doc);
    out = `${errors.length} errors ${errors[0]?.message.slice(0, 80) ?? ''}`;
  } catch (e) { out = 'parse: ' + (e as Error).message.slice(0, 100); }
  const c = process.cpuUsage(t);
  console.log(label, (query.length / 1024).toFixed(0), 'KB', ((c.user + c.system) / 1000).toFixed(0), 'ms cpu', out);
}
const rep = (s: string, n: number) => Array.from({ length: n }, (_, i) => s.replaceAll('$', String(i))).join(' ');
cpu('25000 aliases', `{ ${rep('a$: ok', 25000)} }`);
cpu('7000 same fields', `{ ${rep('ok', 7000)} }`);
cpu('3000 aliases same name diff args', `{ ${rep('x: f(a: $)', 2500)} }`);
cpu('7000 spreads', `{ ${rep('...F', 7000)} } fragment F on Q { ok }`);
cpu('many fragments', `{ ...F0 } ${rep('fragment F$ on Q { ok ...F$ }', 1)} ${Array.from({length: 1000}, (_, i) => `fragment F${i} on Q { ok q { ...F${i + 1} } }`).join(' ')} fragment F1000 on Q { ok }`);
cpu('7000 directives', `{ ok ${rep('@skip(if: false)', 2000)} }`);
cpu('unknown directives', `{ ok ${rep('@a', 7000)} }`);
cpu('nested fields', `{ ${'q { '.repeat(3000)} ok ${'} '.repeat(3000)} }`);
cpu('x aliases of q', `{ ${rep('x: q { ok }', 2500)} }`);
cpu('x aliases of q nested', `{ ${rep('x: q { a: ok b: q { ok } }', 1000)} }`);
