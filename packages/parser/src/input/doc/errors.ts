import { KehoachInputError } from "../../errors.ts";

// Clerk-facing messages: Vietnamese first (the users), English after (the logs and the developers).

/** A Word 97–2003 file that cannot be read at all; `detail` says why, in both languages. */
export function unreadableDoc(detail: string, cause?: unknown): KehoachInputError {
  return new KehoachInputError(
    "legacy-doc",
    `Không đọc được tệp Word cũ (.doc, Word 97–2003): ${detail}. Hãy mở tệp bằng Word hoặc LibreOffice rồi lưu lại dưới dạng .docx, ` +
      "hoặc chạy lệnh: libreoffice --headless --convert-to docx TÊN_TỆP.doc / " +
      `This legacy Word 97–2003 .doc file cannot be read (${detail}); open it in Word or LibreOffice and save it as .docx, ` +
      "or run: libreoffice --headless --convert-to docx FILE.doc",
    cause === undefined ? undefined : { cause },
  );
}

/** An OLE compound file that holds no Word document (an .xls, a .ppt, an .msg…). */
export function notWordDocument(): KehoachInputError {
  return new KehoachInputError(
    "unsupported-format",
    "Tệp này là tệp Office cũ nhưng không phải văn bản Word (có thể là Excel hoặc PowerPoint). / " +
      "This is a legacy Office file but not a Word document (perhaps Excel or PowerPoint).",
  );
}
