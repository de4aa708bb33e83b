"""data/pathways.yml, read and checked, and the pages of "Where do I start?" made from it.

The start page (help/start/) asks what happened; each answer leads to the next question the
situation needs (its `then:`), and the last answer to the one route page for that combination
(help/start/<route>/): the few steps that matter, first things first. No JavaScript: every
question is a page, every answer a link, so Back works and every page can be bookmarked.

Checked here, each with the file, line and field: every situation asks only questions that exist;
every combination of a situation's answers reaches exactly one route (no dead end, no overlap);
every route is reached; every step a route lists exists and every step is used; every page a step
points to exists. The pages are Markdown under docs/help/start/ (not committed; every build makes
them again), so the build checks their links and anchors like any other page's.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from nyf.languages import Language, Languages
from nyf.project import Project
from nyf.yamlfile import DataError, Loaded, load as load_yaml

FOLDER = "help/start"
MARK = "<!-- Made from data/pathways.yml by every build: change that file, not this page. -->"


@dataclass
class Route:
    id: str
    situation: str
    when: dict[str, list[str]]
    raw: dict


@dataclass
class Pathways:
    loaded: Loaded
    data: dict
    routes: list[Route] = field(default_factory=list)

    def question(self, qid: str) -> dict:
        return self.data["questions"][qid]

    def situation(self, sid: str) -> dict:
        return next(a for a in self.question("situation")["answers"] if a["id"] == sid)

    def route_for(self, sid: str, chosen: dict[str, str]) -> Route:
        return next(r for r in self.routes if r.situation == sid and all(chosen[q] in r.when[q] for q in r.when))


def page_exists(project: Project, link: str) -> bool:
    """Whether a link within the site names a page, in any language: a file link ("law/korea.md",
    "help/index.md#danger") or an address ("help/", "changes/"). The pages under help/start/
    count too when data/pathways.yml exists: every build makes them."""
    stem = link.split("#")[0].removesuffix(".md").rstrip("/")
    if (stem == FOLDER or stem.startswith(FOLDER + "/")) and (project.data / "pathways.yml").exists():
        return True
    names = [f"{stem}.*.md"] + ([f"{stem}/index.*.md"] if link.split("#")[0].endswith("/") else [])
    return any(any(project.docs.glob(name)) for name in names)


def _answers(data: dict, qid: str) -> list[str]:
    return [a["id"] for a in data["questions"][qid]["answers"]]


def check(loaded: Loaded, project: Project) -> Pathways:
    data = loaded.data
    questions = data["questions"]
    for qid, question in questions.items():
        ids = [a["id"] for a in question["answers"]]
        for i, aid in enumerate(ids):
            if ids.index(aid) != i:
                raise loaded.error(("questions", qid, "answers", i, "id"), "two answers of this question have this id", aid)
        if qid != "situation" and any("then" in a for a in question["answers"]):
            raise loaded.error(("questions", qid), "only the answers of the situation question say which questions follow (then:)")
    situations = {a["id"]: a for a in questions["situation"]["answers"]}
    for i, answer in enumerate(questions["situation"]["answers"]):
        for j, qid in enumerate(answer.get("then", [])):
            if qid not in questions or qid == "situation":
                raise loaded.error(("questions", "situation", "answers", i, "then", j),
                                   f"no such question; use one of: {', '.join(q for q in questions if q != 'situation')}", qid)
    if len(set(situations) | set(questions)) != len(situations) + len(questions):
        raise loaded.error(("questions",), "a situation and a question have the same id; each needs its own (they become addresses)")
    steps = data["steps"]
    used: set[str] = set()
    routes: list[Route] = []
    seen: dict[str, int] = {}
    for r, raw in enumerate(data["routes"]):
        where = ("routes", r)
        rid = raw["id"]
        if rid in seen:
            raise loaded.error(where + ("id",), f"two routes have the id {rid} (the other is on line {seen[rid]})", rid)
        if rid in situations or rid in questions or rid == "index":
            raise loaded.error(where + ("id",), "a route's id must differ from every situation and question id (they share the address help/start/<id>/)", rid)
        seen[rid] = loaded.line(where + ("id",))
        if raw["situation"] not in situations:
            raise loaded.error(where + ("situation",), f"no such situation; use one of: {', '.join(situations)}", raw["situation"])
        asked = situations[raw["situation"]].get("then", [])
        when = raw.get("when", {})
        for qid in when:
            if qid not in asked:
                raise loaded.error(where + ("when", qid), f"the situation {raw['situation']} does not ask this question "
                                                          f"(it asks: {', '.join(asked) or 'nothing'})")
        for qid in asked:
            if qid not in when:
                raise loaded.error(where + ("when",), f"say which answers to {qid} this route is for (the situation "
                                                      f"{raw['situation']} asks it): {qid}: [{', '.join(_answers(data, qid))}]")
            for k, aid in enumerate(when[qid]):
                if aid not in _answers(data, qid):
                    raise loaded.error(where + ("when", qid, k), f"{qid} has no such answer; use: {', '.join(_answers(data, qid))}", aid)
        for k, sid in enumerate(raw["steps"]):
            if sid not in steps:
                raise loaded.error(where + ("steps", k), "no step has this id (the steps are under steps: at the top)", sid)
            used.add(sid)
        routes.append(Route(rid, raw["situation"], {q: list(when[q]) for q in asked}, raw))
    for sid, situation in situations.items():
        asked = situation.get("then", [])
        mine = [r for r in routes if r.situation == sid]
        if not mine:
            raise loaded.error(("questions", "situation", "answers", list(situations).index(sid)),
                               f"no route is for the situation {sid}: a reader who picks it would reach a dead end")
        for combination in itertools.product(*(_answers(data, q) for q in asked)):
            chosen = dict(zip(asked, combination))
            matches = [r.id for r in mine if all(chosen[q] in r.when[q] for q in asked)]
            said = ", ".join(f"{q} {a}" for q, a in chosen.items()) or "no further question"
            if not matches:
                raise loaded.error(("routes",), f"no route for the situation {sid} with {said}: a reader would reach a dead end; "
                                                "add the answer to a route's when:")
            if len(matches) > 1:
                raise loaded.error(("routes",), f"two routes for the situation {sid} with {said}: {', '.join(matches)}; "
                                                "each combination needs exactly one")
    for sid in steps:
        if sid not in used:
            raise loaded.error(("steps", sid), "no route uses this step; remove it or add it to a route")
    for sid, step in steps.items():
        if step.get("more"):
            if not page_exists(project, step["more"]):
                raise loaded.error(("steps", sid, "more"), "no page of docs/ has this name", step["more"])
    return Pathways(loaded, data, routes)


def load(project: Project, langs: Languages) -> Pathways | None:
    path = project.data / "pathways.yml"
    if not path.exists():
        return None
    loaded = load_yaml(path, project.data / "pathways.schema.json", languages=langs, shown=project.shown(path))
    return check(loaded, project)


def check_codes(pathways: Pathways, codes: dict[str, dict[str, str]]) -> None:
    """Every short code in the texts exists, named by the line of pathways.yml it is on."""
    from nyf.shortcodes import find

    def each(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from each(value, path + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from each(value, path + (i,))
        elif isinstance(node, str):
            yield path, node

    for path, text in each(pathways.data, ()):
        code = path[-1]
        if code not in codes:
            continue
        for match in find(text):
            key = match.group(0)[2:-2]
            if key not in codes[code]:
                raise pathways.loaded.error(path, f"[[{key}]] does not exist (ids are the id: entries of data/hotlines.yml and data/statistics.yml)")


# --- the pages ---------------------------------------------------------------------------------

def _front(title: str, description: str, reviewed: str) -> str:
    quote = lambda text: '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (f"---\ntitle: {quote(title)}\ndescription: {quote(description)}\nrevision: 1\nreviewed: {reviewed}\n"
            f"content_note: true\n---\n\n{MARK}\n\n")


def _answer_list(items: list[tuple[str, str, str | None]]) -> str:
    lines = ['<div class="nyf-answers" markdown>', ""]
    for text, link, hint in items:
        lines.append(f"- [{text}]({link})" + (f"<br><small>{hint}</small>" if hint else ""))
    return "\n".join(lines + ["", "</div>", ""])


DESCRIPTION_MAX = 160


def description(intro: str) -> str:
    """A route's meta description from its intro: whole sentences up to 160 characters (what
    search results show), or the first sentence cut at a word."""
    text = re.sub(r"\[\[[a-z]+:[^\]]+\]\]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", intro)
    text = " ".join(text.split())
    sentences = re.findall(r".+?(?:[.!?。](?=\s|$)|$)", text)
    out = ""
    for sentence in (x.strip() for x in sentences if x.strip()):
        if len(out) + len(sentence) + 1 > DESCRIPTION_MAX:
            break
        out = f"{out} {sentence}".strip()
    if not out:
        out = text[: DESCRIPTION_MAX - 1].rsplit(" ", 1)[0] + "…"
    return out


def pages(pathways: Pathways, lang: Language, langs: Languages, with_platforms: bool = True) -> dict[str, str]:
    """{path under docs/: Markdown} for every page of help/start/ in this language."""
    data, t = pathways.data, lang.text
    s = lang.strings
    reviewed = data["reviewed"]
    out = {}
    start, situation_q = data["start"], pathways.question("situation")

    def answers_of(qid: str, sid: str, chosen: dict[str, str], depth: int) -> list[tuple[str, str, str | None]]:
        """Links for the answers of question qid, seen from a page `depth` folders below help/start/."""
        asked = pathways.situation(sid).get("then", [])
        up = "../" * depth
        items = []
        for answer in pathways.question(qid)["answers"]:
            now = dict(chosen, **{qid: answer["id"]})
            rest = asked[asked.index(qid) + 1:]
            if rest:
                link = "/".join([sid, *[now[q] for q in asked[: asked.index(qid) + 1]]]) + "/index.md"
                link = up + link
            else:
                link = f"{up}{pathways.route_for(sid, now).id}.md"
            items.append((t(answer["text"]), link, t(answer["hint"]) if answer.get("hint") else None))
        return items

    def you_said(sid: str, chosen: dict[str, str], depth: int) -> str:
        said = [t(pathways.situation(sid)["text"])]
        for qid, aid in chosen.items():
            said.append(t(next(a for a in pathways.question(qid)["answers"] if a["id"] == aid)["text"]))
        return (f'<p class="nyf-you-said">{s["start_answers"]}: ' + " · ".join(said)
                + f' · <a href="{"../" * depth}">{s["start_again"]}</a></p>\n\n')

    # The start page: what the quick exit does, then the first question.
    first = []
    for answer in situation_q["answers"]:
        if answer.get("then"):
            link = f"{answer['id']}/index.md"
        else:
            link = f"{pathways.route_for(answer['id'], {}).id}.md"
        first.append((t(answer["text"]), link, t(answer["hint"]) if answer.get("hint") else None))
    body = [_front(t(start["title"]), t(start["description"]), reviewed), f"# {t(start['title'])}\n\n", t(start["intro"]).strip() + "\n\n",
            f'<p class="nyf-start-exit">{t(start["exit_line"])}</p>\n\n',
            f"## {t(situation_q['question'])} {{#question}}\n\n", _answer_list(first)]
    if start.get("skip"):
        body.append(f"\n[{t(start['skip'])}](../index.md)\n")
    out[f"{FOLDER}/index.{lang.code}.md"] = "".join(body)

    # A page for each further question along each situation's path.
    for answer in situation_q["answers"]:
        sid, asked = answer["id"], answer.get("then", [])
        for depth in range(len(asked)):
            qid = asked[depth]
            for combination in itertools.product(*(_answers(data, q) for q in asked[:depth])):
                chosen = dict(zip(asked[:depth], combination))
                folder = "/".join([FOLDER, sid, *combination])
                question = pathways.question(qid)
                out[f"{folder}/index.{lang.code}.md"] = "".join([
                    _front(t(question["title"]), t(question["question"]), reviewed),
                    f"# {t(question['title'])}\n\n", you_said(sid, chosen, depth + 1),
                    f"## {t(question['question'])} {{#question}}\n\n", _answer_list(answers_of(qid, sid, chosen, depth + 1)),
                ])

    # A page for each route.
    for route in pathways.routes:
        raw = route.raw
        body = [_front(t(raw["title"]), description(t(raw.get("intro") or raw["title"])), reviewed), f"# {t(raw['title'])}\n\n"]
        if raw.get("intro"):
            body.append(t(raw["intro"]).strip() + "\n\n")
        for n, sid in enumerate(raw["steps"], 1):
            step = data["steps"][sid]
            body.append(f"## {n}. {t(step['title'])} {{#{sid}}}\n\n{t(step['text']).strip()}\n\n")
            if step.get("platforms") and with_platforms:
                # Ten open cards with their sources would take a route to ten sheets: on paper the
                # route names the page that has them instead.
                body.append(f'<div class="nyf-route-platforms nyf-no-print" markdown>\n\n--8<-- "platforms/all.{lang.code}.md"\n\n</div>\n\n'
                            f'<p class="nyf-print-only">{s["start_platforms_print"]}</p>\n\n')
            if step.get("more"):
                body.append(f'<p class="nyf-step-more nyf-no-print" markdown>[{s["start_more"]}](../../{step["more"]})</p>\n\n')
        body.append(f'<p class="nyf-start-again nyf-no-print" markdown>[{s["start_again"]}](index.md) · [{s["help_panel_more"]}](../index.md)</p>\n')
        out[f"{FOLDER}/{route.id}.{lang.code}.md"] = "".join(body)
    return out
