"""A small plan whose numbering lives in its styles (Heading 1–3 carry w:numPr, paragraphs only name
the style), with a header table, a task table with a vertically merged cell, '-' bullets, a
footnote and the closing table: the Word 97 structures the .doc reader must handle beyond the samples.
Usage: python3 make-styles-numbered-docx.py OUT.docx"""
import sys, zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def run(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'

def p(text="", style=None, num=None, breaks=None):
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else "")
    body = "<w:r><w:br/></w:r>".join(run(t) for t in (breaks or [text]))
    return f"<w:p><w:pPr>{ppr}</w:pPr>{body}</w:p>"

def cell(content, width, merge=None):
    vm = "" if merge is None else ('<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>")
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{vm}</w:tcPr>{content}</w:tc>'

def table(rows, widths):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>' + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"

header = table([
    [cell(p(breaks=["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"]), 3600), cell(p(breaks=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]), 5800)],
    [cell(p("Số: 12/KH-UBND"), 3600), cell(p("Lai Châu, ngày 05 tháng 3 năm 2024"), 5800)],
], [3600, 5800])
tasks = table([
    [cell(p("STT"), 800), cell(p("Nội dung"), 4600), cell(p("Đơn vị chủ trì"), 4000)],
    [cell(p("1"), 800), cell(p("Tập huấn cán bộ thông tin cơ sở"), 4600), cell(p("Sở Thông tin và Truyền thông"), 4000, "restart")],
    [cell(p("2"), 800), cell(p("Xây dựng tài liệu tuyên truyền"), 4600), cell(p(), 4000, "continue")],
], [800, 4600, 4000])
closing = table([[
    cell(p("Nơi nhận:") + p("- Sở Tài chính;") + p("- UBND các huyện, thành phố;") + p("- Lưu: VT."), 4700),
    cell(p(breaks=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]) + p() + p("Hà Trọng Hải"), 4700),
]], [4700, 4700])
body = "".join([
    header,
    p("KẾ HOẠCH"),
    p("Tuyên truyền giảm nghèo về thông tin năm 2024"),
    p('Căn cứ Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>;'.replace('<w:r><w:t xml:space="preserve">', '', 0)),
    p("Ủy ban nhân dân tỉnh ban hành Kế hoạch với các nội dung sau:"),
    p("MỤC ĐÍCH, YÊU CẦU", "Heading1"),
    p("Mục đích", "Heading2"),
    p("Nâng cao nhận thức của người dân về giảm nghèo."),
    p("Yêu cầu", "Heading2"),
    p("Triển khai đúng tiến độ.", num=(2, 0)),
    p("Bảo đảm tiết kiệm, hiệu quả.", num=(2, 0)),
    p("NỘI DUNG THỰC HIỆN", "Heading1"),
    p("Nhiệm vụ trọng tâm", "Heading2"),
    p("Tập huấn", "Heading3"),
    p("Tài liệu", "Heading3"),
    tasks,
    p("KINH PHÍ THỰC HIỆN", "Heading1"),
    p("Tổng kinh phí thực hiện: 150.000.000 đồng (Một trăm năm mươi triệu đồng)."),
    p("TỔ CHỨC THỰC HIỆN", "Heading1"),
    p("Các sở, ngành, địa phương triển khai thực hiện Kế hoạch này./."),
    closing,
])
# The basis paragraph above: its text run and the footnote reference run, built by hand.
body = body.replace(
    p('Căn cứ Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>;'),
    "<w:p><w:pPr/>" + run("Căn cứ Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025")
    + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' + run(";") + "</w:p>",
)
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'

def level(ilvl, fmt, text):
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:suff w:val="space"/></w:lvl>'

numbering = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{level(0, "upperRoman", "%1.").replace("<w:lvlText", '<w:pStyle w:val="Heading1"/><w:lvlText')}{level(1, "decimal", "%2.").replace("<w:lvlText", '<w:pStyle w:val="Heading2"/><w:lvlText')}{level(2, "decimal", "%2.%3.").replace("<w:lvlText", '<w:pStyle w:val="Heading3"/><w:lvlText')}</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:suff w:val="space"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>'''

def heading(i, name):
    return f'<w:style w:type="paragraph" w:styleId="Heading{i}"><w:name w:val="heading {i}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="{i - 1}"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="{i - 1}"/></w:pPr></w:style>'

styles = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
{heading(1, "")}{heading(2, "")}{heading(3, "")}
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>'''
footnotes = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{run(" Chương trình gồm 7 dự án thành phần.")}</w:p></w:footnote></w:footnotes>'''
content_types = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'''
rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'''
doc_rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>'''
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/_rels/document.xml.rels", doc_rels),
                       ("word/document.xml", document), ("word/styles.xml", styles), ("word/numbering.xml", numbering), ("word/footnotes.xml", footnotes)]:
        z.writestr(name, data)
