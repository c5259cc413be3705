import cliProgress from "cli-progress";

/** Progress of a batch on stderr: a bar on a terminal, one line per document otherwise (logs, CI), nothing when quiet. */
export interface Progress {
  /** The file now being read, and its OCR page when it has pages. */
  current(label: string, page?: { page: number; pages: number }): void;
  advance(label: string): void;
  /** Prints a line (an error) without breaking the bar. */
  log(line: string): void;
  stop(): void;
}

export function createProgress(total: number, mode: "bar" | "lines" | "none"): Progress {
  if (mode === "none") return { current() {}, advance() {}, log: (line) => process.stderr.write(`${line}\n`), stop() {} };
  if (mode === "lines") {
    let done = 0;
    return {
      current() {},
      advance: (label) => process.stderr.write(`[${++done}/${total}] ${label}\n`),
      log: (line) => process.stderr.write(`${line}\n`),
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: "{bar} {value}/{total} | {speed} tệp/s files/s | ETA {eta_formatted} | {label}",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const speed = (done: number) => (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
  let done = 0;
  bar.start(total, 0, { label: "", speed: "0.0" });
  return {
    current: (label, page) => bar.update({ label: page ? `${label} (OCR ${page.page}/${page.pages})` : label, speed: speed(done) }),
    // The label stays on the file being read (set by current()), not the one just finished.
    advance: () => bar.increment({ speed: speed(++done) }),
    log: (line) => {
      // Clear the bar's line, print, and let the next redraw bring it back.
      process.stderr.write(`\r\x1b[K${line}\n`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
