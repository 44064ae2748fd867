"""Load a whole project: every file read once, every citation written in it collected."""

from __future__ import annotations

from pathlib import Path

from dossier.load.citations import sidecar_citations, topic_citations
from dossier.load.gazetteer import load_gazetteer
from dossier.load.pages import read_pages
from dossier.load.register import load_register
from dossier.load.sources import load_sources
from dossier.load.topics import load_topics
from dossier.model.project import LoadedProject
from dossier.site import SEEDS_DIRECTORY, TEXT_SUFFIX


def load_project(root: Path) -> LoadedProject:
    """Everything the files under `root` say, with a finding for each file that cannot be read."""
    loaded = load_sources(root)
    topics, topic_problems = load_topics(root)
    register = load_register(root)
    gazetteer, gazetteer_problems = load_gazetteer(root)
    sidecar, sidecar_absences, sidecar_problems = sidecar_citations(loaded.sources)
    differences, difference_absences, difference_problems = topic_citations(topics)
    pages, page_citations, page_absences, page_problems = read_pages(root, register.questions)
    question_citations = [c for question in register.questions for c in question.citations]
    loaded_ids = {source.id for source in loaded.sources}
    return LoadedProject(
        root=root,
        sources=loaded.sources,
        topics=topics,
        categories=register.categories,
        questions=register.questions,
        citations=(*sidecar, *differences, *question_citations, *page_citations),
        absence_claims=(*sidecar_absences, *difference_absences, *page_absences),
        unloaded_source_ids=frozenset(
            path.stem for path in (root / SEEDS_DIRECTORY).glob(f"*{TEXT_SUFFIX}")
        )
        - loaded_ids,
        pages=pages,
        gazetteer=gazetteer,
        findings=(
            *loaded.findings,
            *topic_problems,
            *register.findings,
            *gazetteer_problems,
            *sidecar_problems,
            *difference_problems,
            *page_problems,
        ),
    )
