// The model introspection schema the Gen 2 client (`generateClient<Schema>()`) needs
// in amplify_outputs.json's data section. defineData writes it into the cloud assembly
// as modelIntrospectionSchema.json (an asset a CDK BucketDeployment uploads), made by
// Amplify's graphql-generator from the same schema `ampx` later generates it from for
// the outputs; read from the assembly, it costs no code generation at start.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stack } from '../templates/stack.ts';

export const MODEL_INTROSPECTION_FILE = 'modelIntrospectionSchema.json';

/** The schema from the assembly's bucket deployments; undefined when it has none (not a defineData backend). */
export function modelIntrospectionOf(stacks: Stack[]): unknown {
  for (const stack of stacks) {
    for (const id of stack.resources('Custom::CDKBucketDeployment')) {
      const keys = stack.property(id, 'SourceObjectKeys');
      for (const key of Array.isArray(keys) ? keys : []) {
        const folder = stack.deployment.assetFile(String(key));
        const file = folder && join(folder, MODEL_INTROSPECTION_FILE);
        if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
      }
    }
  }
  return undefined;
}
