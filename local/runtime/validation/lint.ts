// Lints bundled code as AppSync does when code is saved: the rules of
// @aws-appsync/eslint-plugin plus ours for what it misses.
//
// Which of the plugin's configs: `recommended`, type-aware, run over the bundled
// JavaScript with a TypeScript program — not `base`. AppSync rejects saved code
// with rules that only `recommended` has (`@aws-appsync/no-function-passing` on a
// sort comparator: aws-appsync-community#325) and with TypeScript diagnostics
// naming `code.js` (the reference's TS2339 report), so the service builds a
// program over the uploaded JS. `base` would let no-recursion, no-function-passing,
// no-function-reassign, no-function-return and no-disallowed-methods through.
// Measured on this machine: the first program costs ~2 s (lib files, parsed once
// per process and reused), each later file ~50–100 ms; `base` alone ~0.5 s in all.
import { createRequire } from 'node:module';
import type { ESLint, Linter as LinterType } from 'eslint';
import type ts from 'typescript';
import { allowedImports } from './rules/allowed-imports.ts';
import { exportsHandlers } from './rules/exports-handlers.ts';
import { noDynamicImport } from './rules/no-dynamic-import.ts';
import { noThrow } from './rules/no-throw.ts';

const local = {
  rules: { 'no-throw': noThrow, 'no-dynamic-import': noDynamicImport, 'allowed-imports': allowedImports, 'exports-handlers': exportsHandlers },
};

export type LintMessage = {
  ruleId: string | null;
  message: string;
  fatal: boolean;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
};

// ESLint and the plugin take seconds to load: they are loaded on the first module
// the lint cache does not know, not when the runtime is imported. One linter for
// the process; the virtual files are absolute, so the config matches from /.
let loaded: { linter: LinterType; recommended: LinterType.Config } | undefined;
function load() {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const { Linter } = require('eslint') as typeof import('eslint');
    const plugin = require('@aws-appsync/eslint-plugin') as ESLint.Plugin;
    loaded = { linter: new Linter({ configType: 'flat', cwd: '/' }), recommended: plugin.configs!.recommended as LinterType.Config };
  }
  return loaded;
}

export function lint(code: string, path: string, program: ts.Program): LintMessage[] {
  const { linter, recommended } = load();
  const config: LinterType.Config[] = [
    {
      files: ['**/*.js'],
      plugins: { ...recommended.plugins, 'appsync-local': local },
      languageOptions: {
        parser: recommended.languageOptions!.parser,
        sourceType: 'module',
        parserOptions: { programs: [program] },
      },
      rules: {
        ...recommended.rules,
        'appsync-local/no-throw': 'error',
        'appsync-local/no-dynamic-import': 'error',
        'appsync-local/allowed-imports': 'error',
        'appsync-local/exports-handlers': 'error',
      },
    },
  ];
  return linter.verify(code, config, path).map((m) => ({
    ruleId: m.ruleId,
    message: m.message,
    fatal: Boolean(m.fatal),
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  }));
}
