"""The score report written straight to PDF: fonts, pages, a small flow layout, charts and the report."""
