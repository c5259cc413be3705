#!/usr/bin/env bash
# Test data for legacy text encodings: the seed plan fixtures/seeds/001.txt written in each encoding
# a Vietnamese office's text file may come in. iconv writes Windows-1258 (tones as combining marks)
# and UTF-16 without a byte-order mark; TCVN3 (ABC) and VNI Windows, which iconv does not know, are
# written by the tables below (kept apart from the parser's, so the test checks one against the other).
# Re-run from the repository root: bash scripts/make-encoding-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seed=fixtures/seeds/001.txt
out=fixtures/encodings
mkdir -p "$out"
iconv -f UTF-8 -t CP1258 "$seed" > "$out/001.cp1258.txt"
iconv -f UTF-8 -t UTF-16LE "$seed" > "$out/001.utf16le.txt"
iconv -f UTF-8 -t UTF-16BE "$seed" > "$out/001.utf16be.txt"
python3 - "$seed" "$out" <<'PY'
import sys, unicodedata
seed, out = sys.argv[1], sys.argv[2]
text = open(seed, encoding="utf-8").read()

# TCVN 5712:1993 VN3: lower-case letters (and Ă Â Ê Ô Ơ Ư Đ) at these bytes; toned capitals were
# typed in the .VnTimeH fonts at the lower-case letter's byte, so they are written as lower case.
tcvn3 = {}
# Written out byte by byte from the TCVN3 chart.
for byte, letter in [
    (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"),
    (0xA8, "ă"), (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"),
    (0xB5, "à"), (0xB6, "ả"), (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"),
    (0xBB, "ằ"), (0xBC, "ẳ"), (0xBD, "ẵ"), (0xBE, "ắ"), (0xC6, "ặ"),
    (0xC7, "ầ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCA, "ấ"), (0xCB, "ậ"),
    (0xCC, "è"), (0xCE, "ẻ"), (0xCF, "ẽ"), (0xD0, "é"), (0xD1, "ẹ"),
    (0xD2, "ề"), (0xD3, "ể"), (0xD4, "ễ"), (0xD5, "ế"), (0xD6, "ệ"),
    (0xD7, "ì"), (0xD8, "ỉ"), (0xDC, "ĩ"), (0xDD, "í"), (0xDE, "ị"),
    (0xDF, "ò"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE3, "ó"), (0xE4, "ọ"),
    (0xE5, "ồ"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE8, "ố"), (0xE9, "ộ"),
    (0xEA, "ờ"), (0xEB, "ở"), (0xEC, "ỡ"), (0xED, "ớ"), (0xEE, "ợ"),
    (0xEF, "ù"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF3, "ú"), (0xF4, "ụ"),
    (0xF5, "ừ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF8, "ứ"), (0xF9, "ự"),
    (0xFA, "ỳ"), (0xFB, "ỷ"), (0xFC, "ỹ"), (0xFD, "ý"), (0xFE, "ỵ"),
]:
    tcvn3[letter] = byte

def encode_tcvn3(ch):
    if ch in tcvn3:
        return bytes([tcvn3[ch]])
    if ch.lower() in tcvn3:
        return bytes([tcvn3[ch.lower()]])
    return ch.encode("cp1252")

# VNI Windows: base letter + one byte for the marks; ơ ư đ, toned i and ỵ are bytes of their own.
TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
WITH_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
WITH_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
TONED_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}

def encode_vni(ch):
    parts = unicodedata.normalize("NFD", ch)
    base, marks = parts[0], parts[1:]
    upper = base.isupper()
    case = (lambda s: s.upper()) if upper else (lambda s: s)
    if ch in "đĐ":
        return case("ñ").encode("cp1252")
    if not marks:
        return ch.encode("cp1252")
    tone = next((m for m in marks if m in TONES), "")
    if "\u031b" in marks:  # horn: ơ ư are single bytes, the tone follows
        return (case({"o": "ô", "u": "ö"}[base.lower()]) + case(TONES.get(tone, ""))).encode("cp1252")
    if base.lower() == "i" and "\u0302" not in marks:
        return case(TONED_I[tone]).encode("cp1252")
    if base.lower() == "y" and tone == "\u0323":
        return case("î").encode("cp1252")
    if "\u0302" in marks:
        return (base + case(WITH_CIRCUMFLEX[tone])).encode("cp1252")
    if "\u0306" in marks:
        return (base + case(WITH_BREVE[tone])).encode("cp1252")
    return (base + case(TONES[tone])).encode("cp1252")

open(f"{out}/001.tcvn3.txt", "wb").write(b"".join(encode_tcvn3(c) for c in text))
open(f"{out}/001.vni.txt", "wb").write(b"".join(encode_vni(c) for c in text))
PY
ls -l "$out"
