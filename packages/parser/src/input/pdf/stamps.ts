import type { Line, PageText } from "./types.ts";

/** Lines that only an e-signature stamp writes: one of them makes a stamp. */
const STRONG = [
  /^(?:người ký|ký bởi|được ký bởi|signed by|digitally signed by|signature (?:not )?valid)(?=[\s:]|$)/iu,
  /^(?:thời gian ký|ngày ký|ngày giờ ký|signing time)\s*:/iu,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$/, // 2023-05-05T21:45:59+0700
  /^\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?$/, // 18.11.2024 07:25:14
];
/** Lines a stamp writes that a plan may write too ("Cơ quan: …" in a table): only next to a strong one. */
const WEAK = [
  /^(?:e-?mail|cơ quan|chức vụ|reason|lý do|location)\s*:/iu,
  /^[+-]\d{2}:\d{2}$/, // the time zone wrapped onto its own line
  /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/, // an e-mail address alone
];

function isStrong(text: string): boolean {
  const t = text.trim();
  return STRONG.some((re) => re.test(t));
}

export function isStampText(text: string): boolean {
  const t = text.trim();
  return STRONG.some((re) => re.test(t)) || WEAK.some((re) => re.test(t));
}

/**
 * Marks e-signature stamp lines: a line only a stamp writes (signer, signing time, a timestamp), and
 * the lines next to it that are stamp-like ("Email: …", "+07:00") or written the same way (same small
 * size, one under the other: the signer's name or office printed inside the stamp). Lines of one
 * signature widget are one stamp when any of them is such a line. Lines get role "stamp" and a group id.
 */
export function markStamps(pages: PageText[], bodySize: number, widgetGroups: Map<Line, number>): void {
  let groups = 0;
  const byWidget = new Map<number, Line[]>();
  for (const [line, id] of widgetGroups) {
    const list = byWidget.get(id);
    if (list) list.push(line);
    else byWidget.set(id, [line]);
  }
  for (const lines of byWidget.values()) {
    if (!lines.some((l) => isStrong(l.text))) continue;
    const id = ++groups;
    for (const line of lines) {
      line.role = "stamp";
      line.stampGroup = id;
    }
  }
  for (const page of pages) {
    const lines = page.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as Line;
      if (line.role !== "body" || !isStrong(line.text)) continue;
      const id = ++groups;
      line.role = "stamp";
      line.stampGroup = id;
      // Grow to neighbours written like it (both directions), e.g. "Giàng A Tính" between timestamps.
      for (const dir of [-1, 1]) {
        let prev = line;
        for (let j = i + dir; j >= 0 && j < lines.length; j += dir) {
          const other = lines[j] as Line;
          if (other.role === "stamp" && other.stampGroup !== undefined) {
            if (Math.abs(other.y - prev.y) <= 2 * other.size) {
              // Two stamps touching: fold the other into this group.
              other.stampGroup = id;
              prev = other;
              continue;
            }
            break;
          }
          if (other.role !== "body" || other.page !== line.page) break;
          const alike = (Math.abs(other.size - line.size) < 0.5 && other.size < 0.85 * bodySize) || isStampText(other.text);
          const near = Math.abs(other.y - prev.y) <= 2 * Math.max(other.size, prev.size);
          if (!alike || !near || other.text.length > 60) break;
          other.role = "stamp";
          other.stampGroup = id;
          prev = other;
        }
      }
    }
  }
}
