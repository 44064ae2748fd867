"""The Jinja environment and the escaping that every generated page shares."""

from __future__ import annotations

import functools
import hashlib
import html
import json
import posixpath

import jinja2

from dossier import site
from dossier.text import html_blocks

LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "it": "Italian"}

# Source text and user-written fields are shown, never interpreted. Beyond HTML's own specials,
# every character that Markdown or a pymdown extension gives meaning to inside a line becomes a
# character reference, so no inline pattern (emphasis, links, emoji, critic marks, keys, smart
# symbols) can fire. Escaped text never starts a line, so block syntax (`1.`, `--8<--`) cannot.
_MARKUP_CHARACTERS = "&<>\"'\\`*_{}[]()#+-!|~^=:$"
_TEXT_ESCAPES = {ord(character): f"&#{ord(character)};" for character in _MARKUP_CHARACTERS}
# A line break inside a sentence would let the next line start a Markdown block; HTML renders the
# reference as the same white space.
_TEXT_ESCAPES[ord("\n")] = "&#10;"


_PROSE_ESCAPES = {**_TEXT_ESCAPES}
del _PROSE_ESCAPES[ord("\n")]


def escape_text(text: str) -> str:
    """`text` as inert character data, safe in Markdown and HTML alike, shown exactly as written."""
    return text.translate(_TEXT_ESCAPES)


def escape_html(text: str) -> str:
    """`text` for a raw HTML block, which Markdown passes through: HTML's specials escaped."""
    return html.escape(text)


def escape_prose(text: str) -> str:
    """Like escape_text, but line breaks stay, so blank lines still separate paragraphs."""
    return text.translate(_PROSE_ESCAPES)


def yaml_string(text: str) -> str:
    """`text` as a YAML scalar, exactly: JSON strings are valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def front_matter_string(text: str) -> str:
    """A page title for front matter: HTML-escaped, since the theme prints titles unescaped in
    its header, and quoted as a JSON string, which is valid YAML."""
    return json.dumps(html.escape(text))


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def relative_link(from_page: str, to_page: str) -> str:
    """The Markdown link target from one page to another, both relative to docs/."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def compiled_templates(owner: str, environment: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """Where templates `environment` compiles are kept between builds; None where no such folder
    can be had, and each build compiles them again.

    Compiling a template costs far more than running it, and every build, every `serve` rebuild
    and every command compiled them all again. Jinja keeps the compiled code in a folder of the
    system's temporary directory that only this user can write to, keyed on each template's name
    and checked against its text. The code also depends on how the environment is set up (its
    syntax, its extensions, which filters take the context), which Jinja does not check: the
    files are named after `owner` and a digest of that set-up.
    """
    return _bytecode_cache(f"{owner}-{_set_up_digest(environment)}")


@functools.cache
def _bytecode_cache(name: str) -> jinja2.BytecodeCache | None:
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"__{name}_%s.cache")
    except (OSError, RuntimeError):  # no temporary folder, or one this user does not own alone
        return None


def _passes(function: object) -> str:
    """What Jinja passes `function` first (the context, the environment), which it compiles in."""
    return str(getattr(function, "jinja_pass_arg", None))


def _set_up_digest(environment: jinja2.Environment) -> str:
    """A digest of what, besides a template's own text, decides the code Jinja compiles it to."""
    autoescape = environment.autoescape
    set_up = (
        jinja2.__version__,
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        autoescape if isinstance(autoescape, bool) else getattr(autoescape, "__qualname__", "?"),
        environment.optimized,
        environment.is_async,
        environment.finalize is not None and _passes(environment.finalize),
        sorted(environment.extensions),
        sorted((name, _passes(function)) for name, function in environment.filters.items()),
        sorted((name, _passes(function)) for name, function in environment.tests.items()),
    )
    return hashlib.sha256(repr(set_up).encode()).hexdigest()[:16]


def environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("dossier", "templates"),
        autoescape=False,  # the output is Markdown: escaping is explicit, with the `text` filter
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["text"] = escape_text
    environment.filters["html"] = escape_html
    environment.filters["front_matter_string"] = front_matter_string
    environment.filters["yaml_string"] = yaml_string
    environment.filters["language_name"] = language_name
    environment.globals["relative"] = relative_link
    # Templates ask the one owner of paths and fragment ids for them, and never spell one out.
    environment.globals["site"] = site
    # Raw HTML between these markers skips Markdown in the MkDocs build (text/html_blocks.py).
    environment.globals["html_block_start"] = html_blocks.BLOCK_START
    environment.globals["html_block_end"] = html_blocks.BLOCK_END
    environment.bytecode_cache = compiled_templates("dossier", environment)
    return environment
