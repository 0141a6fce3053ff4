"""Noto Sans CJK faces for the direct PDF writer: found through fontconfig, measured and subset by HarfBuzz.

A face is opened once per process (`face`); what one PDF uses is kept apart in `FontUse`, so two
documents never share state. Glyphs keep their ids in the subset (GID = CID in Noto Sans CJK), so
the text drawn with glyph ids needs no renumbering.
"""

from __future__ import annotations

import functools
import struct
import subprocess
import zlib
from dataclasses import dataclass, field

import pydyf
import uharfbuzz as hb

from reports.errors import ReportError
from reports.fonts import INSTALL_HINT

# Tables a PDF viewer never reads: the text is already laid out.
_DROP = ("BASE", "DSIG", "GPOS", "GSUB", "JSTF", "VORG", "vhea", "vmtx", "name", "post", "MATH")


@dataclass(frozen=True)
class Face:
    family: str
    bold: bool
    hb_face: hb.Face
    hb_font: hb.Font
    units: int  # per em
    ascent: int
    descent: int
    bbox: tuple[int, int, int, int]
    widths: dict[str, float] = field(default_factory=dict)  # char -> advance in 1/1000 em, filled on use

    def glyph(self, char: str) -> int:
        return self.hb_font.get_nominal_glyph(ord(char)) or 0

    def advance(self, char: str) -> float:
        width = self.widths.get(char)
        if width is None:
            gid = self.glyph(char)
            width = self.widths[char] = self.hb_font.get_glyph_h_advance(gid) * 1000 / self.units
        return width

    def width(self, text: str, size: float) -> float:
        advance = self.advance
        return sum(advance(c) for c in text) * size / 1000


def _locate(family: str, bold: bool) -> tuple[str, int]:
    """The file and collection index fontconfig gives for the family (never a path in the code)."""
    pattern = f"{family}:style={'Bold' if bold else 'Regular'}"
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}\n%{index}\n%{family}", pattern],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        found = []
    # fc-match always answers with something: a fallback face would have the wrong glyph forms.
    if len(found) < 3 or family not in found[2].split(","):
        raise ReportError([f"the font {family!r} is not installed: {INSTALL_HINT}"])
    return found[0], int(found[1] or 0)


@functools.cache
def face(family: str, bold: bool) -> Face:
    path, index = _locate(family, bold)
    hb_face = hb.Face(hb.Blob.from_file_path(path), index)
    hb_font = hb.Font(hb_face)
    extents = hb_font.get_font_extents("ltr")
    head = hb_face.reference_table("head").data
    bbox = struct.unpack(">4h", head[36:44])
    return Face(family, bold, hb_face, hb_font, hb_face.upem, extents.ascender, extents.descender, bbox)


class FontUse:
    """The glyphs one document draws with a face, and their text (for copying and searching)."""

    def __init__(self, face: Face, name: str) -> None:
        self.face = face
        self.name = name  # resource name, e.g. F1
        self.text: dict[int, str] = {}

    def encode(self, text: str) -> str:
        """The text as a PDF hex string of glyph ids (Identity-H)."""
        codes = []
        for char in text:
            gid = self.face.glyph(char)
            self.text.setdefault(gid, char)
            codes.append(f"{gid:04x}")
        return "<" + "".join(codes) + ">"

    def embed(self, pdf: pydyf.PDF) -> pydyf.Dictionary:
        """Subset, embed and describe the face; returns the Type0 font dictionary (added to `pdf`)."""
        face = self.face
        subset = hb.SubsetInput()
        subset.glyph_set.update({0, *self.text})
        for tag in _DROP:
            subset.drop_table_tag_set.add(int.from_bytes(tag.encode(), "big"))
        subset.flags = hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.DESUBROUTINIZE | hb.SubsetFlags.NO_HINTING
        program = hb.subset(face.hb_face, subset)
        if program is None:
            raise ReportError([f"the font {face.family!r} could not be subset"])
        stream = pydyf.Stream([program.blob.data], pydyf.Dictionary({"Subtype": "/OpenType"}), compress=True)
        pdf.add_object(stream)
        # The subset tag names the glyph set, so the same report gives the same bytes.
        digest = zlib.crc32(",".join(map(str, sorted(self.text))).encode())
        tag = "".join(chr(65 + (digest >> (5 * i)) % 26) for i in range(6))
        base = f"/{tag}+{face.family.replace(' ', '-')}{'-Bold' if face.bold else ''}"
        scale = 1000 / face.units
        descriptor = pydyf.Dictionary(
            {
                "Type": "/FontDescriptor",
                "FontName": base,
                "Flags": 4,
                "FontBBox": pydyf.Array([round(v * scale) for v in face.bbox]),
                "ItalicAngle": 0,
                "Ascent": round(face.ascent * scale),
                "Descent": round(face.descent * scale),
                "CapHeight": 733,
                "StemV": 120 if face.bold else 80,
                "FontFile3": stream.reference,
            }
        )
        pdf.add_object(descriptor)
        cid_font = pydyf.Dictionary(
            {
                "Type": "/Font",
                "Subtype": "/CIDFontType0",
                "BaseFont": base,
                "CIDSystemInfo": pydyf.Dictionary(
                    {"Registry": pydyf.String("Adobe"), "Ordering": pydyf.String("Identity"), "Supplement": 0}
                ),
                "W": self._widths(),
                "FontDescriptor": descriptor.reference,
            }
        )
        pdf.add_object(cid_font)
        to_unicode = pydyf.Stream(self._cmap(), compress=True)
        pdf.add_object(to_unicode)
        font = pydyf.Dictionary(
            {
                "Type": "/Font",
                "Subtype": "/Type0",
                "BaseFont": base,
                "Encoding": "/Identity-H",
                "DescendantFonts": pydyf.Array([cid_font.reference]),
                "ToUnicode": to_unicode.reference,
            }
        )
        pdf.add_object(font)
        return font

    def _widths(self) -> pydyf.Array:
        widths = pydyf.Array()
        for gid in sorted(self.text):
            widths.extend([gid, pydyf.Array([round(self.face.advance(self.text[gid]))])])
        return widths

    def _cmap(self) -> list[bytes]:
        lines = [
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            b"1 begincodespacerange <0000> <ffff> endcodespacerange",
        ]
        items = sorted(self.text.items())
        for start in range(0, len(items), 100):
            batch = items[start : start + 100]
            lines.append(f"{len(batch)} beginbfchar".encode())
            lines += [f"<{gid:04x}> <{char.encode('utf-16-be').hex()}>".encode() for gid, char in batch]
            lines.append(b"endbfchar")
        lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
        return lines
