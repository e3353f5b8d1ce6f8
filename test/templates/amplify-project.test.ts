// `appsync-local serve amplify/`: an Amplify Gen 2 project's backend synthesised offline,
// then read like any cloud assembly. HandsUp's own amplify/ is the project: what it
// deploys must declare what api.json declares (whatever the product's fields are).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeclaration } from '../../local/declaration/declaration.ts';
import { loadApiSource } from '../../local/declaration/source.ts';
import { synthesiseAmplifyProject } from '../../local/templates/amplify.ts';

describe('serving an amplify/ folder', () => {
  it('synthesises the backend offline and reads the same API as api.json declares', () => {
    const fromAmplify = loadApiSource('amplify');
    const fromJson = loadDeclaration('api.json');
    expect(fromAmplify.name).toBe(fromJson.name);
    expect(Object.keys(fromAmplify.resolvers).sort()).toEqual(Object.keys(fromJson.resolvers).sort());
    expect(Object.keys(fromAmplify.functions).sort()).toEqual(Object.keys(fromJson.functions).sort());
    expect(Object.keys(fromAmplify.dataSources).sort()).toEqual(Object.keys(fromJson.dataSources).sort());
    expect(Object.values(fromAmplify.tables)).toEqual(Object.values(fromJson.tables));
    expect(fromAmplify.authorization).toEqual(fromJson.authorization);
    expect(fromAmplify.unsupported).toEqual({});
  }, 300_000);

  it("synthesises each run into a folder of its own, so a second server of the same project leaves the first server's assembly as it was", () => {
    const first = synthesiseAmplifyProject('amplify');
    const manifest = readFileSync(join(first, 'manifest.json'), 'utf8');
    const second = synthesiseAmplifyProject('amplify');
    expect(second).not.toBe(first);
    expect(readFileSync(join(first, 'manifest.json'), 'utf8')).toBe(manifest);
  }, 300_000);
});
