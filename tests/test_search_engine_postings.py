"""The engine's own posting code (reader.core.search.postings) against plain reference code:
blocks read straight from the file, picking postings, lining lists up, the phrase check."""

import pickle
import random
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

from reader.core.search.postings import align, follow, follow_wide, pick
from reader.core.search.schema import encode_positions
from reader.core.search.whoosh_internals import decode_blocks


def naive_follows(positions):
    """Whether some start p has term i at p + i, on decoded integer positions."""
    firsts = set(positions[0])
    return any(all(p + i in set(ps) for i, ps in enumerate(positions)) for p in firsts)


byte_positions = st.lists(st.integers(0, 254), min_size=1, max_size=12, unique=True).map(sorted)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(byte_positions, min_size=1, max_size=4),
    st.lists(st.integers(0, 3), min_size=2, max_size=6),
    st.integers(1, 5),
)
def test_follow_agrees_with_the_plain_check(pool, which, docs):
    """Phrases of 2-6 terms, a term often repeated (``which`` picks from a small pool), over
    several documents at once."""
    rng = random.Random(len(pool) * 31 + sum(which))
    per_doc = []
    for _ in range(docs):
        own = [sorted(rng.sample(range(255), rng.randint(1, 10))) for _ in pool]
        per_doc.append([pool[w % len(pool)] if rng.random() < 0.5 else own[w % len(pool)] for w in which])
    lined_up = [[bytes(doc[i]) for doc in per_doc] for i in range(len(which))]
    assert list(follow(lined_up)) == [naive_follows(doc) for doc in per_doc]


def test_follow_edges():
    # positions at both ends of the byte range, and a phrase that would run past 254
    assert list(follow([[bytes([253])], [bytes([254])]])) == [True]
    assert list(follow([[bytes([254])], [bytes([0])]])) == [False]
    assert list(follow([[bytes([0])], [bytes([0])]])) == [False]  # not term 1 at p + 1
    # "year over year": the repeated term must be at p and p + 2
    year, over = bytes([3, 5, 10]), bytes([4, 9])
    assert list(follow([[year], [over], [year]])) == [True]
    assert list(follow([[bytes([3, 9])], [over], [bytes([3, 9])]])) == [False]
    assert list(follow([[b"\x01"]] * 255)) == [False]  # longer than any byte-position paragraph


def test_follow_wide_decodes_positions_past_254():
    first = encode_positions([5, 300, 1000])
    second = encode_positions([301])
    assert follow_wide([first, second])
    assert not follow_wide([second, first])
    assert follow_wide([encode_positions([7]), encode_positions([8, 400])])


@given(
    st.lists(st.integers(0, 3000), max_size=300, unique=True).map(sorted),
    st.lists(st.integers(0, 3000), max_size=300, unique=True),
)
def test_pick_keeps_the_postings_of_the_documents_asked(ids, wanted):
    weights = [float(d % 7 + 1) for d in ids]
    values = [bytes([d % 251]) for d in ids]
    docs = set(wanted)
    got = pick((ids, weights, values), docs)
    expected = [(d, w, v) for d, w, v in zip(ids, weights, values, strict=True) if d in docs]
    assert list(zip(*got, strict=True)) == expected
    # without values (a term read for its ids and weights only)
    assert list(pick((ids, weights, ()), docs)[0]) == [d for d, _, _ in expected]


def test_pick_by_bisection_and_by_mask_agree():
    ids = list(range(0, 20000, 3))
    weights = [1.0] * len(ids)
    few = {3, 4, 2997, 19998, 30000}  # far fewer than the list: bisection, some not in it
    many = set(range(0, 20000, 2))  # a mask
    for docs in (few, many):
        got = pick((ids, weights, ()), docs)
        assert list(got[0]) == sorted(docs.intersection(ids))


@given(st.lists(st.lists(st.integers(0, 500), max_size=200, unique=True).map(sorted), min_size=1, max_size=4))
def test_align_lines_the_lists_up_on_their_common_documents(lists):
    postings = [
        (ids, [float(i) for i in range(len(ids))], [bytes([k]) * (k + 1) for _ in ids])
        for k, ids in enumerate(lists)
    ]
    docs, picked = align(postings)
    common = sorted(set(lists[0]).intersection(*lists[1:]))
    assert docs == common
    if not common:
        return
    for (ids, weights, values), (got_ids, got_weights, got_values) in zip(postings, picked, strict=True):
        assert list(got_ids) == common
        where = {d: i for i, d in enumerate(ids)}
        assert list(got_weights) == [weights[where[d]] for d in common]
        assert list(got_values) == [values[where[d]] for d in common]


def _block(ids, weights, values, info_protocol, last):
    deltas = (ids[0], *(b - a for a, b in zip(ids, ids[1:], strict=False)))
    data = zlib.compress(pickle.dumps((deltas, weights, values), pickle.HIGHEST_PROTOCOL))
    info = pickle.dumps((len(ids), ids[-1], 1.0, 3, 0, 0), info_protocol)
    size = len(info) + len(data)
    return struct.pack("!i", -size if last else size) + info + data


@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_decode_blocks_with_either_info_pickle(protocol):
    """Blocks written by Whoosh's own writer pickle their info with protocol 2 (no frame to skip)."""
    first = list(range(0, 256, 2))
    second = [300, 301, 5000]
    data = WHOOSH3_HEADER_MAGIC
    data += _block(first, None, tuple(bytes([i % 200]) for i in first), protocol, last=False)
    data += _block(second, 2.0, None, protocol, last=True)
    ids, weights, values = decode_blocks(data, values=True)
    assert ids == first + second
    assert weights == [1.0] * len(first) + [2.0] * len(second)
    assert values == [bytes([i % 200]) for i in first] + [b""] * len(second)
    assert decode_blocks(data, values=False)[2] == []
    with pytest.raises(ValueError):
        decode_blocks(b"XXXX" + data[4:], values=False)
