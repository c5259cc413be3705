import { cp1252Char } from "./cp1252.ts";

/**
 * TCVN 5712:1993 VN3 ("ABC", the .Vn* fonts), the one table both the PDF font re-decoder and the
 * text-file reader use. It has lower-case letters and seven capitals; the other capitals were set
 * in the .VnTimeH fonts, at the lower-case letters' bytes, so in plain bytes they read as lower case.
 * Byte → letter.
 */
export const TCVN3 = new Map<number, string>(
  ("¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ µà ¸á ¶ả ·ã ¹ạ »ằ ¾ắ ¼ẳ ½ẵ Æặ Çầ Êấ Èẩ Éẫ Ëậ " +
    "Ìè Ðé Îẻ Ïẽ Ñẹ Òề Õế Óể Ôễ Öệ ×ì Ýí Øỉ Üĩ Þị ßò ãó áỏ âõ äọ åồ èố æổ çỗ éộ êờ íớ ëở ìỡ îợ " +
    "ïù óú ñủ òũ ôụ õừ øứ öử ÷ữ ùự úỳ ýý ûỷ üỹ þỵ")
    .split(" ")
    .map((pair) => [pair.charCodeAt(0), pair.slice(1)] as [number, string]),
);

/** The character byte `byte` is in TCVN3; bytes it does not use read as Windows-1252. */
export function tcvn3Char(byte: number): string {
  return TCVN3.get(byte) ?? cp1252Char(byte);
}
