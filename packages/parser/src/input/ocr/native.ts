/**
 * The machine's own tesseract (Debian `tesseract-ocr` + `tesseract-ocr-vie`), run as a process per
 * page: the image goes in on stdin, word boxes and confidences come back as TSV. Node only; loaded
 * by engines.ts only where a `process` exists, so the browser never reaches this file.
 *
 * One thread per process (OMP_THREAD_LIMIT=1): pages are spread over processes instead, which on
 * a batch of pages uses the cores better than tesseract's own OpenMP threads.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import type { OcrEngine, OcrLine, OcrPageResult, OcrWord, RecognizeOptions, Segmentation } from "./engine.ts";

export interface NativeTesseract {
  readonly command: string;
  /** Passed as --tessdata-dir; undefined: tesseract's own (system) data. */
  readonly tessdataDir?: string | undefined;
  readonly languages: string;
}

/** Same page segmentation as the tesseract.js engine (engine.ts): fully automatic, no OSD; a block or a line for a region read again. */
const PSM_OF: Readonly<Record<Segmentation, string>> = { page: "3", block: "6", line: "7" };
/** A page that takes longer than this is not going to finish; the run's own deadline is shorter anyway. */
const PAGE_TIMEOUT_MS = 5 * 60_000;

const probes = new Map<string, Promise<NativeTesseract | null>>();

/**
 * The native tesseract, if it is installed and has every language of `languages` ("vie", "vie+eng"),
 * looked up once per process (per language list and data folder).
 */
export function findNativeTesseract(languages: string, tessdataDir?: string): Promise<NativeTesseract | null> {
  const key = `${languages}\u0000${tessdataDir ?? ""}`;
  let probe = probes.get(key);
  if (probe === undefined) {
    probe = listLanguages("tesseract", tessdataDir).then((installed) => {
      if (installed === null) return null;
      const wanted = languages.split("+").filter((l) => l.length > 0);
      return wanted.every((l) => installed.has(l)) ? { command: "tesseract", tessdataDir, languages } : null;
    });
    probes.set(key, probe);
  }
  return probe;
}

function listLanguages(command: string, tessdataDir: string | undefined): Promise<Set<string> | null> {
  const args = [...(tessdataDir !== undefined ? ["--tessdata-dir", tessdataDir] : []), "--list-langs"];
  return new Promise((resolve) => {
    try {
      execFile(command, args, { timeout: 10_000, encoding: "utf8" }, (error, stdout) => {
        if (error !== null) return resolve(null);
        // First line: 'List of available languages in "…" (3):', then one code a line.
        resolve(new Set(stdout.split("\n").slice(1).map((l) => l.trim()).filter((l) => l.length > 0)));
      });
    } catch {
      resolve(null);
    }
  });
}

export function createNativeEngine(native: NativeTesseract): OcrEngine {
  const running = new Set<ChildProcess>();
  let terminated = false;
  return {
    kind: "native",
    get alive() {
      return !terminated;
    },
    setIdle() {
      // nothing stays loaded between pages: each page is its own process
    },
    recognize(image, options) {
      if (terminated) return Promise.reject(new Error("OCR engine already terminated"));
      return runPage(native, image, options, running);
    },
    async terminate() {
      terminated = true;
      for (const child of running) child.kill("SIGKILL");
      running.clear();
    },
  };
}

function runPage(native: NativeTesseract, image: Uint8Array, options: RecognizeOptions, running: Set<ChildProcess>): Promise<OcrPageResult> {
  const args = [
    ...(native.tessdataDir !== undefined ? ["--tessdata-dir", native.tessdataDir] : []),
    "stdin",
    "stdout",
    "-l",
    native.languages,
    "--psm",
    PSM_OF[options.segmentation ?? "page"],
    ...(options.dpi !== undefined ? ["--dpi", String(Math.round(options.dpi))] : []),
    "tsv",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(native.command, args, {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      timeout: PAGE_TIMEOUT_MS,
    });
    running.add(child);
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (err.length < 4000) err += chunk;
    });
    child.on("error", (e) => {
      running.delete(child);
      reject(e);
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      if (code !== 0) {
        const why = signal !== null ? `killed (${signal})` : `exit code ${String(code)}`;
        reject(new Error(`tesseract failed: ${why}${err.trim() !== "" ? `: ${lastLine(err)}` : ""}`));
        return;
      }
      options.onProgress?.(1, "recognizing text");
      resolve(parseTsv(Buffer.concat(out).toString("utf8")));
    });
    // A closed stdin (tesseract exited early on a bad image) is reported by "close" above.
    child.stdin.on("error", () => {});
    child.stdin.end(image);
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return lines[lines.length - 1] ?? "";
}

/**
 * tesseract's TSV (level, page, block, paragraph, line, word, left, top, width, height, conf,
 * text) → lines of words in tesseract's reading order, as the tesseract.js engine gives them.
 */
export function parseTsv(tsv: string): OcrPageResult {
  const lines: OcrLine[] = [];
  let current: { key: string; words: OcrWord[]; bbox: OcrLine["bbox"] } | null = null;
  const flush = (): void => {
    if (current !== null && current.words.length > 0) lines.push({ words: current.words, bbox: current.bbox });
    current = null;
  };
  for (const row of tsv.split("\n")) {
    const f = row.split("\t");
    if (f.length < 12) continue;
    const level = Number(f[0]);
    const left = Number(f[6]);
    const top = Number(f[7]);
    const bbox = { x0: left, y0: top, x1: left + Number(f[8]), y1: top + Number(f[9]) };
    if (!Number.isFinite(level) || !Number.isFinite(bbox.x1) || !Number.isFinite(bbox.y1)) continue; // the header row
    const key = `${f[1]}.${f[2]}.${f[3]}.${f[4]}`;
    if (level === 4) {
      flush();
      current = { key, words: [], bbox };
    } else if (level === 5) {
      const text = f.slice(11).join("\t").trim();
      if (text.length === 0) continue;
      if (current === null || current.key !== key) {
        flush();
        current = { key, words: [], bbox };
      }
      current.words.push({ text, confidence: Math.max(0, Number(f[10])), bbox });
    }
  }
  flush();
  return { lines, rotation: 0 };
}
