"""Where things are in a checkout of the site. Everything else takes a Project and asks it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# This file is scripts/nyf/project.py in the checkout it was installed from.
HERE = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def at(cls, root: Path | str | None = None) -> "Project":
        return cls(Path(root).resolve() if root else HERE)

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def languages(self) -> Path:
        return self.root / "languages"

    @property
    def assets(self) -> Path:
        """The site's own stylesheets and scripts (bundled and fingerprinted by render)."""
        return self.root / "assets"

    @property
    def overrides(self) -> Path:
        return self.root / "overrides"

    @property
    def cache(self) -> Path:
        return self.root / ".cache"

    @property
    def rendered(self) -> Path:
        return self.cache / "render"

    def shown(self, path: Path | str) -> str:
        """A path as messages show it: relative to the project when inside it."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
