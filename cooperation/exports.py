"""Text made safe for the files the system writes: spreadsheet cells (the catalogue's downloads, the
upward reports) and PDFs drawn with fpdf2's core fonts (the implementation report, the demo paperwork).
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

LATIN1_FIXES = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u2022": "-",
    }
)


def text_cell(value: str) -> str:
    """Spreadsheets run a cell that starts like a formula: prefix an apostrophe so text stays text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def latin1(text: str) -> str:
    """What the core fonts can draw: typographic punctuation folded, anything else replaced."""
    return text.translate(LATIN1_FIXES).encode("latin-1", "replace").decode("latin-1")
