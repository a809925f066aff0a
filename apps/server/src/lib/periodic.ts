/**
 * Runs `task` every `everyMs` (never two at once: a pass still running skips the tick). `stop()`
 * clears the timer and waits for a pass in progress, so it can run before the database closes.
 */
export function runPeriodically(
  everyMs: number,
  task: () => Promise<void>,
  onError: (err: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = setInterval(() => {
    if (running) return;
    running = task()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
