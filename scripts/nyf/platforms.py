"""data/platforms.yml, read and checked: how to report on each platform."""
from __future__ import annotations

from nyf.languages import Languages
from nyf.project import Project
from nyf.yamlfile import load as load_yaml


def load(project: Project, langs: Languages) -> list[dict]:
    path = project.data / "platforms.yml"
    if not path.exists():
        return []
    loaded = load_yaml(path, project.data / "platforms.schema.json", languages=langs, shown=project.shown(path))
    seen = {}
    for i, platform in enumerate(loaded.data["platforms"]):
        if platform["id"] in seen:
            raise loaded.error(("platforms", i, "id"), f"the id {platform['id']} is already used on line {seen[platform['id']]}", platform["id"])
        seen[platform["id"]] = loaded.line(("platforms", i, "id"))
        if platform["confidence"] == "confirmed" and len(platform["sources"]) < 2:
            raise loaded.error(("platforms", i, "sources"), "confidence is 'confirmed' but only one source is listed: add the "
                                                            "official help page and a second source, or set confidence: single-source")
    return loaded.data["platforms"]
