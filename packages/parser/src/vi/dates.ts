/** Calendar facts about dates as written in plans. */

export function isValidDate(day: number, month: number, year: number): boolean {
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Day, month and year as written: `ngày 18 tháng 01 năm 2022` or `18/01/2022`, with the digits as
 * typed (to check zero padding). Blank parts of a draft are null.
 */
export interface WrittenDate {
  day: string | null;
  month: string | null;
  year: string | null;
}

const IN_FIGURES = /(\d{1,2})\/(\d{1,2})\/(\d{4})/;

/** The date is only figures (`10/02/2025`), not written out (`ngày 10 tháng 02 năm 2025`). */
export function isDateInFigures(raw: string): boolean {
  const m = IN_FIGURES.exec(raw);
  return m !== null && m[0] === raw.trim();
}

export function writtenDate(raw: string): WrittenDate | null {
  const slash = IN_FIGURES.exec(raw);
  if (slash) return { day: slash[1] as string, month: slash[2] as string, year: slash[3] as string };
  // Three simple searches, not one pattern of optional parts (which backtracks quadratically on long text).
  const month = /tháng\s*(\d{1,2})?/i.exec(raw);
  if (!month) return null;
  const day = /ngày\s*(\d{1,2})/i.exec(raw.slice(0, month.index));
  const year = /năm\s*(\d{4})/i.exec(raw.slice(month.index));
  return { day: day?.[1] ?? null, month: month[1] ?? null, year: year?.[1] ?? null };
}
