"""The classroom kit as one ZIP per language (downloads/kit-<code>.zip): every PDF of the pages
whose front matter says `kit:`, by level, with a short list of what is inside. Made by `make
build` after the PDFs; the same commit gives the same bytes (fixed dates, fixed order)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from nyf import pdf
from nyf.languages import Languages
from nyf.project import Project

ORDER = ("common", "primary", "lower-secondary", "upper-secondary")


def name(code: str) -> str:
    return f"kit-{code}.zip"


def write(project: Project, langs: Languages, site: Path, version: pdf.Version) -> list[Path]:
    items = [item for item in pdf.prints(project, langs) if item.kit]
    written = []
    stamp = version.date.timetuple()[:6]
    for lang in langs.built:
        mine = sorted((i for i in items if i.lang.code == lang.code),
                      key=lambda i: (ORDER.index(i.kit) if i.kit in ORDER else len(ORDER), i.name))
        if not mine:
            continue
        target = site / pdf.DOWNLOADS / name(lang.code)
        tmp = target.with_suffix(".zip.tmp")
        listing = [f"{lang.site_name}: {lang.s('kit_zip_title')} ({version.text})", ""]
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for item in mine:
                inside = f"{item.kit}/{item.name}.pdf"
                info = zipfile.ZipInfo(inside, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, (site / pdf.DOWNLOADS / f"{item.name}.pdf").read_bytes(), compresslevel=9)
                listing.append(inside)
            info = zipfile.ZipInfo("README.txt", date_time=stamp)
            info.external_attr = 0o644 << 16
            archive.writestr(info, "\n".join(listing + ["", lang.s("kit_zip_note")]) + "\n", compress_type=zipfile.ZIP_DEFLATED)
        tmp.replace(target)
        written.append(target)
    return written
