#!/usr/bin/env python3
"""The app's words as translators' files: src/Sangathan/Texts/{language}.po (gettext PO), read by the app at start.

Run from anywhere; it finds the repository from its own place. Re-runnable: it only ever adds to the files.

    python3 tools/texts/texts.py                        # refresh sangathan.pot and every language's .po from the code
    python3 tools/texts/texts.py --from-dictionaries    # first move Hindi kept in C# dictionaries (*Hindi.cs) into hi.po
    python3 tools/texts/texts.py --from-dictionaries --delete-dictionaries   # ... and delete those C# files

What it does:
- finds every phrase the code shows (the English passed to T("..."), Texts.In(language, "..."), and the messages
  kept as templates and translated when shown: import problems, file errors, Outcome.Fail(...)), and writes them all
  to Texts/sangathan.pot, the template a translator starts a new language from (copy it to xx.po);
- with --from-dictionaries, reads the English -> Hindi dictionaries still written in C# (HindiTexts.cs and each
  feature's *Hindi.cs, as branches written before the move add them) and puts each pair into hi.po. A phrase hi.po
  already translates keeps the file's translation (the translators' file is the source now); a different one in C#
  is reported, not applied;
- adds to every .po each phrase of the code it lacks, with an empty translation, for the translator to fill (the
  app shows English until then, and the test "every phrase has its Hindi" names what hi.po still lacks);
- keeps every entry a file has, used or not (a phrase may come from data, or return), sorted by English, with the
  places the code uses it as "#:" comments and "#, csharp-format" on those with {0} placeholders (msgfmt --check
  then verifies a translation keeps them).
"""
import argparse
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
APP = os.path.join(ROOT, "src", "Sangathan")
TEXTS = os.path.join(APP, "Texts")

# The same phrases the test EveryPhraseTheAppShowsHasItsHindi looks for (tests/Sangathan.Tests/Platform/RulesTests.cs).
PHRASE = re.compile(r'(?:\bT\(|\b(?:Local|Both)\(|\bIn\([^,()]+, |ImportFileException\(|\.Problem\([^,()]+, |(?<!AuthenticateResult\.)\bFail\()"((?:[^"\\]|\\.)*)"[,)]')
ENTRY = re.compile(r'\[\s*"((?:[^"\\]|\\.)*)"\s*\]\s*=\s*"((?:[^"\\]|\\.)*)"')
PLACEHOLDER = re.compile(r"\{\d+(?:[,:][^}]*)?\}")


def unescape_cs(s):
    """A C# regular string literal's content, its escapes read."""
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = s[i + 1]
        if n == "u":
            out.append(chr(int(s[i + 2:i + 6], 16)))
            i += 6
            continue
        if n == "x":
            m = re.match(r"[0-9a-fA-F]{1,4}", s[i + 2:])
            out.append(chr(int(m.group(0), 16)))
            i += 2 + len(m.group(0))
            continue
        out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "\\": "\\", "'": "'"}.get(n, n))
        i += 2
    return "".join(out)


def source_files():
    for folder, dirs, files in os.walk(APP):
        dirs[:] = [d for d in dirs if d not in ("bin", "obj", "Migrations", "wwwroot")]
        for f in sorted(files):
            if f.endswith(".cs") or f.endswith(".cshtml"):
                yield os.path.join(folder, f)


def code_phrases():
    """Every phrase the code shows, with the files using it (relative to the app folder)."""
    found = {}
    for path in source_files():
        text = open(path, encoding="utf-8").read()
        for m in PHRASE.finditer(text):
            phrase = unescape_cs(m.group(1))
            found.setdefault(phrase, [])
            rel = os.path.relpath(path, APP).replace(os.sep, "/")
            if rel not in found[phrase]:
                found[phrase].append(rel)
    return found


def dictionary_files():
    return [p for p in source_files() if p.endswith("Hindi.cs") or p.endswith("HindiTexts.cs")]


def dictionaries():
    pairs = {}
    for path in dictionary_files():
        for m in ENTRY.finditer(open(path, encoding="utf-8").read()):
            english, hindi = unescape_cs(m.group(1)), unescape_cs(m.group(2))
            if english in pairs and pairs[english] != hindi:
                print(f"two Hindi texts for {english!r} in the C# dictionaries; kept the first", file=sys.stderr)
                continue
            pairs[english] = hindi
    return pairs


def unquote(q):
    q = q.strip()
    assert q[0] == '"' and q[-1] == '"', q
    out, i, s = [], 0, q[1:-1]
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + '"'


def read_po(path):
    """(header text, {msgid: (msgstr, flags, translator comments)}) of a PO file; missing file: empty."""
    entries, header = {}, None
    if not os.path.exists(path):
        return None, entries
    msgid = msgstr = None
    flags, comments, field = [], [], None

    def flush():
        nonlocal msgid, msgstr, flags, comments, header
        if msgid is not None:
            if msgid == "":
                header = msgstr
            else:
                entries[msgid] = (msgstr or "", [f for f in flags if f not in ("csharp-format",)], comments)
        msgid = msgstr = None
        flags, comments = [], []

    for raw in open(path, encoding="utf-8"):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#,"):
            if msgid is not None:
                flush()
            flags += [f.strip() for f in line[2:].split(",") if f.strip()]
        elif line.startswith("# ") or line == "#":
            if msgid is not None:
                flush()
            comments.append(line)
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid "):
            if msgid is not None:
                flush()
            msgid, field = unquote(line[6:]), "id"
        elif line.startswith("msgstr "):
            msgstr, field = unquote(line[7:]), "str"
        elif line.startswith('"'):
            if field == "id":
                msgid += unquote(line)
            elif field == "str":
                msgstr += unquote(line)
    flush()
    return header, entries


def header_for(language):
    lines = ["Project-Id-Version: Sangathan", f"Language: {language}" if language else "Language: ",
             "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit",
             "Plural-Forms: nplurals=2; plural=(n != 1);"]
    return "".join(l + "\n" for l in lines)


def write_po(path, header, entries, used, note):
    out = [f"# {note}", 'msgid ""', 'msgstr ""']
    out += [quote(l + "\n") for l in header.splitlines()]
    out.append("")
    for msgid in sorted(entries, key=lambda s: (s.casefold(), s)):
        msgstr, flags, comments = entries[msgid]
        out += comments
        for place in used.get(msgid, [])[:3]:
            out.append(f"#: {place}")
        flags = list(flags) + (["csharp-format"] if PLACEHOLDER.search(msgid) else [])
        if flags:
            out.append("#, " + ", ".join(flags))
        out += ["msgid " + quote(msgid), "msgstr " + quote(msgstr), ""]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from-dictionaries", action="store_true", help="move the C# *Hindi.cs dictionaries into hi.po")
    parser.add_argument("--delete-dictionaries", action="store_true", help="delete the C# dictionaries once moved")
    args = parser.parse_args()
    os.makedirs(TEXTS, exist_ok=True)
    used = code_phrases()

    if args.from_dictionaries:
        path = os.path.join(TEXTS, "hi.po")
        header, entries = read_po(path)
        added = kept = 0
        for english, hindi in dictionaries().items():
            if english not in entries or entries[english][0] == "":
                old = entries.get(english, ("", [], []))
                entries[english] = (hindi, [f for f in old[1] if f != "fuzzy"], old[2])
                added += 1
            elif entries[english][0] != hindi:
                kept += 1
                print(f"hi.po keeps its own Hindi for {english!r} (C# has {hindi!r})", file=sys.stderr)
        write_po(path, header or header_for("hi"), entries, used, "Hindi. Translators: edit the msgstr lines; keep {0}, {1} ... as they are.")
        print(f"hi.po: {added} phrases from the C# dictionaries, {kept} kept as the file had them")
        if args.delete_dictionaries:
            for f in dictionary_files():
                os.remove(f)
                print(f"deleted {os.path.relpath(f, ROOT)}")

    template = {p: ("", [], []) for p in used}
    write_po(os.path.join(TEXTS, "sangathan.pot"), header_for(""), template, used,
             "Every phrase the app shows. A new language: copy this file to Texts/<code>.po (gu.po, mr.po ...) and translate.")
    for name in sorted(os.listdir(TEXTS)):
        if not name.endswith(".po"):
            continue
        path = os.path.join(TEXTS, name)
        header, entries = read_po(path)
        missing = [p for p in used if p not in entries]
        for p in missing:
            entries[p] = ("", [], [])
        untranslated = sum(1 for v in entries.values() if v[0] == "")
        note = open(path, encoding="utf-8").readline().strip()[2:] if os.path.exists(path) else name
        write_po(path, header or header_for(name[:-3]), entries, used, note)
        print(f"{name}: {len(entries)} phrases, {len(missing)} new from the code, {untranslated} without a translation")


if __name__ == "__main__":
    main()
