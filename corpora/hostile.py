"""Hostile inputs found by the reliability probe (issue 11), built in memory: the regression cases
of tests/reliability and the seeds of evaluation/fuzz.py.

    huge_page_pdf()          655-byte PDF: a 14,400 × 14,400 pt page holding a 1×1 image
    scan_pdf(pages)          a scan-like PDF of `pages` pages (one shared small image each, no text)
    frames_gif(frames)       a small GIF of many frames
    big_png(side)            a PNG of side × side pixels (20,000² declares 400 megapixels)
    deep_html(depth)         `depth` nested <div>
    zip_version(…)           a ZIP whose entry declares "version needed 18.7"
    zip_members(n, size)     n highly compressible members of `size` bytes
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib


def pdf(objects: list[bytes]) -> bytes:
    """A PDF with these objects (1-based, object 1 the catalog) and a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _image(side: int = 1, grey: bytes | None = None) -> bytes:
    data = grey if grey is not None else b"\x80" * (side * side)
    return (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (side, side, len(data)) + data + b"\nendstream")


def huge_page_pdf(side_pt: int = 14400) -> bytes:
    """The probe's "14 GB" PDF: one page of side_pt² points (the PDF maximum) showing a 1×1 image."""
    content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (side_pt, side_pt)
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 5 0 R >> >> "
                b"/Contents 4 0 R >>" % (side_pt, side_pt),
                b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                _image()])


def scan_pdf(pages: int, side: int = 8) -> bytes:
    """`pages` A4 pages, each showing the same small grey image and no text: every page needs OCR."""
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + k) for k in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               _image(side, bytes((x * 37 + y * 11) % 256 for y in range(side) for x in range(side)))]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> "
            b"/Contents 3 0 R >>")
    return pdf(objects + [page] * pages)


def frames_gif(frames: int = 300, side: int = 64) -> bytes:
    """A small animated GIF: `frames` frames of side² pixels, each a little different."""
    from PIL import Image, ImageDraw

    images = []
    for k in range(frames):
        image = Image.new("L", (side, side), 255)
        ImageDraw.Draw(image).line((0, k % side, side, (3 * k) % side), fill=0)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=10)
    return out.getvalue()


def big_png(side: int = 20000) -> bytes:
    """A 1-bit PNG of side × side white pixels, built by hand (a few hundred KB)."""
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def deep_html(depth: int = 100_000) -> bytes:
    return b"<html><body>" + b"<div>" * depth + "Kế hoạch".encode() + b"</div>" * depth + b"</body></html>"


def zip_version(name: str = "ke-hoach.txt", text: str = "1. Sở Tài chính chủ trì.") -> bytes:
    """A ZIP whose entry declares "version needed to extract" 18.7 (zipfile: NotImplementedError)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, text.encode("utf-8"))
    data = bytearray(out.getvalue())
    for signature, offset in ((b"PK\x03\x04", 4), (b"PK\x01\x02", 6)):
        at = data.find(signature)
        data[at + offset:at + offset + 2] = struct.pack("<H", 187)
    return bytes(data)


def zip_nameless(name: str = "ke-hoach.txt", text: str = "1. Sở Tài chính chủ trì.") -> bytes:
    """A ZIP whose first member has an empty name in the central directory (zipfile's is_dir() raises
    IndexError on it), followed by a readable member."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("x", b"")
        archive.writestr(name, text.encode("utf-8"))
    data = bytearray(out.getvalue())
    entry = data.find(b"PK\x01\x02")
    data[entry + 28:entry + 30] = struct.pack("<H", 0)       # file name length
    del data[entry + 46]                                     # the name "x"
    end = data.rfind(b"PK\x05\x06")
    size = struct.unpack_from("<I", data, end + 12)[0]
    struct.pack_into("<I", data, end + 12, size - 1)         # central directory size
    return bytes(data)


def zip_members(count: int = 450, size: int = 1024 * 1024 - 1, suffix: str = ".txt") -> bytes:
    """`count` members of `size` bytes each, compressed about 1000:1 (below the old 1 MB ratio floor)."""
    out = io.BytesIO()
    line = "1. Sở Tài chính chủ trì thực hiện nhiệm vụ.\n".encode("utf-8")
    body = (line * (size // len(line) + 1))[:size]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for k in range(count):
            archive.writestr(f"van-ban-{k:04d}{suffix}", body)
    return out.getvalue()
