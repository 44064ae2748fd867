"""Benchmark: the dossier's build against plain Material, on the same texts, in the same run.

For each N, two projects are generated in a temporary folder from the same N synthetic articles
(Spanish and Italian, 6 paragraphs of 4 sentences recombined from the seeds, each sentence tagged
so that it is unique):

- the dossier: the real project (its 2 sources and its register) plus the N articles, each added
  with `add-source` and curated with a claim and a translation per sentence, so that
  `check --strict` passes;
- the baseline: plain Material, one page per article reached from an index and search rather
  than the nav, `navigation.prune`, no web fonts, search in en, es and it.

Both are built with `mkdocs build --strict`. The report gives build times and their ratio, the
marginal cost per source, site and search-index sizes, `check` time, the dossier's own peak
memory (tracemalloc, in the process that loads, checks and renders), the link check, and the
time `mkdocs serve` takes to show an edited question. A failing `check` fails the benchmark.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import http.client
import itertools
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# Python's default, bytecode kept between runs, whatever the calling shell says: pip compiled
# Material's code when it installed it, and the dossier's, copied into each project here, would
# otherwise be compiled again at every build.
ENVIRONMENT = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
}
PROJECT_FILES = ("mkdocs.yml", "docs", "seeds", "scripts", "overrides")
PARAGRAPHS, SENTENCES_PER_PARAGRAPH = 6, 4
TOPIC = "deal.status"
TARGET_RATIO = 3
# The regression gate `make test` runs: the ratio at N = 100, the lower of two builds of each site,
# at most 4 (issue 13). It measured 3.23 to 3.71 in the runs before it was set, and once 4.31,
# right after the test suite, with the dossier a third slower than in every other run; since the
# question pages' generated parts skip Markdown, 2.72 to 2.89 (on 2026-12-01). Plain Material's
# 100 pages take 0.65 to 0.8 s, so the ratio moves by up to a fifth from run to run: a ratio above
# the limit is measured once more, and only two above it fail the gate.
GATE_SOURCES, GATE_RATIO, GATE_BUILDS, GATE_ATTEMPTS = 100, 4.0, 2, 2
DEFAULT_SOURCES = [100, 1000, 5000]
# Marginal costs within ±20 % of each other: the largest at most 1.2 / 0.8 times the smallest.
FLAT_WITHIN = 1.2 / 0.8
# The dossier's own work, in one process, through the command-line entry point: `render` loads,
# checks and renders everything, as the hook does once per build.
# Run twice: once timed, once under tracemalloc, which slows Python down several times.
OWN_WORK = """
import sys, tracemalloc, time
from importlib.metadata import entry_points
(main,) = [e.load() for e in entry_points(group="console_scripts") if e.name == "dossier"]
if sys.argv[2] == "memory":
    tracemalloc.start()
start = time.perf_counter()
status = main(["render", "--out", sys.argv[1], "--replace"])
elapsed = time.perf_counter() - start
print(status, elapsed, tracemalloc.get_traced_memory()[1])
"""
PLAIN_CONFIG = """\
site_name: Plain
theme:
  name: material
  font: false
  features: [navigation.prune]
plugins:
  - search:
      lang: [en, es, it]
nav:
  - index.md
not_in_nav: |
  /pages/*.md
"""


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and shows its output."""


# Run in the project: the seeds' sentences by language, read through the segmenter the site uses,
# less those that contain a watch term of the register (each would be a warning to review).
SEED_SENTENCES = """
import json, pathlib, yaml
from dossier.load.sources import load_sources
from dossier.checks.watch import watch_pattern
from dossier.text.folding import fold_for_watch
terms = []
for question in sorted(pathlib.Path("docs/register").rglob("*.md")):
    terms += yaml.safe_load(question.read_text(encoding="utf-8").split("---")[1]).get("watch") or []
patterns = [watch_pattern(term) for term in terms]
out = {}
for source in load_sources(pathlib.Path(".")).sources:
    out.setdefault(source.metadata.language, []).extend(
        s.text for s in source.sentences
        if not any(p.search(fold_for_watch(s.text)) for p in patterns)
    )
print(json.dumps(out))
"""


def seed_sentences() -> dict[str, list[str]]:
    sentences: dict[str, list[str]] = json.loads(
        run([sys.executable, "-c", SEED_SENTENCES], ROOT).stdout
    )
    return sentences


def tagged(sentence: str, tag: str) -> str:
    """`sentence` with `tag` before its final punctuation, so that every quote of it is unique."""
    body, end = (sentence[:-1], sentence[-1]) if sentence[-1] in ".!?»" else (sentence, ".")
    return f"{body} (ref {tag}){end}"


def article(number: int, pool: list[str], rng: random.Random) -> list[list[str]]:
    """Paragraphs of sentences recombined from `pool`, each tagged with its place."""
    return [
        [
            tagged(rng.choice(pool), f"{number:05d}-{paragraph}-{sentence}")
            for sentence in range(1, SENTENCES_PER_PARAGRAPH + 1)
        ]
        for paragraph in range(1, PARAGRAPHS + 1)
    ]


def curation(paragraphs: list[list[str]]) -> str:
    """What an editor adds to the sidecar: a claim citing each sentence, and its translation."""
    sentences = [sentence for paragraph in paragraphs for sentence in paragraph]
    claims = "".join(
        f"  - id: s{index}\n    topic: {TOPIC}\n    text: Sentence {index} of the article.\n"
        f"    cite: {{quote: {json.dumps(sentence, ensure_ascii=False)}}}\n"
        for index, sentence in enumerate(sentences, start=1)
    )
    translations = "".join(
        f"  p{p}-s{s}: Sentence {s} of paragraph {p}, in English.\n"
        for p, paragraph in enumerate(paragraphs, start=1)
        for s in range(1, len(paragraph) + 1)
    )
    return f"claims:\n{claims}translations:\n{translations}"


def run(
    command: list[str], cwd: Path, environment: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command, cwd=cwd, env=environment or ENVIRONMENT, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    if result.returncode != 0:
        output = (result.stdout + result.stderr)[-3000:]
        raise BenchError(f"{' '.join(command)} failed in {cwd}:\n{output}")
    return result


def timed(command: list[str], cwd: Path, environment: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    run(command, cwd, environment)
    return time.perf_counter() - start


def generate(scratch: Path, sources: int, pool: dict[str, list[str]]) -> tuple[Path, Path]:
    """The dossier project and the plain project, both holding the same `sources` texts."""
    project, plain = scratch / f"dossier-{sources}", scratch / f"plain-{sources}"
    project.mkdir()
    for name in PROJECT_FILES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, project / name)
    (plain / "docs" / "pages").mkdir(parents=True)
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    articles = scratch / f"articles-{sources}"
    articles.mkdir()
    rng = random.Random(sources)
    curations = {}
    for number in range(sources):
        language = ("es", "it")[number % 2]
        paragraphs = article(number, pool[language], rng)
        text = "\n\n".join(" ".join(paragraph) for paragraph in paragraphs) + "\n"
        file = articles / language / f"{number:05d}.txt"
        file.parent.mkdir(exist_ok=True)
        file.write_text(text, encoding="utf-8")
        curations[hashlib.sha256(text.encode()).hexdigest()[:16]] = (number, paragraphs)
        (plain / "docs" / "pages" / f"{number}.md").write_text(
            f"# Synthetic article {number}\n\n{text}", encoding="utf-8"
        )
    (plain / "docs" / "index.md").write_text(
        "# Plain\n\n" + "".join(f"- [Article {n}](pages/{n}.md)\n" for n in range(sources)),
        encoding="utf-8",
    )
    environment = {**ENVIRONMENT, "PYTHONPATH": str(project / "scripts")}
    for language in ("es", "it"):
        files = sorted(str(path) for path in (articles / language).glob("*.txt"))
        if files:
            add = ["add-source", "--language", language, *files]
            run([sys.executable, "-m", "dossier", *add], project, environment)
    for sidecar in sorted((project / "seeds").glob("*.yml")):
        match = curations.get(sidecar.stem.partition("_")[2])
        if match is not None:
            number, paragraphs = match
            text = sidecar.read_text(encoding="utf-8").replace(
                "title: null", f"title: Synthetic article {number}"
            )
            sidecar.write_text(text + curation(paragraphs), encoding="utf-8")
    return project, plain


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def page_contains(port: int, path: str, text: str) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", path)
        body = connection.getresponse().read().decode("utf-8", "replace")
        connection.close()
    except OSError:
        return False
    return text in body


def wait_for(port: int, path: str, text: str, limit: float) -> float:
    start = time.perf_counter()
    while not page_contains(port, path, text):
        if time.perf_counter() - start > limit:
            raise BenchError(f"mkdocs serve did not show {text!r} on {path} within {limit:.0f} s")
        time.sleep(0.1)
    return time.perf_counter() - start


def serve_rebuild(project: Path, environment: dict[str, str]) -> float:
    """Seconds from saving an edited question to `mkdocs serve` showing it."""
    question = project / "docs" / "register" / "crypto-scheme" / "key-custody.md"
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        page = "/register/crypto-scheme/key-custody/"
        wait_for(port, page, "</html>", limit=1800)
        marker = "Edited for the benchmark"
        text = question.read_text(encoding="utf-8")
        question.write_text(text.rstrip("\n") + f"\n\n{marker}.\n", encoding="utf-8")
        return wait_for(port, page, marker, limit=1800)
    finally:
        server.terminate()
        server.wait(timeout=60)


def build_both(
    project: Path, plain: Path, sites: dict[str, Path], repeat: int, say: Callable[[str], None]
) -> dict[str, float]:
    """The lowest of `repeat` strict builds of the dossier and of plain Material, alternated, by
    name, each into its folder of `sites`."""
    environment = {**ENVIRONMENT, "PYTHONPATH": str(project / "scripts")}
    builds: dict[str, list[float]] = {"dossier": [], "plain": []}
    for number in range(repeat):
        for name, folder, env in (("dossier", project, environment), ("plain", plain, None)):
            say(f"{name} build {number + 1} of {repeat}")
            shutil.rmtree(sites[name], ignore_errors=True)
            command = [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(sites[name])]
            builds[name].append(timed(command, folder, env))
    return {name: min(times) for name, times in builds.items()}


def measure(
    sources: int, pool: dict[str, list[str]], scratch: Path, options: argparse.Namespace
) -> dict[str, float]:
    def say(step: str) -> None:
        print(f"bench: N = {sources}: {step}", file=sys.stderr, flush=True)

    say("generating both projects")
    project, plain = generate(scratch, sources, pool)
    environment = {**ENVIRONMENT, "PYTHONPATH": str(project / "scripts")}
    say("check --strict")
    check = timed([sys.executable, "-m", "dossier", "check", "--strict"], project, environment)
    say("the dossier's own work, timed as often as the builds, then under tracemalloc")
    out = scratch / f"render-{sources}"
    times, peak = [], 0
    for mode in ["time"] * options.repeat + ["memory"]:
        status, elapsed, traced = run(
            [sys.executable, "-c", OWN_WORK, str(out), mode], project, environment
        ).stdout.split()
        if status != "0":
            raise BenchError(f"render exited {status} at N = {sources}")
        if mode == "time":
            times.append(float(elapsed))
        else:
            peak = int(traced)
    own = min(times)
    sites = {"dossier": scratch / f"site-{sources}", "plain": scratch / f"plain-site-{sources}"}
    builds = build_both(project, plain, sites, options.repeat, say)
    site = sites["dossier"]
    result: dict[str, float] = {
        "sources": sources,
        "dossier_pages": len(list(site.rglob("index.html"))),
        "plain_pages": len(list(sites["plain"].rglob("index.html"))),
        "check_s": round(check, 2),
        "dossier_work_s": round(own, 2),
        "dossier_peak_memory_mib": round(peak / 2**20, 1),
        "build_s": round(builds["dossier"], 2),
        "plain_build_s": round(builds["plain"], 2),
        "build_to_plain_ratio": round(builds["dossier"] / builds["plain"], 2),
        "site_mb": round(folder_bytes(site) / 1e6, 1),
        "plain_site_mb": round(folder_bytes(sites["plain"]) / 1e6, 1),
        "search_index_mb": round((site / "search" / "search_index.json").stat().st_size / 1e6, 2),
    }
    if options.links:
        say("link check")
        result["link_check_s"] = round(
            timed(
                [str(BIN / "lychee"), "--offline", "--include-fragments", "--index-files",
                 "index.html", "--root-dir", str(site), "--no-progress", f"{site}/**/*.html"],
                scratch,
            ), 2,
        )  # fmt: skip
    if sources in options.serve:
        say("mkdocs serve, then one question edited")
        result["serve_rebuild_s"] = round(serve_rebuild(project, environment), 2)
    for folder in (project, plain, out, *sites.values()):
        shutil.rmtree(folder, ignore_errors=True)
    return result


def with_marginal_costs(results: list[dict[str, float]]) -> list[dict[str, float]]:
    """Add, from each N to the next, the build time and site size one more source costs."""
    ordered = sorted(results, key=lambda r: r["sources"])
    for before, after in itertools.pairwise(ordered):
        added = after["sources"] - before["sources"]
        after["marginal_build_ms"] = round(1000 * (after["build_s"] - before["build_s"]) / added, 1)
        after["marginal_plain_ms"] = round(
            1000 * (after["plain_build_s"] - before["plain_build_s"]) / added, 1
        )
        after["marginal_site_kb"] = round(1000 * (after["site_mb"] - before["site_mb"]) / added, 1)
    return ordered


def machine() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "cpus": str(os.cpu_count()),
        "date": datetime.date.today().isoformat(),
    }


COLUMNS = {
    "sources": "Sources",
    "dossier_pages": "Dossier pages",
    "plain_pages": "Plain pages",
    "build_s": "Dossier build (s)",
    "plain_build_s": "Plain build (s)",
    "build_to_plain_ratio": "Ratio",
    "marginal_build_ms": "Marginal build (ms/source)",
    "marginal_plain_ms": "Marginal plain (ms/source)",
    "site_mb": "Site (MB)",
    "plain_site_mb": "Plain site (MB)",
    "marginal_site_kb": "Marginal site (kB/source)",
    "search_index_mb": "Search index (MB)",
    "check_s": "`check --strict` (s)",
    "dossier_work_s": "Load, check, render (s)",
    "dossier_peak_memory_mib": "Dossier peak memory (MiB)",
    "link_check_s": "Link check (s)",
    "serve_rebuild_s": "`serve` rebuild after an edit (s)",
}


def chart(results: list[dict[str, float]]) -> str:
    """Build times, dossier against plain, as bars drawn in SVG: no script, no other host."""
    width, bar, gap, height = 640, 22, 40, 24 + len(results) * (2 * 22 + 40)
    longest = max(max(r["build_s"], r["plain_build_s"]) for r in results) or 1
    scale = (width - 220) / longest
    rows = []
    for index, r in enumerate(results):
        y = 20 + index * (2 * bar + gap)
        for offset, key, label, colour in (
            (0, "build_s", "dossier", "#3f51b5"),
            (bar, "plain_build_s", "plain", "#9e9e9e"),
        ):
            length = max(r[key] * scale, 1)
            rows.append(
                f'<text x="0" y="{y + offset + 15}" font-size="13">N = {r["sources"]:g}, '
                f'{label}</text><rect x="150" y="{y + offset + 2}" width="{length:.1f}" '
                f'height="{bar - 4}" fill="{colour}"/><text x="{155 + length:.1f}" '
                f'y="{y + offset + 15}" font-size="13">{r[key]:g} s</text>'
            )
    return (
        f'<svg role="img" aria-label="Build time in seconds, the dossier against plain Material" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
    )


def verdict(results: list[dict[str, float]]) -> str:
    """Whether the measured figures meet both halves of the target, said plainly."""
    above = [r for r in results if r["build_to_plain_ratio"] > TARGET_RATIO]
    if not above:
        ratio = "This run meets the ratio at every N."
    else:
        ratio = (
            "This run does not meet the ratio: it is "
            + ", ".join(f"{r['build_to_plain_ratio']:g} at N = {r['sources']:g}" for r in above)
            + "."
        )
    marginal = [r["marginal_build_ms"] for r in results if "marginal_build_ms" in r]
    if len(marginal) < 2:
        flat = "Flatness needs three values of N; this run has fewer."
    elif max(marginal) <= FLAT_WITHIN * min(marginal):
        flat = "The marginal build cost is flat within ±20 %."
    else:
        flat = (
            f"The marginal build cost is not flat: from {min(marginal):g} to {max(marginal):g} ms."
        )
    return f"{ratio} {flat}"


def where_the_time_goes(results: list[dict[str, float]]) -> tuple[str, str, str]:
    """Per-source and fixed costs, worked out from the figures, as phrases for the page."""
    largest = max(results, key=lambda r: r["sources"])
    if "marginal_build_ms" not in largest or "dossier_work_s" not in largest:
        return "", "", ""
    own = 1000 * largest["dossier_work_s"] / largest["sources"]
    mkdocs = largest["marginal_build_ms"] - own
    plain = largest["marginal_plain_ms"]
    smallest = min(results, key=lambda r: r["sources"])
    fixed = smallest["build_s"] - smallest["sources"] * largest["marginal_build_ms"] / 1000
    return (
        f" costs about {mkdocs:.1f} ms, against {plain:.1f} ms for a plain page: the marginal"
        f" build cost at N = {largest['sources']:g} less the dossier's own work per source",
        f" comes to {own:.1f} ms a source at N = {largest['sources']:g}",
        f": about {fixed:.1f} s, the build at N = {smallest['sources']:g} less its sources at the"
        " marginal cost",
    )


def performance_page(results: list[dict[str, float]], host: dict[str, str]) -> str:
    columns = [key for key in COLUMNS if any(key in r for r in results)]
    header = "| " + " | ".join(COLUMNS[key] for key in columns) + " |"
    rule = "|" + " ---: |" * len(columns)
    rows = "\n".join(
        "| " + " | ".join(f"{r[key]:g}" if key in r else "" for key in columns) + " |"
        for r in results
    )
    met = verdict(results)
    mkdocs_share, own_share, fixed_share = where_the_time_goes(results)
    return f"""# Performance

How the dossier's build scales with the number of sources, against plain Material building the
same texts in the same run (`make bench`). Times are wall-clock seconds, the lowest of the
repeated runs.

<figure class="dossier-figure">
{chart(results)}
</figure>

{header}
{rule}
{rows}

- **The two sites.** The dossier is the real project (2 sources, its register) plus N synthetic
  articles of {PARAGRAPHS} paragraphs of {SENTENCES_PER_PARAGRAPH} sentences recombined from the
  seeds, each added with `add-source` and curated with a claim and a translation per sentence.
  The baseline is plain Material with one page per article, reached from an index page and
  search rather than the nav, `navigation.prune`, no web fonts, and search in en, es and it.
  Both builds are strict.
- **Pages.** The dossier makes one page per source plus its own pages (the register's questions
  and indexes, the comparison, the method); the plain site makes one page per article and an
  index. Both counts are in the table.
- **Marginal cost** is the extra build time and site size one more source costs, from the row
  above: flat means the build is linear.
- **Memory** is the dossier's own peak (tracemalloc, in the process that loads, checks and renders
  everything), not MkDocs'.
- **`serve` rebuild** is the time from saving an edited question to `mkdocs serve` showing it.
- Target: the ratio at most 3 at every N (2 is the stretch goal), and marginal cost flat
  within ±20 % from 100 to 5,000 sources. {met}
- **The gate.** `make test` ends with `make bench-gate`: the ratio at N = {GATE_SOURCES}, the lower
  of {GATE_BUILDS} builds of each site, must not exceed {GATE_RATIO:g}. It measured 3.23 to 3.71
  in the runs before the limit was set, and once 4.31 on a machine still busy after the tests;
  since the question pages' generated parts skip Markdown, 2.72 to 2.89 (on 2026-12-01). Plain
  Material's build of 100 pages moves by up to a fifth from run to run, so a ratio above the
  limit is measured once more, and the gate fails when both measurements are above it.
- **Two processes.** On a large dossier the build uses a second core: facts are read in a worker
  process while the other checks run (below). Its memory is not in the memory column.
- **Compiled templates** are kept between builds (Jinja's bytecode cache, in a folder of the
  temporary directory that only this user can write to), the theme's as well as the dossier's:
  some 0.2 s of every build after the first on a machine (measured once, with no synthetic
  source). Plain Material compiles them at each build.
- **Python bytecode** is kept between runs, Python's default, even where the calling shell turns
  it off (`PYTHONDONTWRITEBYTECODE`): pip compiled Material's code when it installed it, and the
  dossier's package, copied into each generated project, would otherwise be compiled again at
  every build (some 0.05 s).

## Where the time goes

- **What MkDocs does with a source page**{mkdocs_share}. A source page is mostly HTML the
  dossier generates, an element per sentence, claim or fact. Render marks those blocks, with the
  fixed prose around them; the MkDocs hook sets them aside before Markdown, tells MkDocs the
  anchors they hold (so links to sentences are still validated), gives Material's search their
  text alone, without tags, then puts them back unchanged. What is left of a curated source
  page's Markdown is its title and headings: the hook hands those to the site's own
  table-of-contents extension and does not run Markdown at all; a page with an abstract or
  quotations is converted by one converter that all source pages share. The comparison and the
  sources index are raw HTML too, and the comparison's table, which repeats every claim, is left
  out of the search index. What is left is mostly the theme, whose navigation, palette and table
  of contents are larger than plain Material's, search, and writing larger pages (see the
  marginal site size).
- **The dossier's own work** (the "Load, check, render" column, timed as `render --out`, which
  also writes the pages){own_share}: reading and
  schema-checking each sidecar (PyYAML with libyaml, then jsonschema-rs), segmenting the text,
  resolving every claim's citation, reading facts (amounts, dates, names) from every sentence,
  looking for watch terms and unproved universal wording, and rendering the page, the comparison
  and one Web Annotation per citation. Plain Material does none of this. From 5,000 sentences
  on, facts are read in shares by a worker process, from the first share, while the main one
  runs the other checks and then takes the shares still waiting, from the last. Loading in a
  worker too was tried and dropped: sending the sources back cost what it saved. Python's cycle
  collector is held off while the dossier loads, checks and renders, and the hook freezes what
  the dossier made while MkDocs works on the pages.
- **The fixed cost** is the real project: its register of 51 questions, its hand-written pages
  and its checks, built at every N{fixed_share}. At N = 100 that is most of the build, and plain
  Material's 100 pages take well under a second, so the ratio there is the hardest to meet. A
  question page's generated parts (its badges and card, evidence, checklist, answer, watch-term
  matches, related questions and timeline) are HTML blocks set aside from Markdown, as on source
  pages; its headings and its prose, with the prose's citations, are converted by Markdown. The
  site enables only the Markdown extensions its pages use: each one is set up again for every
  page, and its inline patterns tried on every run of text, used or not. Like the baseline, it
  prunes the navigation (`navigation.prune`): a page outside the open section carries a link to
  each closed section, not the whole menu.
- **A `serve` rebuild** builds the whole site again, but the dossier keeps in memory what it
  worked out for each source: its parse (the sidecar read and schema-checked, the text
  segmented), keyed on the contents of its two files, and its facts, keyed on its sentences,
  language, publication date and the gazetteer. A source whose files did not change is then
  neither parsed nor read for facts again; the other checks, the rendering of every page and
  MkDocs' own work are redone. The hook imports the dossier's code anew, with empty caches, only
  when a file under `scripts/dossier` changed.
- **Memory** grows with N, as the pages and the annotations are held until MkDocs takes them.
- **Not measured:** the benchmark's projects are not git repositories, so reading the history
  (about 0.2 s for this repository's commits) is in none of the figures.

Measured on {host["system"]}, {host["cpus"]} CPUs, Python {host["python"]}, on {host["date"]}.
The same figures, as JSON, are in `benchmarks/results.json` in the repository.
"""


def gate(pool: dict[str, list[str]], scratch: Path, sources: int, limit: float) -> int:
    """Build both sites at `sources`, GATE_BUILDS times each; 1 if the ratio is above `limit`
    in each of GATE_ATTEMPTS measurements, so that a moment's load on the machine fails nothing
    that a real slowdown of the build would not fail anyway."""
    project, plain = generate(scratch, sources, pool)
    sites = {"dossier": scratch / "site", "plain": scratch / "plain-site"}
    for attempt in range(1, GATE_ATTEMPTS + 1):
        builds = build_both(project, plain, sites, GATE_BUILDS, lambda step: None)
        dossier, baseline = builds["dossier"], builds["plain"]
        ratio = dossier / baseline
        verdict = "within" if ratio <= limit else "ABOVE"
        print(
            f"bench gate: at N = {sources}, the dossier builds in {dossier:.2f} s and plain "
            f"Material in {baseline:.2f} s: a ratio of {ratio:.2f}, {verdict} the limit of "
            f"{limit:g} (measurement {attempt} of at most {GATE_ATTEMPTS})",
            file=sys.stderr,
        )
        if ratio <= limit:
            return 0
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/bench.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--sources", type=int, nargs="+", default=DEFAULT_SOURCES, help="values of N"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="builds of each site per N; the lowest time counts"
    )
    parser.add_argument(
        "--serve", type=int, nargs="*", default=[1000], metavar="N",
        help="values of N at which to time a rebuild in mkdocs serve (default: 1000)",
    )  # fmt: skip
    parser.add_argument(
        "--no-links", dest="links", action="store_false", help="skip the lychee link check"
    )
    parser.add_argument(
        "--json", type=Path, default=ROOT / "benchmarks" / "results.json", help="figures"
    )
    parser.add_argument(
        "--page", type=Path, default=ROOT / "docs" / "performance.md", help="the Markdown page"
    )
    parser.add_argument(
        "--gate", action="store_true",
        help=f"only the regression gate: fail if the ratio at N = {GATE_SOURCES} (or the first "
        f"--sources) is above --gate-ratio (default {GATE_RATIO:g}); writes no figures",
    )  # fmt: skip
    parser.add_argument(
        "--gate-ratio", type=float, default=GATE_RATIO, metavar="RATIO", help="the gate's limit"
    )
    options = parser.parse_args()
    if options.gate:
        sources = options.sources[0] if options.sources != DEFAULT_SOURCES else GATE_SOURCES
        try:
            with tempfile.TemporaryDirectory(prefix="dossier-gate-") as scratch:
                return gate(seed_sentences(), Path(scratch), sources, options.gate_ratio)
        except BenchError as error:
            print(f"bench: {error}", file=sys.stderr)
            return 1
    try:
        pool = seed_sentences()
        with tempfile.TemporaryDirectory(prefix="dossier-bench-") as scratch:
            results = [measure(n, pool, Path(scratch), options) for n in options.sources]
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    results = with_marginal_costs(results)
    host = machine()
    options.json.write_text(
        json.dumps({"machine": host, "results": results}, indent=2) + "\n", encoding="utf-8"
    )
    options.page.write_text(performance_page(results, host), encoding="utf-8")
    for result in results:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
