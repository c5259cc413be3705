/**
 * The provision of Nghị định 30/2020/NĐ-CP (công tác văn thư) each layout rule enforces, for reviewers
 * who need to cite it. Rules not listed check consistency, not the decree's layout.
 */
import type { FindingCode } from "@kehoach/model";

export interface Nd30Clause {
  vi: string;
  en: string;
}

const COMPONENTS = "Điều 8 khoản 1";
const APPENDIX = "Phụ lục I";

export const ND30_CLAUSES: Readonly<Partial<Record<FindingCode, Nd30Clause>>> = {
  "missing-number": { vi: `${COMPONENTS} điểm c; ${APPENDIX}: Số, ký hiệu của văn bản`, en: `Art. 8(1)(c); Appendix I: number and symbol` },
  "number-padding": { vi: `${APPENDIX}: Số, ký hiệu — số nhỏ hơn 10 ghi thêm số 0 phía trước`, en: `Appendix I: number and symbol — numbers below 10 take a leading zero` },
  "symbol-type-mismatch": { vi: `${APPENDIX}: ký hiệu gồm chữ viết tắt tên loại văn bản (Phụ lục III)`, en: `Appendix I: the symbol carries the type's abbreviation (Appendix III)` },
  "issuer-symbol-mismatch": { vi: `${APPENDIX}: ký hiệu gồm chữ viết tắt tên cơ quan ban hành`, en: `Appendix I: the symbol carries the issuer's abbreviation` },
  "missing-date": { vi: `${COMPONENTS} điểm d; ${APPENDIX}: Địa danh và thời gian ban hành`, en: `Art. 8(1)(d); Appendix I: place and date of issue` },
  "date-padding": { vi: `${APPENDIX}: thời gian ban hành — ngày dưới 10, tháng 1, 2 ghi thêm số 0`, en: `Appendix I: date of issue — days below 10 and months 1–2 take a leading zero` },
  "missing-issuer": { vi: `${COMPONENTS} điểm b; ${APPENDIX}: Tên cơ quan, tổ chức ban hành văn bản`, en: `Art. 8(1)(b); Appendix I: name of the issuing body` },
  "missing-signature": { vi: `${COMPONENTS} điểm g; ${APPENDIX}: Chức vụ, họ tên và chữ ký của người có thẩm quyền`, en: `Art. 8(1)(g); Appendix I: position, name and signature of the signer` },
  "signature-authority": { vi: `Điều 13; ${APPENDIX}: quyền hạn ký (TM., KT., TL., TUQ., Q.)`, en: `Art. 13; Appendix I: signing authority (TM., KT., TL., TUQ., Q.)` },
  "missing-recipients": { vi: `${COMPONENTS} điểm i; ${APPENDIX}: Nơi nhận`, en: `Art. 8(1)(i); Appendix I: recipients` },
  "recipients-archive-missing": { vi: `${APPENDIX}: Nơi nhận — dòng cuối “Lưu: VT, …”`, en: `Appendix I: recipients — last line “Lưu: VT, …” (archive)` },
};
