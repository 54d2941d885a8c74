"""The query language: what a user types, parsed into a small tree the engine evaluates.

    revenue growth            both words, in the same paragraph (AND is the default)
    "gross margin"            a phrase; "毛利率" is the phrase of its bigrams 毛利 利率
    營收 / 营收                the same query (Traditional and Simplified are folded)
    收                        one Chinese character
    margin*                   a prefix
    revenue OR sales          either; OR binds tighter than the implied AND
    -guidance / NOT guidance  without
    (a OR b) c                grouping
    speaker:"Elena Varga" role:analyst section:qa company:corvane period:2024 lang:zh

A word matches in the English text and in the Chinese text (Latin words, names and figures
appear in both); a Chinese word in the Chinese text only; ``lang:`` limits every word to one
language. Filters take all the words of their value (``speaker:elena`` finds Elena Varga).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import TranscriptError
from ..find import fold
from .analysis import CJK_CHAR_RE, is_cjk, normalise_word, query_terms
from .schema import tag_terms

ROLES = ("operator", "management", "analyst", "unknown")
SECTIONS = ("prepared", "qa")
LANGS = ("en", "zh")
FILTER_FIELDS = ("speaker", "role", "section", "company", "period")
MAX_DEPTH = 32


class QueryError(TranscriptError):
    """A query that cannot be run (an unknown role, an unbalanced parenthesis...)."""


@dataclass(frozen=True)
class Words:
    """A word or a quoted phrase, as the positional terms it must match in order.

    ``unigram`` is set for a lone Chinese character (matched in the unigram field), ``prefix``
    for ``word*`` (then ``terms`` is the one prefix)."""

    text: str
    terms: tuple[str, ...]
    unigram: str | None = None
    prefix: bool = False

    @property
    def chinese(self) -> bool:
        return self.unigram is not None or any(is_cjk(t) for t in self.terms)


@dataclass(frozen=True)
class Filter:
    """Paragraphs whose ``field`` holds all of ``terms`` (speaker, company, period: words;
    role, section: one value)."""

    field: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Node = Words | Filter | And | Or | Not


@dataclass
class Query:
    """A parsed query: its tree (None: every paragraph, narrowed by filters only), the language
    its words are limited to, and the words to highlight."""

    root: Node | None
    lang: str | None = None
    highlight: list[Words] = field(default_factory=list)


def make_filter(name: str, value: str) -> Filter:
    """A filter from a field name and the value a user gave; QueryError when it is not one."""
    name = name.lower()
    if name in ("role", "section"):
        v = fold(value).strip()
        allowed = ROLES if name == "role" else SECTIONS
        if v not in allowed:
            raise QueryError(f"unknown {name} {value!r} (use {', '.join(allowed)})")
        return Filter(name, (v,))
    if name not in FILTER_FIELDS:
        raise QueryError(f"unknown filter {name!r}")
    terms = tuple(tag_terms(value))
    if not terms:
        raise QueryError(f"empty {name} filter")
    return Filter(name, terms)


def words(text: str, prefix: bool = False) -> Words | None:
    """The Words for one typed word or phrase; None when it holds nothing searchable."""
    if prefix:
        folded = fold(text)
        if is_cjk(folded):  # a Chinese "prefix" is the characters themselves
            return words(text)
        stem = normalise_word(folded)
        return Words(text, (stem if folded.startswith(stem) else folded,), prefix=True) if folded else None
    # Spaces between Chinese characters are not in the text ("營收 成長" is 營收成長).
    stripped = "".join(text.split()) if is_cjk(text) and not re.search(r"[A-Za-z0-9]", text) else text
    terms = tuple(query_terms(stripped))
    if len(terms) == 1 and CJK_CHAR_RE.fullmatch(terms[0]):
        return Words(text, (), unigram=terms[0])
    return Words(text, terms) if terms else None


_TOKEN = re.compile(
    r"\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<neg>-(?=\S))?(?:(?P<field>[A-Za-z]+):(?=\S))?"
    r'(?:"(?P<quoted>[^"]*)"?|(?P<word>[^\s()"]+)))'
)


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str, str | None]] = []  # (kind, text, field)
        self.lang: str | None = None
        text = unicodedata.normalize("NFC", text).replace("\u201c", '"').replace("\u201d", '"')
        pos = 0
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m or m.end() == pos:
                if text[pos:].strip():
                    raise QueryError(f"cannot read the query at {text[pos : pos + 20]!r}")
                break
            pos = m.end()
            if m["lp"] or m["rp"]:
                self.tokens.append(("(" if m["lp"] else ")", "", None))
                continue
            if m["neg"]:
                self.tokens.append(("NOT", "", None))
            name = m["field"].lower() if m["field"] else None
            if name and name not in (*FILTER_FIELDS, "lang"):
                name = None  # "10:30" or "note:this" is a word, not a filter
                value = f"{m['field']}:{m['quoted'] if m['quoted'] is not None else m['word']}"
            else:
                value = m["quoted"] if m["quoted"] is not None else m["word"]
            kind = "quoted" if m["quoted"] is not None else "word"
            if kind == "word" and name is None and value in ("OR", "AND", "NOT"):
                kind = value
            self.tokens.append((kind, value, name))
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def parse(self) -> Node | None:
        node = self.sequence(0)
        if self.i < len(self.tokens):
            raise QueryError("unbalanced ')' in the query")
        return node

    def sequence(self, depth: int) -> Node | None:
        if depth > MAX_DEPTH:
            raise QueryError("the query is nested too deep")
        parts: list[Node] = []
        while self.peek() not in (None, ")"):
            if self.peek() == "AND":
                self.i += 1
                continue
            node = self.alternatives(depth)
            if node is not None:
                parts.append(node)
        return None if not parts else parts[0] if len(parts) == 1 else And(tuple(parts))

    def alternatives(self, depth: int) -> Node | None:
        options = [self.unary(depth)]
        while self.peek() == "OR":
            self.i += 1
            options.append(self.unary(depth))
        kept = [o for o in options if o is not None]
        return None if not kept else kept[0] if len(kept) == 1 else Or(tuple(kept))

    def unary(self, depth: int) -> Node | None:
        kind = self.peek()
        if kind is None or kind == ")":
            return None
        if kind == "NOT":
            self.i += 1
            child = self.unary(depth + 1)
            return Not(child) if child is not None else None
        if kind == "(":
            self.i += 1
            node = self.sequence(depth + 1)
            if self.peek() != ")":
                raise QueryError("missing ')' in the query")
            self.i += 1
            return node
        if kind in ("OR", "AND"):  # a dangling operator: read it as nothing
            self.i += 1
            return None
        _, value, name = self.tokens[self.i]
        self.i += 1
        if name == "lang":
            lang = fold(value).strip()
            if lang not in LANGS:
                raise QueryError(f"unknown language {value!r} (use en or zh)")
            self.lang = lang
            return None
        if name is not None:
            return make_filter(name, value)
        prefix = kind == "word" and value.endswith("*")
        return words(value.rstrip("*") if prefix else value, prefix=prefix)


def parse(text: str, filters: list[Filter] | None = None, lang: str | None = None) -> Query:
    """Parse ``text``; ``filters`` and ``lang`` (command-line options, panel settings) apply on
    top of what the text says. Raises QueryError for a query that cannot be read."""
    parser = _Parser(text)
    parsed = parser.parse()
    parts: list[Node] = list(parsed.children) if isinstance(parsed, And) else [parsed] if parsed else []
    parts += filters or []
    root = None if not parts else parts[0] if len(parts) == 1 else And(tuple(parts))
    if lang is not None and lang not in LANGS:
        raise QueryError(f"unknown language {lang!r} (use en or zh)")
    return Query(root, lang or parser.lang, positive_words(root))


def positive_words(node: Node | None) -> list[Words]:
    """The words of ``node`` outside any NOT: what a hit can be highlighted with."""
    if isinstance(node, Words):
        return [node]
    if isinstance(node, (And, Or)):
        return [w for child in node.children for w in positive_words(child)]
    return []
