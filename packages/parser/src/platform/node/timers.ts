/** Runs `task` after pending I/O and timers (pdf.js draws in microtask chains that would starve them). */
export function yieldToEventLoop(task: () => void): void {
  setImmediate(task);
}
