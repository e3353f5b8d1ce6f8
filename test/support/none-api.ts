// A small AppSync API for a specification: a schema and one APPSYNC_JS resolver per
// field, every one on a NONE data source, written to a fresh temporary folder as a
// declaration (api.json) that the local AppSync serves like any other.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type NoneApi = {
  name: string;
  schema: string;
  /** Resolver code by field, as `Type.field`. */
  resolvers: Record<string, string>;
  authorization: Record<string, unknown>;
  /** More of the declaration (lambdaFunctions, limits…). */
  more?: Record<string, unknown>;
};

/** Writes the API and returns its declaration's path. */
export function writeNoneApi({ name, schema, resolvers, authorization, more = {} }: NoneApi): string {
  const root = mkdtempSync(join(tmpdir(), `${name}-`));
  mkdirSync(join(root, 'resolvers'));
  writeFileSync(join(root, 'schema.graphql'), schema);
  const declared: Record<string, { dataSource: string; code: string }> = {};
  for (const [field, code] of Object.entries(resolvers)) {
    writeFileSync(join(root, 'resolvers', `${field}.js`), code);
    declared[field] = { dataSource: 'None', code: `resolvers/${field}.js` };
  }
  const declaration = { name, schema: 'schema.graphql', authorization, dataSources: { None: { type: 'NONE' } }, resolvers: declared, ...more };
  const file = join(root, 'api.json');
  writeFileSync(file, JSON.stringify(declaration, null, 2));
  return file;
}
