#!/usr/bin/env python3
"""DOCX reference document for pandoc: its default styles made printable — A4 with the booklet's margins,
black headings, bordered tables, code small enough for 80-column lines, centred title-page styles.
Usage: refdoc.py IN.docx OUT.docx [--cheatsheet]  (cheat sheet: small type, narrow margins, two columns)
       refdoc.py --keep-rows FILE.docx             (after pandoc: no table row split between pages;
                                                    LibreOffice ignores cantSplit in a table style, so on each row)"""
import os
import re
import sys
import zipfile



def keep_rows(path):
    tmp = path + ".new"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                xml = re.sub(r"<w:tr>(\s*)<w:trPr>", r"<w:tr>\1<w:trPr><w:cantSplit/>", xml)
                xml = re.sub(r"<w:tr>(?!\s*<w:trPr>)", "<w:tr><w:trPr><w:cantSplit/></w:trPr>", xml)
                data = xml.encode("utf-8")
            zout.writestr(item, data)
    os.replace(tmp, path)


if sys.argv[1] == "--keep-rows":
    keep_rows(sys.argv[2])
    sys.exit(0)
src, dst = sys.argv[1], sys.argv[2]
cheat = "--cheatsheet" in sys.argv[3:]

MM = 56.7  # twips per millimetre


def style(sid, name, jc, size, before=120, bold=False):
    b = "<w:b/>" if bold else ""
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="{jc}"/><w:spacing w:before="{before}" w:after="120"/>'
            f'</w:pPr><w:rPr>{b}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>')


# The title page fills A4: the big title a third down, the compiler further, the city at the bottom.
extra = (style("TitlePage", "Title Page", "center", 26) + style("TitleBig", "Title Big", "center", 40, 2600, True)
         + style("TitleMid", "Title Mid", "center", 30) + style("TitleRight", "Title Right", "right", 24, 700)
         + style("TitleBottom", "Title Bottom", "center", 26, 3400))

body, code = (22, 17) if cheat else (23, 17)          # half-points: 11/8.5 pt or 11.5/8.5 pt
margins = (10, 11, 10, 11) if cheat else (20, 18, 20, 25)  # top, right, bottom, left in mm
borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def sub(pattern, repl, xml, count=1):
    xml, n = re.subn(pattern, repl, xml, count=count, flags=re.S)
    assert n, f"pandoc's reference.docx changed: no match for {pattern[:40]}"
    return xml


def fix_styles(xml):
    xml = xml.replace("</w:styles>", extra + "</w:styles>")
    # print in black: the default accent blue turns pale grey on a school printer
    xml = sub(r'<w:color w:val="[0-9A-F]{6}" w:themeColor="accent1"[^/]*/>', '<w:color w:val="000000"/>', xml, 0)
    xml = sub(r'(<w:rPrDefault>\s*<w:rPr>.*?)<w:sz w:val="24" />\s*<w:szCs w:val="24" />',
              rf'\1<w:sz w:val="{body}"/><w:szCs w:val="{body}"/>', xml)
    xml = sub(r'(w:styleId="VerbatimChar">.*?)<w:sz w:val="22" />', rf'\1<w:sz w:val="{code}"/>', xml)
    # bordered cells
    # (element order as the schema wants it: Word refuses a file otherwise)
    xml = sub(r'(w:styleId="Table">.*?<w:tblPr>.*?<w:tblInd [^>]*/>)(.*?</w:tblPr>)',
              rf'\1<w:tblBorders>{borders}</w:tblBorders>\2', xml)
    if not cheat:  # each section and task sheet on a page of its own, as in print.css
        xml = sub(r'(w:styleId="Heading1">.*?<w:keepLines />)', r'\1<w:pageBreakBefore />', xml)
    if cheat:  # tight paragraphs, headings and table cells (narrow columns of a two-column page)
        xml = sub(r'(w:styleId="Table">.*?)<w:left w:w="108" w:type="dxa" />(\s*<w:bottom [^>]*/>\s*)<w:right w:w="108" w:type="dxa" />',
                  r'\1<w:left w:w="45" w:type="dxa" />\2<w:right w:w="45" w:type="dxa" />', xml)
        xml = xml.replace('<w:spacing w:before="180" w:after="180" />', '<w:spacing w:before="20" w:after="40" />')
        xml = sub(r'<w:spacing w:before="(480|200)" w:after="0" />', '<w:spacing w:before="100" w:after="20" />', xml, 0)
        for h in ("Heading1", "Heading2"):
            xml = sub(rf'(w:styleId="{h}">.*?)<w:sz w:val="\d+" />\s*<w:szCs w:val="\d+" />',
                      r'\1<w:sz w:val="22"/><w:szCs w:val="22"/>', xml)
    return xml


def fix_document(xml):
    top, right, bottom, left = (round(m * MM) for m in margins)
    cols = '<w:cols w:num="2" w:space="340"/>' if cheat else ""
    sect = (f'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{top}" w:right="{right}" '
            f'w:bottom="{bottom}" w:left="{left}" w:header="0" w:footer="0" w:gutter="0"/>{cols}</w:sectPr>')
    assert "<w:sectPr />" in xml, "pandoc's reference.docx changed: no empty sectPr"
    return xml.replace("<w:sectPr />", sect)


with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/styles.xml":
            data = fix_styles(data.decode("utf-8")).encode("utf-8")
        elif item.filename == "word/document.xml":
            data = fix_document(data.decode("utf-8")).encode("utf-8")
        zout.writestr(item, data)
