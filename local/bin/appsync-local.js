#!/usr/bin/env node
// appsync-local: the local AppSync's command line. Loads the TypeScript
// sources through tsx, so the package runs as it is checked out.
import { register } from 'tsx/esm/api';

// graphql-js, unless NODE_ENV is 'production' when it loads, follows every failed type test (isListType,
// isObjectType…: dozens per field of every answer) with a look for a second copy of itself, for a clearer
// error when two are mixed; the server has one copy. So it is loaded as in production, and NODE_ENV is put
// back: the Lambda functions and whatever else the server starts see the environment they were given.
const given = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
await import('graphql');
if (given === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = given;

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
