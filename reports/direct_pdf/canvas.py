"""Pages of drawing operators and the PDF file around them (pydyf). Coordinates are points from the
top-left corner of an A4 page; they are turned upside down only when written."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pydyf

from reports.direct_pdf.fonts import Face, FontUse

MM = 72 / 25.4
WIDTH, HEIGHT = 210 * MM, 297 * MM
Colour = tuple[float, float, float]


def rgb(hex_colour: str) -> Colour:
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def _c(colour: Colour) -> str:
    return " ".join(f"{v:.3f}" for v in colour)


class Page:
    def __init__(self) -> None:
        self.ops: list[str] = []
        self.links: list[tuple[float, float, float, float, str]] = []

    def text(self, x: float, baseline: float, text: str, font: FontUse, *, size: float, colour: Colour) -> None:
        if text:
            self.ops.append(
                f"BT /{font.name} {size:g} Tf {_c(colour)} rg {x:.2f} {HEIGHT - baseline:.2f} Td "
                f"{font.encode(text)} Tj ET"
            )

    def line(self, start: tuple[float, float], end: tuple[float, float], width: float, colour: Colour) -> None:
        (x1, y1), (x2, y2) = start, end
        self.ops.append(f"{width:g} w {_c(colour)} RG {x1:.2f} {HEIGHT - y1:.2f} m {x2:.2f} {HEIGHT - y2:.2f} l S")

    def rule(self, x1: float, x2: float, y: float, width: float, colour: Colour) -> None:
        """A horizontal line."""
        self.line((x1, y), (x2, y), width, colour)

    def rect(self, x: float, y: float, w: float, h: float, fill: Colour) -> None:
        self.ops.append(f"{_c(fill)} rg {x:.2f} {HEIGHT - y - h:.2f} {w:.2f} {h:.2f} re f")

    def polygon(
        self,
        points: Sequence[tuple[float, float]],
        *,
        fill: Colour | None = None,
        stroke: Colour | None = None,
        width: float = 1,
        translucent: bool = False,
    ) -> None:
        path = " ".join(f"{x:.2f} {HEIGHT - y:.2f} {'m' if i == 0 else 'l'}" for i, (x, y) in enumerate(points))
        if fill is not None:
            state = "/Half gs " if translucent else ""
            self.ops.append(f"q {state}{_c(fill)} rg {path} h f Q")
        if stroke is not None:
            self.ops.append(f"{width:g} w 1 j {_c(stroke)} RG {path} h S")

    def circle(self, cx: float, cy: float, r: float, fill: Colour) -> None:
        k = 0.5523 * r  # a quarter circle as one cubic Bezier
        y = HEIGHT - cy
        self.ops.append(
            f"{_c(fill)} rg {cx + r:.2f} {y:.2f} m "
            f"{cx + r:.2f} {y + k:.2f} {cx + k:.2f} {y + r:.2f} {cx:.2f} {y + r:.2f} c "
            f"{cx - k:.2f} {y + r:.2f} {cx - r:.2f} {y + k:.2f} {cx - r:.2f} {y:.2f} c "
            f"{cx - r:.2f} {y - k:.2f} {cx - k:.2f} {y - r:.2f} {cx:.2f} {y - r:.2f} c "
            f"{cx + k:.2f} {y - r:.2f} {cx + r:.2f} {y - k:.2f} {cx + r:.2f} {y:.2f} c f"
        )

    def link(self, x: float, y: float, w: float, h: float, url: str) -> None:
        self.links.append((x, y, w, h, url))


class Document:
    """The pages and the two faces (regular, bold) one PDF draws with."""

    def __init__(self, regular: Face, bold: Face, title: str, lang: str) -> None:
        self.regular = FontUse(regular, "F1")
        self.bold = FontUse(bold, "F2")
        self.title = title
        self.lang = lang
        self.pages: list[Page] = []

    def new_page(self) -> Page:
        self.pages.append(Page())
        return self.pages[-1]

    def write(self) -> bytes:
        pdf = pydyf.PDF()
        fonts = pydyf.Dictionary()
        for use in (self.regular, self.bold):
            if use.text:
                fonts[use.name] = use.embed(pdf).reference
        resources = pydyf.Dictionary(
            {"Font": fonts, "ExtGState": pydyf.Dictionary({"Half": pydyf.Dictionary({"ca": 0.22})})}
        )
        pdf.add_object(resources)
        for page in self.pages:
            contents = pydyf.Stream(["\n".join(page.ops).encode("latin-1")], compress=True)
            pdf.add_object(contents)
            entry = pydyf.Dictionary(
                {
                    "Type": "/Page",
                    "Parent": pdf.pages.reference,
                    "MediaBox": pydyf.Array([0, 0, round(WIDTH, 2), round(HEIGHT, 2)]),
                    "Resources": resources.reference,
                    "Contents": contents.reference,
                }
            )
            if page.links:
                entry["Annots"] = pydyf.Array([self._link(pdf, link) for link in page.links])
            pdf.add_page(entry)
        pdf.info["Title"] = pydyf.String(self.title)
        pdf.info["Producer"] = pydyf.String("IP Ready")
        pdf.catalog["Lang"] = pydyf.String(self.lang)
        output = io.BytesIO()
        pdf.write(output, version=b"1.7", compress=True)
        return output.getvalue()

    @staticmethod
    def _link(pdf: pydyf.PDF, link: tuple[float, float, float, float, str]) -> bytes:
        x, y, w, h, url = link
        annotation = pydyf.Dictionary(
            {
                "Type": "/Annot",
                "Subtype": "/Link",
                "Rect": pydyf.Array([round(x, 2), round(HEIGHT - y - h, 2), round(x + w, 2), round(HEIGHT - y, 2)]),
                "Border": pydyf.Array([0, 0, 0]),
                "A": pydyf.Dictionary({"S": "/URI", "URI": pydyf.String(url)}),
            }
        )
        pdf.add_object(annotation)
        return annotation.reference
