"""Benchmark: how check, the site build and the link check scale with the number of sources.

For each N, a synthetic project is generated in a temporary folder: N Spanish and Italian
articles recombined from the seeds' sentences (each made unique by a file number), two register
questions per source citing them, and the project's own configuration and pages. It reports
`check` time, the dossier's own work (load, check, render) in-process, the full build (not
strict: the synthetic sources are uncurated, which is a warning), the lychee link check, peak
memory, and the full build against a plain Material build of N plain pages of the same text.
Results go to a JSON file and a Markdown page.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
QUESTIONS_PER_SOURCE = 2
SENTENCES_PER_SOURCE = (8, 16)


def seed_sentences() -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from dossier.load.sources import load_sources

    sentences: dict[str, list[str]] = {}
    for source in load_sources(ROOT).sources:
        sentences.setdefault(source.metadata.language, []).extend(s.text for s in source.sentences)
    return sentences


def article(number: int, language: str, pool: list[str], rng: random.Random) -> list[str]:
    """Sentences recombined from the pool; the first names the file, so every quote is unique."""
    count = rng.randint(*SENTENCES_PER_SOURCE)
    chosen = [rng.choice(pool) for _ in range(count)]
    opening = f"Expediente {number:05d}." if language == "es" else f"Fascicolo {number:05d}."
    return [opening, *chosen]


def sidecar(data: bytes, language: str, number: int) -> str:
    return (
        f"title: Synthetic article {number}\nlanguage: {language}\nkind: news\noutlet: null\n"
        "published: null\nurl: null\nreports_cited: []\n"
        f"sha256: {hashlib.sha256(data).hexdigest()}\n"
    )


def question(category: str, source_id: str, opening: str, number: int, index: int) -> str:
    return (
        f"---\ntitle: What does synthetic source {number} leave open, part {index}?\n"
        f"category: {category}\nstatus: open\npriority: medium\nraised: 2026-11-01\n"
        "basis: not-mentioned\nresolve_before: contract\nevidence:\n"
        f'  - source: {source_id}\n    quote: "{opening}"\n    note: The file number only.\n'
        "missing: [{id: parameter, text: a named parameter with its unit}]\nwatch: [zzqqx]\n"
        f'reviewed: [{source_id}]\n---\nWhy it matters [@{source_id} "{opening}"].\n'
    )


def generate_project(folder: Path, sources: int, pool: dict[str, list[str]]) -> list[str]:
    """A copy of the project with `sources` synthetic articles and their questions added."""
    for name in ("mkdocs.yml", "docs", "seeds", "scripts", "overrides"):
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, folder / name)
    rng = random.Random(sources)
    categories = [p.name for p in sorted((folder / "docs" / "register").iterdir()) if p.is_dir()]
    texts = []
    for number in range(sources):
        language = ("es", "it")[number % 2]
        sentences = article(number, language, pool[language], rng)
        text = (
            "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)) + "\n"
        )
        texts.append(text)
        data = text.encode()
        source_id = f"{number + 2:03d}_{hashlib.sha256(data).hexdigest()[:16]}"
        (folder / "seeds" / f"{source_id}.txt").write_bytes(data)
        (folder / "seeds" / f"{source_id}.yml").write_text(
            sidecar(data, language, number), encoding="utf-8"
        )
        for index in range(QUESTIONS_PER_SOURCE):
            category = categories[(number + index) % len(categories)]
            path = folder / "docs" / "register" / category / f"synthetic-{number}-{index}.md"
            path.write_text(
                question(category, source_id, sentences[0], number, index), encoding="utf-8"
            )
    return texts


def plain_project(folder: Path, texts: list[str]) -> None:
    """N plain Markdown pages of the same text under plain Material: the baseline."""
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  font: false\nnav:\n  - index.md\n"
        "not_in_nav: |\n  /pages/*.md\n",
        encoding="utf-8",
    )
    (folder / "docs" / "index.md").write_text("# Plain\n", encoding="utf-8")
    (folder / "docs" / "pages").mkdir()
    for number, text in enumerate(texts):
        (folder / "docs" / "pages" / f"{number}.md").write_text(
            f"# Page {number}\n\n{text}", encoding="utf-8"
        )


def timed(command: list[str], cwd: Path, environment: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=cwd,
        env=environment or ENVIRONMENT,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1) or (result.returncode == 1 and "check" not in command):
        raise SystemExit(f"bench: {' '.join(command)} failed in {cwd}:\n{result.stderr[-3000:]}")
    return elapsed


def dossier_own_work(folder: Path) -> float:
    """Load, check and render in one process, as the hook does: the dossier's share of a build."""
    code = (
        "import datetime, time, pathlib\n"
        "from dossier.build import build\nfrom dossier.model.history import ProjectHistory\n"
        "start = time.perf_counter()\n"
        "day = datetime.date(2026, 11, 23)\n"
        "build(pathlib.Path('.'), today=day, history=ProjectHistory(last_changed=day))\n"
        "print(time.perf_counter() - start)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=folder,
        env={**ENVIRONMENT, "PYTHONPATH": str(folder / "scripts")},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(result.stdout.strip())


def measure(sources: int, pool: dict[str, list[str]], scratch: Path) -> dict[str, float]:
    print(f"bench: N = {sources}: generating", file=sys.stderr)
    project, plain = scratch / f"project-{sources}", scratch / f"plain-{sources}"
    project.mkdir()
    texts = generate_project(project, sources, pool)
    plain_project(plain, texts)
    environment = {**ENVIRONMENT, "PYTHONPATH": str(project / "scripts")}
    print(f"bench: N = {sources}: check", file=sys.stderr)
    check = timed([sys.executable, "-m", "dossier", "check"], project, environment)
    own = dossier_own_work(project)
    print(f"bench: N = {sources}: full build", file=sys.stderr)
    build = timed(
        [str(BIN / "mkdocs"), "build", "--site-dir", str(scratch / f"site-{sources}")],
        project,
        environment,
    )
    print(f"bench: N = {sources}: link check", file=sys.stderr)
    site = scratch / f"site-{sources}"
    links = timed(
        [str(BIN / "lychee"), "--offline", "--include-fragments", "--index-files", "index.html",
         "--root-dir", str(site), "--no-progress", f"{site}/**/*.html"],
        scratch,
    )  # fmt: skip
    print(f"bench: N = {sources}: plain Material build", file=sys.stderr)
    baseline = timed(
        [str(BIN / "mkdocs"), "build", "--site-dir", str(scratch / f"plain-site-{sources}")], plain
    )
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "sources": sources,
        "questions": sources * QUESTIONS_PER_SOURCE,
        "check_s": round(check, 2),
        "dossier_work_s": round(own, 2),
        "build_s": round(build, 2),
        "link_check_s": round(links, 2),
        "plain_material_build_s": round(baseline, 2),
        "build_to_plain_ratio": round(build / baseline, 2),
        "dossier_share_of_build": round(own / build, 3),
        "build_ms_per_source": round(1000 * build / sources, 1),
        "peak_memory_mib": round(peak_kib / 1024, 1),
    }


def machine() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "cpus": str(os.cpu_count()),
        "date": datetime.date.today().isoformat(),
    }


COLUMNS = {
    "sources": "Sources",
    "questions": "Questions",
    "check_s": "`check` (s)",
    "dossier_work_s": "Load, check, render (s)",
    "build_s": "Full build (s)",
    "dossier_share_of_build": "Dossier's share",
    "build_ms_per_source": "Build per source (ms)",
    "link_check_s": "Link check (s)",
    "plain_material_build_s": "Plain Material (s)",
    "build_to_plain_ratio": "Build / plain",
    "peak_memory_mib": "Peak memory (MiB)",
}


def performance_page(results: list[dict[str, float]], host: dict[str, str]) -> str:
    def cell(key: str, value: float) -> str:
        return f"{value:.0%}" if key == "dossier_share_of_build" else f"{value:g}"

    header = "| " + " | ".join(COLUMNS.values()) + " |"
    rule = "|" + " ---: |" * len(COLUMNS)
    rows = "\n".join(
        "| " + " | ".join(cell(key, r[key]) for key in COLUMNS) + " |" for r in results
    )
    return f"""# Performance

How the dossier scales with the number of sources, measured by `make bench` on a synthetic corpus
(Spanish and Italian articles recombined from the seeds' sentences, two register questions per
source, each citing its source). Times are wall-clock seconds.

{header}
{rule}
{rows}

- *Load, check, render* is the dossier's own work, as the hook does it once per build; the rest
  of the full build is MkDocs and Material turning Markdown into HTML.
- *Plain Material* builds the same number of plain pages of the same text with the theme alone.
  The dossier's build makes about three pages per source (the source page and two question
  pages, besides the index and comparison pages), so *Build / plain* compares unlike page counts.
- Targets: the dossier's share at most 15 % at 1,000 sources; build time per source roughly
  constant from 100 to 1,000 sources; `check` under 10 s at 1,000 sources.

Measured on {host["system"]}, {host["cpus"]} CPUs, Python {host["python"]}, on {host["date"]}.
The same figures, as JSON, are in `benchmarks/results.json` in the repository.
"""


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/bench.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--sources",
        type=int,
        nargs="+",
        default=[100, 1000],
        help="values of N (default: 100 1000)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=ROOT / "benchmarks" / "results.json",
        help="where the figures go",
    )
    parser.add_argument(
        "--page", type=Path, default=ROOT / "docs" / "performance.md", help="the Markdown page"
    )
    arguments = parser.parse_args()
    pool = seed_sentences()
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as scratch:
        results = [measure(sources, pool, Path(scratch)) for sources in arguments.sources]
    host = machine()
    arguments.json.write_text(
        json.dumps({"machine": host, "results": results}, indent=2) + "\n", encoding="utf-8"
    )
    arguments.page.write_text(performance_page(results, host), encoding="utf-8")
    for result in results:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
