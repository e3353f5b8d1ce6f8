// The cloud deployment of the API declared in api.json (see amplify/README.md).
import { fileURLToPath } from 'node:url';
import { defineBackend } from '@aws-amplify/backend';
import { RemovalPolicy } from 'aws-cdk-lib';
import { loadDeclaration } from '../local/declaration/declaration.ts';
import { defineApi } from './api/define-api.ts';
import { authOutputs, dataOutputs } from './api/outputs.ts';

export const declaration = loadDeclaration(fileURLToPath(new URL('../api.json', import.meta.url)));

export const backend = defineBackend({});
const sandbox = backend.stack.node.tryGetContext('amplify-backend-type') === 'sandbox';

export const apiStack = backend.createStack('Api');
// A sandbox's data goes with the sandbox; a branch's data outlives its stack.
export const api = defineApi(apiStack, declaration, {
  removalPolicy: sandbox ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
});

const auth = authOutputs(api);
backend.addOutput({ data: dataOutputs(api, declaration), ...(auth ? { auth } : {}) });
