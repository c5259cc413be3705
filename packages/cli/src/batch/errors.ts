/**
 * Failures the CLI reports in one bilingual line. `UsageError`: the command line is wrong (exit 2,
 * before any work). `OutputError`: a result could not be written (disk full, read-only folder,
 * impossible path) — that input fails, nothing half-written stays behind.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export class OutputError extends Error {
  override readonly name = "OutputError";
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** What went wrong with one input, as JSON Lines error records and the summary carry it. */
export interface InputFailure {
  code: string;
  message: string;
  messageEn: string;
  /** Stack of an internal error, printed only with --debug. */
  stack?: string;
}

/** Splits the parser's `vi … / en …` messages into their two languages. */
export function failure(code: string, bilingual: string, stack?: string): InputFailure {
  const at = bilingual.indexOf(" / ");
  const message = at < 0 ? bilingual : bilingual.slice(0, at);
  const messageEn = at < 0 ? bilingual : bilingual.slice(at + 3);
  return { code, message, messageEn, ...(stack !== undefined ? { stack } : {}) };
}

const WRITE_REASONS: Record<string, [string, string]> = {
  ENOSPC: ["ổ đĩa đã đầy", "the disk is full"],
  ENOENT: ["đường dẫn không có và không tạo được", "the path does not exist and cannot be made"],
  EDQUOT: ["đã hết hạn mức dung lượng", "the disk quota is exhausted"],
  EROFS: ["thư mục chỉ đọc", "the folder is read-only"],
  EACCES: ["không có quyền ghi", "no permission to write there"],
  EPERM: ["không có quyền ghi", "no permission to write there"],
  EEXIST: ["đường dẫn có một tệp ở chỗ cần thư mục", "a file stands where a folder is needed"],
  ENOTDIR: ["đường dẫn có một tệp ở chỗ cần thư mục", "a file stands where a folder is needed"],
  EISDIR: ["đã có một thư mục trùng tên tệp kết quả", "a folder has the output file's name"],
  ENAMETOOLONG: ["tên tệp quá dài", "the file name is too long"],
  EINVAL: ["đường dẫn không hợp lệ", "the path is not valid"],
  EIO: ["lỗi đọc ghi ổ đĩa", "the disk reported an I/O error"],
};

/** A file-system error while writing `target` as one clear line, Vietnamese / English. */
export function outputError(error: unknown, target: string): OutputError {
  if (error instanceof OutputError) return error;
  const [code, vi, en] = reason(WRITE_REASONS, error);
  return new OutputError(code, `Không ghi được ${target}: ${vi}. / Cannot write ${target}: ${en}.`, { cause: error });
}

const READ_REASONS: Record<string, [string, string]> = {
  ENOENT: ["không tìm thấy tệp", "file not found"],
  EACCES: ["không có quyền đọc", "no permission to read it"],
  EPERM: ["không có quyền đọc", "no permission to read it"],
  EISDIR: ["đây là thư mục", "it is a folder"],
  EIO: ["lỗi đọc ổ đĩa", "the disk reported an I/O error"],
};

/** A file-system error while reading an input. */
export function readFailure(error: unknown, path: string): InputFailure {
  const [, vi, en] = reason(READ_REASONS, error);
  return { code: "unreadable-file", message: `Không đọc được ${path}: ${vi}.`, messageEn: `Cannot read ${path}: ${en}.` };
}

/** The errno code of a file-system error and what it means, in Vietnamese and English. */
function reason(table: Record<string, [string, string]>, error: unknown): [string, string, string] {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? "EIO";
  const [vi, en] = table[code] ?? [`lỗi ${code}`, `error ${code}`];
  return [code, vi, en];
}
