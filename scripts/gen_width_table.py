#!/usr/bin/env python3
"""Generate Sources/Shell/DisplayWidth+Tables.swift from the Unicode tables in wcwidth.

Why wcwidth: it ships Unicode's EastAsianWidth (W/F and A) and zero-width
(Mn, Me, Mc, Cf, Default_Ignorable, conjoining Hangul V/T) ranges as Python data,
so the tables can be regenerated offline with nothing but `pip install wcwidth`.
The Swift side then needs no Foundation, no locale and no libc wcwidth(3).

Usage (from the package root):
    python3 scripts/gen_width_table.py            # rewrite the Swift file
    python3 scripts/gen_width_table.py --check    # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import os
import sys

import wcwidth
from wcwidth.table_ambiguous import AMBIGUOUS_EASTASIAN
from wcwidth.table_vs16 import VS16_NARROW_TO_WIDE
from wcwidth.table_wide import WIDE_EASTASIAN
from wcwidth.table_zero import ZERO_WIDTH

OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), os.pardir,
    "Sources", "Shell", "DisplayWidth+Tables.swift")

Range = tuple[int, int]


def latest(table: dict[str, tuple[Range, ...]]) -> tuple[str, list[Range]]:
    """The newest Unicode version a wcwidth table holds, and its ranges."""
    version = max(table, key=lambda v: tuple(int(p) for p in v.split(".")))
    return version, [(int(a), int(b)) for a, b in table[version]]


def normalize(ranges: list[Range]) -> list[Range]:
    """Sort and merge overlapping or adjacent ranges, so binary search sees disjoint ranges."""
    out: list[Range] = []
    for a, b in sorted(ranges):
        assert a <= b, (a, b)
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def subtract(ranges: list[Range], remove: list[Range]) -> list[Range]:
    """Ranges minus the code points in `remove` (both normalized)."""
    out: list[Range] = []
    for a, b in ranges:
        pieces = [(a, b)]
        for ra, rb in remove:
            next_pieces = []
            for pa, pb in pieces:
                if rb < pa or ra > pb:
                    next_pieces.append((pa, pb))
                    continue
                if pa < ra:
                    next_pieces.append((pa, ra - 1))
                if rb < pb:
                    next_pieces.append((rb + 1, pb))
            pieces = next_pieces
        out.extend(pieces)
    return normalize(out)


def contains(ranges: list[Range], cp: int) -> bool:
    return any(a <= cp <= b for a, b in ranges)


def swift_array(name: str, values: list[int], doc: str) -> str:
    lines = [f"  /// {doc}", f"  static let {name}: [UInt32] = ["]
    per_line = 8
    for i in range(0, len(values), per_line):
        chunk = ", ".join(f"0x{v:05X}" for v in values[i:i + per_line])
        lines.append(f"    {chunk},")
    lines.append("  ]")
    return "\n".join(lines)


def table_pair(name: str, ranges: list[Range], what: str) -> str:
    starts = [a for a, _ in ranges]
    ends = [b for _, b in ranges]
    return "\n\n".join([
        swift_array(f"{name}Starts", starts,
                    f"{what}: first code point of each range, ascending ({len(ranges)} ranges)."),
        swift_array(f"{name}Ends", ends,
                    f"{what}: last code point (inclusive) of each range, parallel to `{name}Starts`."),
    ])


def generate() -> str:
    zero_version, zero = latest(ZERO_WIDTH)
    wide_version, wide = latest(WIDE_EASTASIAN)
    amb_version, ambiguous = latest(AMBIGUOUS_EASTASIAN)
    vs16_version, vs16 = latest(VS16_NARROW_TO_WIDE)
    assert zero_version == wide_version == amb_version, (zero_version, wide_version, amb_version)

    # Controls are handled in Swift code (tab is 1, the rest 0), not by table.
    zero = subtract(normalize(zero), [(0x00, 0x1F), (0x7F, 0x9F)])
    # Zero width wins over East Asian width: combining marks such as U+0300..U+036F
    # are East Asian Ambiguous, yet they never take a column of their own.
    wide = subtract(normalize(wide), zero)
    ambiguous = subtract(subtract(normalize(ambiguous), zero), wide)
    vs16 = subtract(subtract(normalize(vs16), zero), wide)

    # Sanity checks on code points the shell relies on.
    for cp in (0x0301, 0x200B, 0x200D, 0xFE0F, 0x2060, 0xE0100, 0x1160):
        assert contains(zero, cp), hex(cp)
    for cp in (0x4E00, 0x826F, 0x9FFF, 0xFF08, 0x3000, 0x1F44D, 0x1F600, 0x20000):
        assert contains(wide, cp), hex(cp)
    for cp in (0x2500, 0x2460, 0x00B0, 0x00D7):
        assert contains(ambiguous, cp), hex(cp)
    for cp in (0x0023, 0x0031, 0x2764, 0x263A):
        assert contains(vs16, cp), hex(cp)
    # The Swift fast path returns 2 for U+3400..U+9FFF without a lookup.
    assert any(a <= 0x3400 and 0x9FFF <= b for a, b in wide), "U+3400..U+9FFF not all wide"
    for table in (zero, wide, ambiguous, vs16):
        assert all(table[i][1] < table[i + 1][0] for i in range(len(table) - 1))
        assert all(0 <= a <= b <= 0x10FFFF for a, b in table)
    # The Swift fast path treats printable ASCII as 1 without a lookup.
    for cp in range(0x20, 0x7F):
        assert not (contains(zero, cp) or contains(wide, cp) or contains(ambiguous, cp)), hex(cp)

    header = f"""\
// GENERATED by scripts/gen_width_table.py from wcwidth {wcwidth.__version__}. Do not edit by hand;
// rerun `python3 scripts/gen_width_table.py` after upgrading wcwidth.

extension DisplayWidth {{
  /// Unicode version the width tables below come from: EastAsianWidth-{wide_version}.txt and
  /// DerivedGeneralCategory-{zero_version}.txt as tabulated by wcwidth {wcwidth.__version__}
  /// (the VS16 emoji table is wcwidth's, keyed to Unicode {vs16_version}).
  public static let unicodeVersion = "{wide_version}"
"""
    parts = [
        table_pair(
            "zeroWidth", zero,
            "Zero columns (Mn, Me, Mc, Cf, Default_Ignorable, Hangul medial/final jamo, Zl, Zp)"),
        table_pair(
            "wide", wide,
            "Two columns (East Asian W and F, plus Regional Indicators as wcwidth counts them)"),
        table_pair(
            "ambiguous", ambiguous,
            "East Asian Ambiguous (A), 1 column unless the caller asks for 2"),
        table_pair(
            "emojiVS16", vs16,
            "Narrow bases that a following VS16 (U+FE0F) turns into 2-column emoji"),
    ]
    return header + "\n" + "\n\n".join(parts) + "\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the Swift file differs")
    parser.add_argument("--output", default=OUTPUT)
    args = parser.parse_args()
    text = generate()
    path = os.path.normpath(args.output)
    if args.check:
        try:
            with open(path, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{path} is out of date; rerun scripts/gen_width_table.py", file=sys.stderr)
            return 1
        return 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
