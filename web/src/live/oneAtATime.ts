/**
 * Wraps a read so that at most one is out at a time: asking again while one is
 * out runs exactly one more when it ends (a burst of pushes costs two reads, and
 * the last read always starts after the last push).
 */
export function oneAtATime(read: () => Promise<unknown>): () => void {
  let busy = false;
  let again = false;
  const run = () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    again = false;
    read()
      .catch(() => undefined)
      .finally(() => {
        busy = false;
        if (again) run();
      });
  };
  return run;
}
