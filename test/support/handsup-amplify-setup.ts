// Vitest global setup of the "handsup-from-amplify" project: synthesises amplify/ once
// for every specification file of the run (a synth takes seconds to minutes), and
// removes the assembly afterwards.
import { rmSync } from 'node:fs';
import { synthesiseAmplify } from './handsup-source.ts';

export default async function setup() {
  const folder = await synthesiseAmplify();
  process.env.HANDSUP_API_ASSEMBLY = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
