// axe-core, Deque's accessibility engine, run inside a page: what a screen-reader
// or keyboard user would meet. Serious and critical violations are the ones a
// test refuses; each comes back as "rule: target" so a failure says where.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type AxeResults = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };

/** The page's serious and critical violations, one line per element. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeSource });
  // resultTypes: only violations are refused, so axe details no passes (much less work on a big page).
  const results = await page.evaluate(
    () => (window as unknown as { axe: { run(options: object): Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }) as Promise<AxeResults>,
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.help}): ${node.target.join(' ')}`));
}
