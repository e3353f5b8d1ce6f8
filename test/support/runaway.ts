// Handler code for the runaway specs (test/isolation/runaway-*.test.ts).

/** Cannot end within its slice of the server's thread (50 ms and 100,000 rounds): it runs on past both, so the handler moves to a worker. */
export const OUTLAST_SLICE = `const start = Date.now();
  const row = Array(100000).fill(0);
  let rounds = 0;
  for (const a of row) {
    for (const b of row) { rounds++; if (rounds > 200000 && Date.now() - start > 200) break; }
    if (rounds > 200000 && Date.now() - start > 200) break;
  }`;
