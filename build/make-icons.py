"""Make every icon file from the one master drawing, resources/icons/transcript-reader.svg.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/make-icons.py     # write them all
    .venv/bin/python build/make-icons.py --check                       # exit 1 if one is stale

What it writes, all committed (run it again after changing the SVG):
- resources/icons/transcript-reader-<N>.png for N in SIZES: package data of reader.resources, so
  the running app finds them in that package's folder, from source and frozen alike: the
  window icon, and the hicolor icons that `transcript-reader --install-desktop-entry` installs;
- build/icons/transcript-reader.ico (the Windows executable's icon) and transcript-reader.icns
  (the macOS bundle's), containers of those same PNGs. Both formats can hold PNG images as they
  are, so they are written with the standard library: no Pillow, no platform tool.

Rendering the SVG needs QtSvg (in PySide6-Essentials); the .ico and .icns need only the PNGs.
`--check` (and tests/test_desktop_install.py) rebuilds the .ico and .icns in memory from the
committed PNGs and compares, and checks each PNG is the size its name says.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "transcript-reader"
SVG = ROOT / "resources" / "icons" / f"{NAME}.svg"
PNG_DIR = ROOT / "resources" / "icons"
ICO = ROOT / "build" / "icons" / f"{NAME}.ico"
ICNS = ROOT / "build" / "icons" / f"{NAME}.icns"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # an .ico entry is at most 256 px
# .icns element types holding a PNG, and the pixel size each one wants (the "@2x" types are
# the Retina variants: 32 px for a 16 pt slot...). Every size here is one of SIZES.
ICNS_TYPES = (
    (b"icp4", 16), (b"ic11", 32), (b"icp5", 32), (b"ic12", 64), (b"icp6", 64),
    (b"ic07", 128), (b"ic13", 256), (b"ic08", 256), (b"ic14", 512), (b"ic09", 512),
)  # fmt: skip
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_path(size: int) -> Path:
    return PNG_DIR / f"{NAME}-{size}.png"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (always the first, right after the signature)."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico of PNG entries (read by Windows Vista and later): a 6-byte header, one
    16-byte directory entry per image (0 stands for 256 in the width and height bytes), then the
    PNG files themselves."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, images = b"", b""
    for size in ICO_SIZES:
        data = pngs[size]
        byte = 0 if size == 256 else size
        entries += struct.pack("<BBBBHHII", byte, byte, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An Apple .icns: the magic 'icns' and the file length, then elements of a 4-byte type, a
    length that counts its own 8-byte header, and the PNG data (all big-endian)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def read_pngs() -> dict[int, bytes]:
    pngs = {size: png_path(size).read_bytes() for size in SIZES}
    for size, data in pngs.items():
        if png_size(data) != (size, size):
            raise ValueError(f"{png_path(size).name} is {png_size(data)}, not {size}x{size}")
    return pngs


def render_pngs() -> None:
    """Draw the SVG at each size with QtSvg; Qt is imported here only, so --check needs none."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"cannot write {png_path(size)}")


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        pngs = read_pngs()
        stale = [
            p.name for p, data in ((ICO, ico_bytes(pngs)), (ICNS, icns_bytes(pngs))) if p.read_bytes() != data
        ]
        if stale:
            print(f"stale: {', '.join(stale)}; run build/make-icons.py", file=sys.stderr)
            return 1
        print(f"icons up to date: {len(pngs)} PNGs, {ICO.name}, {ICNS.name}")
        return 0
    if argv:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    render_pngs()
    pngs = read_pngs()
    ICO.parent.mkdir(parents=True, exist_ok=True)
    ICO.write_bytes(ico_bytes(pngs))
    ICNS.write_bytes(icns_bytes(pngs))
    written = ", ".join(str(p.relative_to(ROOT)) for p in (PNG_DIR, ICO, ICNS))
    print(f"wrote {len(pngs)} PNGs to {written}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
