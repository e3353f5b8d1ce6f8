import { buildSchema, parse, validate } from 'graphql';
const schema = buildSchema('type Query { ok: String, q: Query }');
const rep = (s: string, n: number) => Array.from({ length: n }, (_, i) => s.replaceAll('$', String(i))).join(' ');
for (const [label, query] of [['x: q { ok }', `{ ${rep('x: q { ok }', 1400)} }`], ['x: q { a: ok }', `{ ${rep('x: q { a: ok b: ok }', 1000)} }`]]) {
const t = process.cpuUsage();
const errors = validate(schema, parse(query!, { maxTokens: 15000 }));
const c = process.cpuUsage(t);
console.log(label, query!.length, errors.length, errors.slice(0,2).map(e => e.message), ((c.user + c.system) / 1000).toFixed(0), 'ms');
}
