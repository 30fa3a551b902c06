// Waiting on what a test is waiting for: poll a condition until it holds, or fail after a timeout saying
// what never happened (instead of sleeping a fixed time and hoping the event came first).
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
