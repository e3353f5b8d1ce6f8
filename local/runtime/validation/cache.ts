// Lint results by code: the rules' verdict depends only on the code and the rule
// versions, so an unchanged bundle is not linted again — not in the next test file,
// not at the next start. Kept in the system's temp folder; losing it costs only time.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LintMessage } from './lint.ts';

/** Bump when our own rules change. */
const RULES_VERSION = 1;
const require = createRequire(import.meta.url);
const versions = ['@aws-appsync/eslint-plugin', 'eslint', 'typescript', '@aws-appsync/utils']
  .map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`)
  .join(',');
const folder = join(tmpdir(), 'appsync-local-lint');

const path = (code: string) => join(folder, `${createHash('sha256').update(`${RULES_VERSION}\0${versions}\0${code}`).digest('hex')}.json`);

export function cachedLint(code: string): LintMessage[] | undefined {
  try {
    return JSON.parse(readFileSync(path(code), 'utf8')) as LintMessage[];
  } catch {
    return undefined;
  }
}

export function cacheLint(code: string, messages: LintMessage[]): void {
  try {
    mkdirSync(folder, { recursive: true });
    const file = path(code);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(messages));
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written only means linting again next time.
  }
}
