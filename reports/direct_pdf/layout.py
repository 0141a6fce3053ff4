"""A small flow layout on A4 pages: paragraphs, headings kept with what follows, blocks kept whole,
tables whose header row repeats and whose long rows may continue on the next page, and the running
footer with page numbers drawn once the page count is known."""

from __future__ import annotations

from dataclasses import dataclass, field

from reports.direct_pdf.canvas import HEIGHT, MM, WIDTH, Colour, Document, Page, rgb
from reports.direct_pdf.text import INK, Line, Piece, Span, line_width, wrap

MUTED, ACCENT, RULE = rgb("#5d6d72"), rgb("#0b5f73"), rgb("#d5dee0")
SOFT, WARN, GREEN, WHITE = rgb("#eef4f5"), rgb("#8a3b12"), rgb("#2e7d4f"), (1.0, 1.0, 1.0)
LEADING = 1.45
# Noto Sans CJK: ascender 1.16 em, descender 0.288 em; the baseline sits as a browser puts it.
ASCENT, CONTENT = 1.16, 1.448
LEFT, RIGHT, TOP, BOTTOM = 16 * MM, WIDTH - 16 * MM, 17 * MM, HEIGHT - 19 * MM
BAR = 3.0  # points: the rule beside the comment box and the critical issues


@dataclass(slots=True)
class Block:
    """Wrapped lines ready to draw: their height is known before anything is drawn."""

    lines: list[Line]
    size: float
    x: float
    width: float
    align: str = "left"
    leading: float = LEADING
    background: Colour | None = None  # a tinted box reaching `pad` beyond the text on each side
    bar: Colour | None = None  # and a rule down its left side
    pad: float = 0.0

    @property
    def line_height(self) -> float:
        return self.size * self.leading

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


@dataclass(slots=True)
class Cell:
    spans: list[Span]
    align: str = "left"
    pre: bool = False


@dataclass(slots=True)
class Table:
    widths: list[float]  # points; a 0 column takes what the others leave
    header: list[Cell] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    size: float = 10.0
    header_size: float = 8.5
    muted_rows: set[int] = field(default_factory=set)


class Flow:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.faces = (document.regular.face, document.bold.face)
        self.page: Page = document.new_page()
        self.y = TOP

    # pages -----------------------------------------------------------------------------------------
    def new_page(self) -> None:
        self.page = self.doc.new_page()
        self.y = TOP

    def room(self) -> float:
        return BOTTOM - self.y

    def ensure(self, height: float) -> None:
        """A page break unless `height` still fits (never on an empty page: it would not fit there either)."""
        if height > self.room() and self.y > TOP + 0.1:
            self.new_page()

    def space(self, height: float) -> None:
        if self.y > TOP + 0.1:
            self.y = min(self.y + height, BOTTOM)

    # text ------------------------------------------------------------------------------------------
    def block(
        self,
        spans: list[Span] | str,
        size: float = 10.0,
        *,
        x: float = LEFT,
        width: float = RIGHT - LEFT,
        align: str = "left",
        pre: bool = False,
        colour: Colour = INK,
        bold: bool = False,
        leading: float = LEADING,
    ) -> Block:
        if isinstance(spans, str):
            spans = [Span(spans, bold, colour)]
        lines = wrap(spans, size, width, self.faces, pre)
        return Block(lines, size, x, width, align, leading)

    def draw_line(self, block: Block, line: Line, y: float, colour: Colour | None = None) -> None:
        if block.background is not None:
            self.page.rect(block.x - block.pad, y, block.width + 2 * block.pad, block.line_height, block.background)
        if block.bar is not None:
            self.page.rect(block.x - block.pad, y, BAR, block.line_height, block.bar)
        x = block.x
        if block.align == "right":
            x += block.width - line_width(line)
        elif block.align == "center":
            x += (block.width - line_width(line)) / 2
        baseline = y + (block.line_height - CONTENT * block.size) / 2 + ASCENT * block.size
        run: list[str] = []
        start = x
        for number, piece in enumerate(line):
            run.append(piece.text)
            following = line[number + 1] if number + 1 < len(line) else None
            if following is not None and following.span == piece.span and not piece.span.badge:
                x += piece.width
                continue
            x += piece.width
            self._run("".join(run), piece.span, (start, baseline, x - start), block.size, colour)
            run, start = [], x

    def _run(self, text: str, span: Span, box: tuple[float, float, float], size: float, colour: Colour | None) -> None:
        """A run of one span's text; `box` is its left edge, baseline and width."""
        x, baseline, width = box
        span_size = span.size or size
        font = self.doc.bold if span.bold else self.doc.regular
        if span.badge:
            pad = 1.5 * MM
            self.page.rect(x + 1, baseline - span_size * 1.05, width - 2, span_size * 1.45, GREEN)
            self.page.text(x + pad, baseline - 0.3, text, font, size=span_size, colour=WHITE)
            return
        self.page.text(x, baseline, text.rstrip(" "), font, size=span_size, colour=colour or span.colour)
        if span.url:
            self.page.link(x, baseline - span_size, width, span_size * 1.3, span.url)

    def draw(self, block: Block) -> None:
        """Line by line, breaking the page where the next line does not fit."""
        for line in block.lines:
            self.ensure(block.line_height)
            self.draw_line(block, line, self.y)
            self.y += block.line_height

    def text(
        self,
        spans: list[Span] | str,
        size: float = 10.0,
        *,
        after: float = 2 * MM,
        colour: Colour = INK,
        leading: float = LEADING,
    ) -> None:
        """A paragraph across the page width, then `after` points of space."""
        self.draw(self.block(spans, size, colour=colour, leading=leading))
        self.y += after

    def heading(self, title: str, size: float, *, colour: Colour = ACCENT, keep: float = 20.0, rule: float = 0) -> None:
        """A heading stays with at least `keep` points of what follows it."""
        block = self.block([Span(title, True, colour)], size, leading=1.25)
        self.ensure(block.height + keep + (2 * MM if rule else 0))
        self.draw(block)
        if rule:
            self.y += 1.5 * MM
            self.page.rule(LEFT, RIGHT, self.y, rule, ACCENT)
            self.y += 3 * MM
        else:
            self.y += 1.5 * MM

    # tables ----------------------------------------------------------------------------------------
    def table(self, table: Table, *, x: float = LEFT, width: float = RIGHT - LEFT) -> None:
        rest = width - sum(table.widths)
        widths = [w or rest for w in table.widths]
        pad_x, pad_y = 1.5 * MM, 1.2 * MM
        header = self._row(table.header, widths, x, table.header_size, pad=pad_x, head=True) if table.header else []
        header_height = max((b.height for b in header), default=0) + (2 * pad_y if header else 0)

        def draw_header() -> None:
            if header:
                self._draw_cells(header, self.y + pad_y, 0, None)
                self.y += header_height
                self.page.rule(x, x + width, self.y, 1, ACCENT)

        first = table.rows[0] if table.rows else []
        first_height = max((b.height for b in self._row(first, widths, x, table.size, pad=pad_x)), default=0)
        # The header goes with the first row, or with its first lines when it is long enough to be split.
        self.ensure(header_height + min(first_height, 3 * table.size * LEADING) + 2 * pad_y)
        draw_header()
        for number, row in enumerate(table.rows):
            colour = MUTED if number in table.muted_rows else None
            cells = self._row(row, widths, x, table.size, pad=pad_x)
            line_height = table.size * LEADING
            count = max(len(b.lines) for b in cells)
            height = count * line_height + 2 * pad_y
            # Short rows are never split; a long one (a free-text answer) starts where it is and goes on overleaf.
            whole = height <= (BOTTOM - TOP) / 3
            if height > self.room() and (whole or self.room() < 3 * line_height + 2 * pad_y):
                self.new_page()
                draw_header()
            done = 0
            while done < count:
                lines = min(count - done, int((self.room() - 2 * pad_y) // line_height))
                if lines <= 0:
                    self.new_page()
                    draw_header()
                    continue
                self._draw_cells(cells, self.y + pad_y, done, colour, lines)
                self.y += lines * line_height + 2 * pad_y
                done += lines
                self.page.rule(x, x + width, self.y, 0.5, RULE)
        self.y += 2 * MM

    def _row(
        self, cells: list[Cell], widths: list[float], x: float, size: float, *, pad: float, head: bool = False
    ) -> list[Block]:
        blocks = []
        for cell, width in zip(cells, widths, strict=True):
            spans = [Span(s.text, True, MUTED, s.size) for s in cell.spans] if head else cell.spans
            blocks.append(self.block(spans, size, x=x + pad, width=width - 2 * pad, align=cell.align, pre=cell.pre))
            x += width
        return blocks

    def _draw_cells(
        self, cells: list[Block], y: float, start: int, colour: Colour | None, count: int | None = None
    ) -> None:
        for block in cells:
            lines = block.lines[start : start + count if count is not None else None]
            for number, line in enumerate(lines):
                self.draw_line(block, line, y + number * block.line_height, colour)

    # footer ----------------------------------------------------------------------------------------
    def footer(self, text: str) -> None:
        """'Title · company' and 'n / N' on every page but the cover; drawn last on each page."""
        total = len(self.doc.pages)
        size = 8.0
        label = self.block([Span(text, colour=MUTED)], size, width=140 * MM)
        line = label.lines[0]
        if len(label.lines) > 1 and line:
            last = line[-1]
            line = [*line[:-1], Piece(last.text.rstrip(" ") + "…", last.span, last.width, last.bare)]
        baseline_y = HEIGHT - 19 * MM / 2 - size * LEADING / 2
        for number, page in enumerate(self.doc.pages[1:], start=2):
            self.page = page
            self.draw_line(label, line, baseline_y)
            counter = self.block([Span(f"{number} / {total}", colour=MUTED)], size, x=RIGHT - 30 * MM, width=30 * MM)
            counter.align = "right"
            self.draw_line(counter, counter.lines[0], baseline_y)
