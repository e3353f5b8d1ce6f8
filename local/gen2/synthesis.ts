// What synthesising a Gen 2 backend adds to running its backend.ts: one graphql
// for the whole process (one-graphql.ts), when the project has Amplify's data packages.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The node flags and environment under which a project's backend.ts synthesises. */
export function synthesisProcess(project: string): { execArgv: string[]; env: Record<string, string> } {
  const graphql = graphqlOfData(project);
  if (!graphql) return { execArgv: [], env: {} };
  return { execArgv: ['--import', fileURLToPath(new URL('./one-graphql.ts', import.meta.url))], env: { APPSYNC_LOCAL_GRAPHQL: graphql } };
}

/** The folder of the graphql that @aws-amplify/backend-data builds schemas with; undefined without it. */
function graphqlOfData(project: string): string | undefined {
  try {
    const data = createRequire(join(project, 'package.json')).resolve('@aws-amplify/backend-data');
    return dirname(createRequire(data).resolve('graphql/package.json'));
  } catch {
    return undefined;
  }
}
