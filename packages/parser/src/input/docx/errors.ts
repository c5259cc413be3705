import { KehoachInputError } from "../../errors.ts";

// Clerk-facing messages: Vietnamese first (the users), English after (the logs and the developers).

export function corruptFile(detail: string, cause?: unknown): KehoachInputError {
  return new KehoachInputError(
    "corrupt-file",
    `Tệp Word bị hỏng hoặc không phải tệp .docx hợp lệ (${detail}). Hãy mở tệp bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx. / ` +
      `The Word file is damaged or is not a valid .docx (${detail}); open it in Word or LibreOffice and save it again as .docx.`,
    cause === undefined ? undefined : { cause },
  );
}

export function tooLarge(detail: string): KehoachInputError {
  return new KehoachInputError(
    "too-large",
    `Tệp Word quá lớn để xử lý (${detail}). Hãy kiểm tra lại tệp, xoá bớt hình ảnh hoặc tách văn bản. / ` +
      `The Word file is too large to process (${detail}); check the file, remove large images or split the document.`,
  );
}

export function legacyDoc(): KehoachInputError {
  return new KehoachInputError(
    "legacy-doc",
    "Đây là tệp Word cũ (.doc, Word 97–2003), chưa đọc trực tiếp được. Hãy mở tệp bằng Word hoặc LibreOffice rồi chọn " +
      "“Lưu thành” (Save As) định dạng .docx, hoặc chạy lệnh: libreoffice --headless --convert-to docx TÊN_TỆP.doc / " +
      "This is a legacy Word 97–2003 .doc file, which cannot be read directly. Open it in Word or LibreOffice and save it as .docx, " +
      "or run: libreoffice --headless --convert-to docx FILE.doc",
  );
}
