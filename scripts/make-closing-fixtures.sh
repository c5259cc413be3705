#!/usr/bin/env bash
# Test data for the closing block of Word-exported PDFs (issue #12): a plan whose closing is a
# two-column borderless table — `Nơi nhận:` and its items on the left, the signing block on the right
# (TL./KT. prefixes, blank lines where the signature goes, the signer's name far below) — written as
# flat ODT, saved as DOCX and exported to PDF by LibreOffice, as offices do with Word.
# Usage: bash scripts/make-closing-fixtures.sh   (needs soffice; writes fixtures/closing/)
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/fixtures/closing"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

cell() { printf '<table:table-cell table:style-name="Cell"><text:p text:style-name="%s">%s</text:p></table:table-cell>' "$1" "$2"; }
para() { printf '<text:p text:style-name="%s">%s</text:p>\n' "$1" "$2"; }

# write_doc EXTRA: the plan with EXTRA more items under II, which push the closing table down the page.
write_doc() {
local extra="$1"
cat <<'HEAD'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:language="vi" fo:country="VN"/></style:default-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/></style:page-layout>
 <style:style style:name="Two" style:family="table"><style:table-properties style:width="16.5cm" table:align="left"/></style:style>
 <style:style style:name="Left" style:family="table-column"><style:table-column-properties style:column-width="7.5cm"/></style:style>
 <style:style style:name="Right" style:family="table-column"><style:table-column-properties style:column-width="9cm"/></style:style>
 <style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="none"/></style:style>
 <style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="CB" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="CI" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="B" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm" fo:margin-top="0.15cm"/></style:style>
 <style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm" fo:margin-top="0.15cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="NN" style:family="paragraph"><style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>
 <style:style style:name="N" style:family="paragraph"><style:text-properties fo:font-size="11pt"/></style:style>
 <style:style style:name="SB" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="SB1" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.18cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:master-page style:name="Standard" style:page-layout-name="A4"/>
</office:automatic-styles>
<office:body><office:text>
HEAD
# Header: issuer | motto, number | place and date.
echo '<table:table table:name="Header" table:style-name="Two"><table:table-column table:style-name="Left"/><table:table-column table:style-name="Right"/>'
echo "<table:table-row>$(cell CB 'ỦY BAN NHÂN DÂN')$(cell CB 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')</table:table-row>"
echo "<table:table-row>$(cell CB 'TỈNH LAI CHÂU')$(cell CB 'Độc lập - Tự do - Hạnh phúc')</table:table-row>"
echo "<table:table-row>$(cell C 'Số: 215/KH-UBND')$(cell CI 'Lai Châu, ngày 12 tháng 3 năm 2026')</table:table-row>"
echo '</table:table>'
para C ''
para CB 'KẾ HOẠCH'
para CB 'Tuyên truyền cải cách hành chính tỉnh Lai Châu năm 2026'
para C ''
para B 'Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;'
para B 'Thực hiện Chương trình số 08-CTr/TU ngày 20 tháng 01 năm 2026 của Ban Thường vụ Tỉnh ủy về cải cách hành chính;'
para B 'Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026 như sau:'
para H 'I. MỤC ĐÍCH, YÊU CẦU'
para B '1. Nâng cao nhận thức của cán bộ, công chức, viên chức và Nhân dân về cải cách hành chính.'
para B '2. Bảo đảm thiết thực, hiệu quả, phù hợp với điều kiện của địa phương.'
para H 'II. NỘI DUNG VÀ HÌNH THỨC'
para B '1. Tuyên truyền trên Báo Lai Châu, Đài Phát thanh và Truyền hình tỉnh, mỗi quý 02 chuyên mục.'
para B '2. Tổ chức 04 hội nghị tập huấn cho 200 công chức làm công tác một cửa.'
for ((k = 0; k < extra; k++)); do
  para B "- Đăng tải tin, bài về kết quả cải cách hành chính của các sở, ngành và địa phương trên Cổng thông tin điện tử tỉnh, đợt $((k + 1))."
done
para H 'III. KINH PHÍ THỰC HIỆN'
para B 'Tổng kinh phí thực hiện Kế hoạch là 350.000.000 đồng (Ba trăm năm mươi triệu đồng) từ nguồn ngân sách tỉnh năm 2026.'
para H 'IV. TỔ CHỨC THỰC HIỆN'
para B 'Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành tổ chức thực hiện Kế hoạch này./.'
para C ''
# Closing: recipients | signing block. The right cell's blank lines stand for the signature image.
echo '<table:table table:name="Closing" table:style-name="Two"><table:table-column table:style-name="Left"/><table:table-column table:style-name="Right"/>'
echo '<table:table-row table:style-name="Row"><table:table-cell table:style-name="Cell">'
para NN 'Nơi nhận:'
para N '- Bộ Nội vụ (báo cáo);'
para N '- TT. Tỉnh ủy, TT. HĐND tỉnh;'
para N '- Chủ tịch, các PCT UBND tỉnh;'
para N '- Các sở, ban, ngành tỉnh;'
para N '- Báo Lai Châu; Đài PTTH tỉnh;'
para N '- Cổng thông tin điện tử tỉnh'
para N '(để đưa tin);'
para N '- UBND các huyện, thành phố;'
para N '- Lãnh đạo Văn phòng, các'
para N 'phòng: KGVX, TH, KTN, HCTC;'
para N '- Lưu: VT, NC.'
echo '</table:table-cell><table:table-cell table:style-name="Cell">'
para SB1 'TL. CHỦ TỊCH'
para SB 'KT. CHÁNH VĂN PHÒNG'
para SB 'PHÓ CHÁNH VĂN PHÒNG'
for _ in 1 2 3 4 5 6 7 8 9; do para C ''; done
para SB 'Trần Văn Minh'
echo '</table:table-cell></table:table-row></table:table>'
echo '</office:text></office:body></office:document>'
}

cd "$work"
# closing_tl_kt: the closing block on the first page. closing_page_break: the same block split by the
# page break — Nơi nhận and the prefixes at the foot of page 2, the rest of both columns at the top of page 3.
for doc in "closing_tl_kt 0" "closing_page_break ${PAGE_BREAK_ITEMS:-24}"; do
  set -- $doc
  write_doc "$2" > "$1.fodt"
  soffice --headless --convert-to 'docx:MS Word 2007 XML' "$1.fodt" >/dev/null
  soffice --headless --convert-to pdf "$1.docx" >/dev/null
  cp "$1.docx" "$1.pdf" "$out/"
  echo "wrote $out/$1.docx and .pdf"
done
