// Loaded with `--import` into the process that synthesises an Amplify Gen 2 backend:
// every `graphql` import, from CommonJS or ESM, resolves to one copy. Amplify's data
// packages each carry a graphql@15 of their own (data-construct bundles one), and a
// project may pin graphql@16; two copies in one process fail with graphql's "Cannot
// use GraphQLScalarType … from another module or realm". The copy is the one
// @aws-amplify/backend-data resolves (it builds the schema), given by its folder in
// $APPSYNC_LOCAL_GRAPHQL.
import Module, { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const folder = process.env.APPSYNC_LOCAL_GRAPHQL;

/** `graphql` or `graphql/…`: the path inside the package, or null for another module. */
const inGraphql = (request: string): string | null => (request === 'graphql' ? '' : request.startsWith('graphql/') ? request.slice('graphql'.length) : null);

if (folder) {
  type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
  const loader = Module as unknown as { _resolveFilename: Resolve };
  const resolveFilename = loader._resolveFilename;
  loader._resolveFilename = function (request, parent, ...rest) {
    const inside = inGraphql(request);
    return resolveFilename.call(this, inside === null ? request : folder + inside, parent, ...rest);
  };
  // ESM: the same specifier, resolved as if imported from inside the chosen copy (which finds itself first).
  const hooks = `
    const parentURL = ${JSON.stringify(pathToFileURL(join(folder, 'index.js')).href)};
    export async function resolve(specifier, context, next) {
      const ours = specifier === 'graphql' || specifier.startsWith('graphql/');
      return next(specifier, ours ? { ...context, parentURL } : context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
