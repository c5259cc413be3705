#!/usr/bin/env bash
# Test data for the legacy Word .doc adapter: the sample DOCX files saved as Word 97–2003 .doc by
# LibreOffice (its MS Word 97 filter writes list tables, tables and footnotes as Word does).
# Only this script needs LibreOffice (apt-get install -y libreoffice-writer-nogui); CI reads the
# committed .doc files. Re-run from the repository root: bash scripts/make-doc-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=fixtures/doc
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in 000.autonum 001 002.autonum; do
  # LibreOffice turns the first paragraph of a w:num that overrides its start values into a list of
  # its own in the .doc, which Word then numbers apart ("I." twice). The same numbering without that
  # construct: each such w:num gets its own copy of the abstract list, without the (no-op) overrides.
  python3 - "fixtures/samples/$name.docx" "$work/$name.docx" <<'PY'
import re, sys, zipfile
source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
    for item in z.infolist():
        data = z.read(item.filename)
        if item.filename == "word/numbering.xml":
            xml = data.decode("utf-8")
            abstracts = {m.group(1): m.group(0) for m in re.finditer(r'<w:abstractNum w:abstractNumId="(\d+)".*?</w:abstractNum>', xml, re.S)}
            next_id = max(map(int, abstracts)) + 1
            copies = []
            def own_list(m):
                global next_id
                num = m.group(0)
                starts = re.findall(r'<w:startOverride w:val="(\d+)"/>', num)
                if not starts or set(starts) != {"1"} or "<w:lvl " in num:
                    return num
                abstract = re.search(r'<w:abstractNumId w:val="(\d+)"/>', num).group(1)
                copies.append(abstracts[abstract].replace(f'w:abstractNumId="{abstract}"', f'w:abstractNumId="{next_id}"', 1))
                num = re.sub(r'<w:lvlOverride w:ilvl="\d+">\s*<w:startOverride w:val="1"/>\s*</w:lvlOverride>', "", num)
                num = num.replace(f'<w:abstractNumId w:val="{abstract}"/>', f'<w:abstractNumId w:val="{next_id}"/>')
                next_id += 1
                return num
            xml = re.sub(r'<w:num w:numId="\d+">.*?</w:num>', own_list, xml, flags=re.S)
            first_num = xml.index("<w:num ")
            xml = xml[:first_num] + "".join(copies) + xml[first_num:]
            data = xml.encode("utf-8")
        out.writestr(item, data)
PY
  # A private profile: no interference with another LibreOffice running on the machine.
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to 'doc:MS Word 97' --outdir "$work" "$work/$name.docx" >/dev/null
  cp "$work/$name.doc" "$out/$name.doc"
done
# A plan numbered through its heading styles, with a merged task-table cell, bullets and a footnote.
python3 scripts/doc-fixtures/make-styles-numbered-docx.py "$out/styles-numbered.docx"
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to 'doc:MS Word 97' --outdir "$work" "$out/styles-numbered.docx" >/dev/null
cp "$work/styles-numbered.doc" "$out/styles-numbered.doc"
ls -l "$out"
