#!/usr/bin/env python3
"""Writes the broken and odd files the import tests upload (see README.md). Run it from this folder; the files are
committed, so the tests never run it. The .xlsx files are the parts Excel itself writes, zipped as Excel zips them."""
import random
import zipfile

XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

PARTS = {
    "[Content_Types].xml": XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    "_rels/.rels": XML + f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "docProps/app.xml": XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>'
    '<AppVersion>16.0300</AppVersion></Properties>',
    "docProps/core.xml": XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>DCC Office</dc:creator>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-15T10:30:00Z</dcterms:created></cp:coreProperties>',
    "xl/workbook.xml": XML + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView xWindow="0" yWindow="0" '
    'windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": XML + f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/styles.xml": XML + f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
}


def column(i):
    return chr(ord("A") + i)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xlsx(rows):
    """Rows of cells: a str goes to the shared strings as Excel puts text, an int is a number cell."""
    strings, cells = [], []
    for r, row in enumerate(rows, start=1):
        out = []
        for c, value in enumerate(row):
            ref = f"{column(c)}{r}"
            if isinstance(value, int):
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                strings.append(value)
                out.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        cells.append(f'<row r="{r}">{"".join(out)}</row>')
    sheet = XML + f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>{"".join(cells)}</sheetData></worksheet>'
    shared = XML + f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(
        f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>"
    return {**PARTS, "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": shared}


def write_xlsx(name, rows):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in xlsx(rows).items():
            # A fixed time in each entry, so that writing the files again writes the same bytes.
            z.writestr(zipfile.ZipInfo(part, date_time=(2025, 1, 15, 10, 30, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)


def huge_text(length):
    """Words repeated with a random word now and then (one in 170): compressible enough to commit (about 100 KB zipped),
    yet below the zip-bomb ratio the import refuses (200), so the file is opened and its cell is what gets refused."""
    rng = random.Random(7)
    words = ["booth", "mandal", "block", "district", "pradhan", "sachiv", "karyakarta", "sangathan"]
    out, size = [], 0
    while size < length:
        word = words[size // 4096 % len(words)] if rng.random() < 0.994 else "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
        out.append(word + " ")
        size += len(word) + 1
    return "".join(out)[:length]


def pdf():
    """A one-page PDF 1.4 with a line of text, its cross-reference table at the byte offsets a reader checks."""
    text = b"BT /F1 18 Tf 72 720 Td (Booth presidents, Jaipur district) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


HEADER = ["District", "Block", "Mandal", "Booth", "Post", "Name", "Mobile"]


def main():
    write_xlsx("good-booths.xlsx", [HEADER, ["Jaipur", "Amer", "Mandal 3", 41, "President", "Gopal Sharma", 9829011111]])
    whole = open("good-booths.xlsx", "rb").read()
    open("truncated.xlsx", "wb").write(whole[: len(whole) // 2])

    # A PDF of the list, renamed .xlsx, as happens when an office mails the printout instead of the sheet.
    open("pdf-renamed.xlsx", "wb").write(pdf())

    write_xlsx("header-only.xlsx", [HEADER])
    open("header-only.csv", "wb").write(b"\xef\xbb\xbf" + ",".join(HEADER).encode() + b"\r\n")

    write_xlsx("huge-cell.xlsx", [["District", "Name", "Mobile"], ["Jaipur", huge_text(10 * 1024 * 1024), 9829012345]])

    # Excel's plain "CSV (Comma delimited)" on a Windows machine writes Windows-1252, not UTF-8.
    latin = "District,Block,Mandal,Booth,Post,Name,Mobile\r\nJaipur,Amer,Mandal 3,41,President,José Müller,9829011111\r\n"
    open("windows-1252.csv", "wb").write(latin.encode("cp1252"))
    # UTF-16 (little-endian) without the byte order mark Excel's "Unicode text" starts with.
    open("utf16-no-bom.csv", "wb").write(latin.replace(",", "\t").encode("utf-16-le"))

    # A title row above Hindi headers, saved from Excel as "CSV UTF-8" (which writes a BOM and CRLF).
    title = "जयपुर ज़िला कांग्रेस — बूथ अध्यक्ष सूची,,,,,,\r\n,,,,,,\r\n"
    hindi = "जिला,ब्लॉक,मंडल,बूथ संख्या,पद,नाम,मोबाइल नंबर\r\nजयपुर,आमेर,मंडल चार,43,अध्यक्ष,सुनीता मीणा,98290 33333\r\n"
    open("hindi-title-row.csv", "wb").write(b"\xef\xbb\xbf" + (title + hindi).encode("utf-8"))


# A district office's sheet as war rooms receive them (issue 23): every kind of mess in one file. See README.md.
ZWJ, ZWNJ, NBSP, BOM, ZWSP = "\u200d", "\u200c", "\u00a0", "\ufeff", "\u200b"
MESSY_HEADER = ["क्र.सं.", "ज़िला", "ब्लाक", "मण्डल", "बूथ नं.", "पद", "नाम", "Name", "मोबाइल नं.", "ई-मेल", "गाँव", "फ़ेसबुक", "पिता का नाम"]
MESSY_ROWS = [
    # 4: a misspelt block (चोमू शहर for चौमूं शहर), a trailing joiner on a Hindi-only name, a mobile as text in scientific notation with all its digits
    ["१", BOM + "जयपुर", "चोमू शहर", "", "", "अध्यक्ष", "गीता जाट" + ZWJ, "", "9.829012345E+09", "geeta.jat@gmail.com", "चौमूं", "fb.com/geetajat", "रामलाल"],
    # 5: an English-only name with a non-breaking space, Devanagari digits in the mobile, an e-mail without a dot in its domain
    ["२", "जयपुर", "चोमू शहर", "", "", "महासचिव", "", "Ramesh" + NBSP + "Kumar Sharma", "९८२९०१२३४६", "ramesh@gmail", "", "", ""],
    # 6: a new mandal under the block, an address whose domain is in capitals, a zero-width space in the name
    ["३", "जयपुर", "चोमू शहर", "मंडल एक", "", "अध्यक्ष", "", "Suresh" + ZWSP + " Saini", "98290 12347", "Suresh.Saini@Example.IN", "", "", ""],
    # 7: a new booth written in Devanagari digits, a mobile with Excel's ".0", a name with a decomposed nukta
    ["४", "जयपुर", "चोमू शहर", "मंडल एक", "१२", "अध्यक्ष", "फ\u093cातिमा ख\u093cान", "", "9829012348.0", "", "", "", ""],
    # 8: a mobile Excel rounded (its last digits are gone)
    ["५", "जयपुर", "चोमू शहर", "मंडल एक", "13", "अध्यक्ष", "गलत नंबर", "", "9.8290E+09", "", "", "", ""],
    # 9: no mobile at all
    ["६", "जयपुर", "चोमू शहर", "", "", "कोषाध्यक्ष", "मोहन लाल", "", "", "", "", "", ""],
    # 10: a post no level has
    ["७", "जयपुर", "चोमू शहर", "", "", "मीडिया प्रभारी", "अनिल मीणा", "", "9829012350", "", "", "", ""],
    # 11: the person of row 4 again (the same mobile, as a number cell), at another booth, with another village and social links
    ["८", "जयपुर", "चोमू शहर", "मंडल एक", "14", "अध्यक्ष", "गीता जाट", "", 9829012345, "", "जयपुर", "", ""],
    # 12: both scripts given, a joiner inside the Hindi (ZWNJ) and the names' scripts swapped between the columns
    ["९", "जयपुर", "चोमू शहर", "", "", "उपाध्यक्ष", "Vijay Singh", "वि" + ZWNJ + "जय सिंह", "9829012351", "", "", "", ""],
    # 13, 14: rows 6 and 9 again, as copies pasted at the end of a sheet are
    ["३", "जयपुर", "चोमू शहर", "मंडल एक", "", "अध्यक्ष", "", "Suresh" + ZWSP + " Saini", "98290 12347", "Suresh.Saini@Example.IN", "", "", ""],
    ["६", "जयपुर", "चोमू शहर", "", "", "कोषाध्यक्ष", "मोहन लाल", "", "", "", "", "", ""],
]


def messy():
    title = ["जयपुर शहर ज़िला कांग्रेस कमेटी — ब्लॉक चोमू शहर, पदाधिकारी सूची"] + [""] * (len(MESSY_HEADER) - 1)
    write_xlsx("messy-district.xlsx", [title, [""] * len(MESSY_HEADER), MESSY_HEADER] + MESSY_ROWS)


if __name__ == "__main__":
    main()
    messy()
