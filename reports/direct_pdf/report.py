"""The score report, page by page, from the same ReportData and catalogue texts as the HTML report
(reports/templates/report.html.j2): the same parts in the same order, the same words and colours."""

from __future__ import annotations

from collections.abc import Callable

from reports.catalogue import text as catalogue_text
from reports.direct_pdf import charts
from reports.direct_pdf.canvas import MM, Document
from reports.direct_pdf.fonts import face
from reports.direct_pdf.layout import ACCENT, BAR, LEFT, MUTED, RIGHT, RULE, SOFT, TOP, WARN, Cell, Flow, Table
from reports.direct_pdf.text import INK, Span
from reports.fonts import PRINT_FAMILY
from reports.report_data import Action, ReportData

Translate = Callable[..., str]
METHOD_KEYS = ("answers", "special", "sections", "caps", "overall", "dimensions", "plan", "rounding")


def render(data: ReportData) -> bytes:
    family = PRINT_FAMILY.get(data.lang, PRINT_FAMILY["en"])

    def t(key: str, **values: object) -> str:
        return catalogue_text(key, data.lang, **values)

    title = t("report.title") + (f" · {data.company}" if data.company else "")
    document = Document(face(family, False), face(family, True), title, data.lang)
    flow = Flow(document)
    for part in (_cover, _summary, _charts, _sections, _plan, _appendix, _method):
        if part is not _cover:
            flow.new_page()
        part(flow, data, t)
    flow.footer(title)
    return document.write()


def _h2(flow: Flow, title: str) -> None:
    flow.heading(title, 15, rule=1.5)


def _h3(flow: Flow, title: str, size: float = 11.5, keep: float = 20.0) -> None:
    flow.space(5 * MM)
    flow.heading(title, size, keep=keep)


def _cover(flow: Flow, d: ReportData, t: Translate) -> None:
    flow.y = TOP + 28 * MM
    flow.text(d.questionnaire_title, 10, colour=MUTED)
    flow.text([Span(t("report.title"), True, ACCENT)], 26, leading=1.25)
    flow.text(t("report.subtitle"), 12, colour=MUTED, after=14 * MM)
    flow.text([Span(d.company or t("cover.no_company"), True, INK if d.company else MUTED)], 20, after=8 * MM)
    facts = [
        (t("cover.date"), d.date),
        (t("cover.questionnaire"), f"{d.questionnaire_title} · {t('cover.version', version=d.version)}"),
        (t("cover.language"), d.language_name),
    ]
    if d.adviser:
        facts.append((t("cover.adviser"), d.adviser))
    for label, value in facts:
        term = flow.block(label, colour=MUTED, width=38 * MM)
        detail = flow.block(value, x=LEFT + 42 * MM, width=RIGHT - LEFT - 42 * MM)
        flow.ensure(max(term.height, detail.height))
        top = flow.y
        flow.draw(term)
        flow.y = top
        flow.draw(detail)
        flow.y = max(flow.y, top + term.height) + 1.5 * MM
    flow.space(8.5 * MM)
    flow.page.rule(LEFT, RIGHT, flow.y, 1, RULE)
    flow.y += 6 * MM
    big = [Span(d.overall, True, ACCENT)]
    if d.overall_value is not None:
        big.append(Span(" / 100", colour=MUTED, size=12))
    flow.text(big, 34, leading=1.0, after=2 * MM)
    if d.maturity:
        flow.text([Span(d.maturity, True)], 13)
    flow.space(8 * MM)
    flow.text([Span(t("notice.title") + ". ", True, MUTED), Span(d.disclaimer, colour=MUTED)], 8)
    if d.comment:
        _comment(flow, d, t)


def _comment(flow: Flow, d: ReportData, t: Translate) -> None:
    """The adviser's comment in a tinted box with a rule on the left; it may run over pages."""
    flow.space(8 * MM)
    inner = LEFT + 5 * MM
    width = RIGHT - LEFT - 10 * MM
    heading = flow.block([Span(t("cover.comment"), True, ACCENT)], 11.5, x=inner, width=width, leading=1.25)
    body = flow.block(d.comment, x=inner, width=width, pre=True)
    for block in (heading, body):
        block.background, block.bar, block.pad = SOFT, ACCENT, 5 * MM
    flow.ensure(heading.height + 3 * body.line_height + 10 * MM)
    _pad(flow, 4 * MM)
    flow.draw(heading)
    _pad(flow, 2 * MM)
    flow.draw(body)
    _pad(flow, 4 * MM)


def _pad(flow: Flow, height: float) -> None:
    """Box padding: the tint and rule of the comment box, without text."""
    flow.ensure(height)
    flow.page.rect(LEFT, flow.y, RIGHT - LEFT, height, SOFT)
    flow.page.rect(LEFT, flow.y, BAR, height, ACCENT)
    flow.y += height


def _summary(flow: Flow, d: ReportData, t: Translate) -> None:
    _h2(flow, t("summary.title"))
    box_width, gap = 42 * MM, 8 * MM
    label = flow.block(t("summary.overall"), 9, colour=MUTED, x=LEFT + 4 * MM, width=box_width - 8 * MM)
    label.align = "center"
    score = flow.block([Span(d.overall, True, ACCENT)], 34, x=LEFT + 4 * MM, width=box_width - 8 * MM, leading=1.0)
    score.align = "center"
    out_of = flow.block(t("summary.out_of"), 9, colour=MUTED, x=LEFT + 4 * MM, width=box_width - 8 * MM)
    out_of.align = "center"
    parts = [label, score] + ([out_of] if d.overall_value is not None else [])
    box_height = sum(b.height for b in parts) + 8 * MM + 2 * MM
    x, width = LEFT + box_width + gap, RIGHT - LEFT - box_width - gap
    level = []
    if d.maturity:
        level += [flow.block([Span(d.maturity, True)], 13, x=x, width=width)]
        level += [flow.block(d.maturity_description, x=x, width=width)]
    level.append(flow.block(d.counts, x=x, width=width))
    top = flow.y
    flow.page.rect(LEFT, top, box_width, box_height, SOFT)
    flow.y = top + 4 * MM
    for block in parts:
        flow.draw(block)
        flow.y += 1 * MM
    flow.y = top + 2 * MM
    for block in level:
        flow.draw(block)
        flow.y += 2 * MM
    flow.y = max(flow.y, top + box_height) + 4 * MM
    if d.incomplete:
        flow.text([Span(d.incomplete, True, WARN)])
    if d.strongest:
        _extremes(flow, d, t)
    if d.top_actions:
        _h3(flow, t("summary.top_actions"))
        _list(flow, d.top_actions, numbered=True)
    if d.flags:
        _h3(flow, t("flags.title"))
        _list(flow, [message for message, _ in d.flags])


def _extremes(flow: Flow, d: ReportData, t: Translate) -> None:
    """Strongest and weakest areas side by side: a title on the left, its score on the right."""
    half = (RIGHT - LEFT - 8 * MM) / 2
    columns = [(t("summary.strongest"), d.strongest)] + ([(t("summary.weakest"), d.weakest)] if d.weakest else [])
    flow.space(5 * MM)
    flow.ensure(60)
    top, bottom = flow.y, flow.y
    for number, (title, items) in enumerate(columns):
        x = LEFT + number * (half + 8 * MM)
        flow.y = top
        flow.draw(flow.block([Span(title, True, ACCENT)], 11.5, x=x, width=half, leading=1.25))
        flow.y += 1.5 * MM
        for name, score in items:
            value = flow.block([Span(score, True)], x=x, width=half)
            value.align = "right"
            label = flow.block(name, x=x, width=half - 14 * MM)
            start = flow.y + 1.2 * MM
            flow.draw_line(value, value.lines[0], start)
            for line_number, line in enumerate(label.lines):
                flow.draw_line(label, line, start + line_number * label.line_height)
            flow.y = start + label.height + 1.2 * MM
            flow.page.rule(x, x + half, flow.y, 0.5, RULE)
        bottom = max(bottom, flow.y)
    flow.y = bottom


def _list(flow: Flow, items: list[str], *, numbered: bool = False) -> None:
    for number, item in enumerate(items, start=1):
        body = flow.block(item, x=LEFT + 6 * MM, width=RIGHT - LEFT - 6 * MM)
        marker = flow.block(f"{number}." if numbered else "•", x=LEFT, width=5 * MM)
        flow.ensure(body.line_height)
        flow.draw_line(marker, marker.lines[0], flow.y)
        flow.draw(body)


def _charts(flow: Flow, d: ReportData, t: Translate) -> None:
    _h2(flow, t("charts.title"))
    not_assessed = t("summary.not_assessed")
    if d.section_points:
        flow.heading(t("charts.sections"), 10, colour=INK, keep=150)
        charts.section_chart(flow, d.section_points, not_assessed)
        flow.y += 6 * MM
    flow.heading(t("charts.dimensions"), 10, colour=INK, keep=110)
    charts.bars(flow, d.dimension_points, not_assessed)
    flow.text(t("charts.dimensions_intro"), 8.5, colour=MUTED, after=6 * MM)
    _h3(flow, t("flags.title"), 12.5)
    if d.flags:
        flow.text(t("flags.intro"), colour=MUTED)
        for message, cap in d.flags:
            lines = [flow.block(message, x=LEFT + 4 * MM, width=RIGHT - LEFT - 4 * MM)]
            lines.append(flow.block(cap, 8.5, colour=MUTED, x=LEFT + 4 * MM, width=RIGHT - LEFT - 4 * MM))
            flow.ensure(sum(b.height for b in lines) + 1 * MM)
            top = flow.y
            for block in lines:
                flow.draw(block)
            flow.page.rect(LEFT, top, BAR, flow.y - top + 1 * MM, WARN)
            flow.y += 3 * MM
    else:
        flow.text(t("flags.none"))
    _h3(flow, t("gaps.title"), 12.5)
    if d.gaps:
        flow.text(t("gaps.intro"), colour=MUTED)
        _list(flow, d.gaps)
    else:
        flow.text(t("gaps.none"))


def _sections(flow: Flow, d: ReportData, t: Translate) -> None:
    _h2(flow, t("sections.title"))
    flow.text(t("sections.intro"), colour=MUTED)
    header = [
        Cell([Span(t("col.question"))]),
        Cell([Span(t("col.score"))], "right"),
        Cell([Span(t("col.points"))], "right"),
    ]
    for block in d.sections:
        flow.space(5 * MM)
        score = flow.block([Span(block.score, True, ACCENT)], 11.5, leading=1.25)
        score.align = "right"
        title = flow.block([Span(block.title, True, ACCENT)], 11.5, width=RIGHT - LEFT - 30 * MM, leading=1.25)
        flow.ensure(title.height + 60)
        flow.draw_line(score, score.lines[0], flow.y)
        flow.draw(title)
        flow.y += 1 * MM
        flow.page.rule(LEFT, RIGHT, flow.y, 0.5, RULE)
        flow.y += 1.5 * MM
        flow.text(block.note, 8.5, colour=MUTED)
        if block.cap:
            flow.text([Span(block.cap, True, WARN)])
        if block.rows:
            table = Table([0, 22 * MM, 28 * MM], header)
            for number, row in enumerate(block.rows):
                table.rows.append(
                    [Cell([Span(row.question)]), Cell([Span(row.score)], "right"), Cell([Span(row.points)], "right")]
                )
                if row.muted:
                    table.muted_rows.add(number)
            flow.table(table)


def _action_spans(a: Action, t: Translate) -> list[Span]:
    spans = [Span(f"{a.number}. ", True, ACCENT), Span(a.title + (" " if a.quick_win else ""), True)]
    if a.quick_win:
        spans.append(Span(t("plan.quick_win"), size=7.5, badge=True))
    return spans


def _plan(flow: Flow, d: ReportData, t: Translate) -> None:
    _h2(flow, t("plan.title"))
    if not d.actions:
        flow.text(t("plan.empty"))
        return
    flow.text(t("plan.intro"), colour=MUTED)
    for a in d.actions:
        meta = [
            Span(f"{t('plan.priority')}: ", colour=MUTED),
            Span(f"{a.priority} · ", colour=INK),
            Span(f"{t('plan.effort')}: ", colour=MUTED),
            Span(f"{a.effort} · ", colour=INK),
            Span(f"{t('plan.gain')}: ", colour=MUTED),
            Span(a.gain, colour=INK),
        ]
        blocks = [flow.block(_action_spans(a, t), 10.5, leading=1.25), flow.block(meta, 8.5), flow.block(a.action)]
        if a.services:
            services = [Span(f"{t('plan.contact')}: ", colour=MUTED)]
            for number, s in enumerate(a.services):
                last = number == len(a.services) - 1
                services.append(Span(s["name"], colour=ACCENT if s.get("url") else INK, url=s.get("url") or ""))
                services.append(Span(f" ({s['provider']}){'' if last else '; '}"))
            blocks.append(flow.block(services, 9))
        flow.ensure(sum(b.height + 1 * MM for b in blocks) + 4.5 * MM)
        flow.y += 2 * MM
        for block in blocks:
            flow.draw(block)
            flow.y += 1 * MM
        flow.y += 1.5 * MM
        flow.page.rule(LEFT, RIGHT, flow.y, 0.5, RULE)
    if d.more_actions:
        _h3(flow, t("plan.more"))
        header = [
            Cell([Span("#")], "right"),
            Cell([Span(t("col.title"))]),
            Cell([Span(t("plan.priority"))]),
            Cell([Span(t("plan.effort"))]),
            Cell([Span(t("plan.gain"))], "right"),
        ]
        table = Table([9 * MM, 0, 22 * MM, 22 * MM, 24 * MM], header)
        for a in d.more_actions:
            title = [Span(a.title + (" " if a.quick_win else ""))]
            if a.quick_win:
                title.append(Span(t("plan.quick_win"), size=7.5, badge=True))
            table.rows.append(
                [
                    Cell([Span(str(a.number))], "right"),
                    Cell(title),
                    Cell([Span(a.priority)]),
                    Cell([Span(a.effort)]),
                    Cell([Span(a.gain)], "right"),
                ]
            )
        flow.table(table)


def _appendix(flow: Flow, d: ReportData, t: Translate) -> None:
    _h2(flow, t("appendix.title"))
    flow.text(t("appendix.intro"), colour=MUTED)
    header = [Cell([Span(t("col.question"))]), Cell([Span(t("col.answer"))])]
    half = (RIGHT - LEFT) * 0.45
    for block in d.appendix:
        _h3(flow, block.title, keep=50)
        table = Table([0, half], header)
        for number, row in enumerate(block.rows):
            table.rows.append([Cell([Span(row.question)]), Cell([Span(row.answer)], pre=True)])
            if row.muted:
                table.muted_rows.add(number)
        flow.table(table)
    if d.hidden:
        _h3(flow, t("appendix.hidden"), keep=50)
        table = Table([0, half])
        table.rows = [[Cell([Span(row.question)]), Cell([Span(row.answer)], pre=True)] for row in d.hidden]
        table.muted_rows = set(range(len(d.hidden)))
        flow.table(table)


def _method(flow: Flow, d: ReportData, t: Translate) -> None:
    _h2(flow, t("method.title"))
    for key in METHOD_KEYS:
        flow.text(t(f"method.{key}"), 9.5)
    if not d.weights:
        flow.text(t("method.equal_weights"), 9.5)
    half = (RIGHT - LEFT - 8 * MM) / 2
    tables = []
    if d.weights:
        weights = Table(
            [0, 20 * MM], [Cell([Span(t("col.section"))]), Cell([Span(t("col.weight"))], "right")], size=8.5
        )
        weights.rows = [[Cell([Span(title)]), Cell([Span(weight)], "right")] for title, weight in d.weights]
        tables.append((t("method.weights"), weights))
    levels = Table([0, 20 * MM], [Cell([Span(t("col.level"))]), Cell([Span(t("col.from_score"))], "right")], size=8.5)
    levels.rows = [
        [Cell([Span(f"{level}. {name}")]), Cell([Span(start)], "right")] for level, start, name, _ in d.levels
    ]
    tables.append((t("method.levels"), levels))
    flow.space(3 * MM)
    flow.ensure(24 + max(len(table.rows) for _, table in tables) * 18)
    top, bottom = flow.y, flow.y
    for number, (title, table) in enumerate(tables):
        x = LEFT + number * (half + 8 * MM)
        flow.y = top
        flow.draw(flow.block([Span(title, True, ACCENT)], 11.5, x=x, width=half, leading=1.25))
        flow.y += 1.5 * MM
        flow.table(table, x=x, width=half)
        bottom = max(bottom, flow.y)
    flow.y = bottom
    _notice(flow, d, t)


def _notice(flow: Flow, d: ReportData, t: Translate) -> None:
    """The disclaimer in a ruled box, kept on one page."""
    inner, width = LEFT + 5 * MM, RIGHT - LEFT - 10 * MM
    heading = flow.block([Span(t("notice.title"), True, ACCENT)], 11.5, x=inner, width=width, leading=1.25)
    body = flow.block(d.disclaimer, x=inner, width=width)
    height = heading.height + body.height + 11 * MM
    flow.space(10 * MM)
    flow.ensure(height)
    top = flow.y
    flow.y += 4 * MM
    flow.draw(heading)
    flow.y += 3 * MM
    flow.draw(body)
    flow.y = top + height
    for x1, y1, x2, y2 in (
        (LEFT, top, RIGHT, top),
        (LEFT, flow.y, RIGHT, flow.y),
        (LEFT, top, LEFT, flow.y),
        (RIGHT, top, RIGHT, flow.y),
    ):
        flow.page.line((x1, y1), (x2, y2), 1, RULE)
