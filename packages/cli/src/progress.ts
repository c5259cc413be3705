import cliProgress from "cli-progress";

/** Progress on stderr: a bar on a terminal, one line per document otherwise (logs, CI). */
export interface Progress {
  advance(label: string): void;
  stop(): void;
}

export function createProgress(total: number): Progress {
  if (!process.stderr.isTTY) {
    let done = 0;
    return {
      advance: (label) => process.stderr.write(`[${++done}/${total}] ${label}\n`),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: "{bar} {value}/{total} {label}", stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: "" });
  return {
    advance: (label) => bar.increment({ label }),
    stop: () => bar.stop(),
  };
}
