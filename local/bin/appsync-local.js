#!/usr/bin/env node
// appsync-local: the local AppSync's command line. Loads the TypeScript
// sources through tsx, so the package runs as it is checked out.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
