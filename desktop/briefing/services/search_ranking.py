"""The paging rule of a search: which candidates to rank and check, in what order, and when a
total is exact. Plain logic over three callables (rank, load, count), so it knows nothing of
articles, highlights or SQL; the budget comes from :mod:`briefing.services.search`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Budget:
    """How much a checked search may rank and check (see :func:`_collect`)."""

    page_factor: int  # best-ranked candidates checked (times ``want``) before all of them
    exact_checks: int  # more candidates than this after the page: the total is a lower bound
    exact_count: int  # rows counted for a several-token match's total at most
    scan_batch: int  # candidates whose texts are read at once when checking all of them


def _collect(
    rank: Callable[[int | None, Sequence[int] | None], list[tuple[int, float]]],
    load: Callable[[list[int]], dict[int, T]],
    count: Callable[[int | None], int],
    want: int,
    checked: bool,
    single: bool = False,
    *,
    budget: Budget,
) -> tuple[list[tuple[int, float, T]], int, bool]:
    """The ``want`` best rows: ``(id, score, what load gave)``, best first; how many rows
    match in all; and whether that count is exact (else it is a lower bound).

    ``rank(n, within)`` gives the n best candidate ids with scores (all of them, unranked,
    for n None; only those ``within`` the given ids if not None); ``load(ids)`` gives the rows
    that pass the check, by id; ``count(most)`` counts the candidates, up to ``most`` if not
    None (FTS5 counts a match without reading its rows).

    When the index is exact for the query, one ranked page is the answer and the count is the
    total (``single``: the match is one index token, which FTS5 counts cheaply; else the count
    stops at ``budget.exact_count``). Otherwise the best candidates are checked a few at a
    time, in rank order. If they give ``want`` rows, the other candidates are checked too when
    they are few (``budget.exact_checks``), for an exact total; when they are many, the search
    stops and the total is a lower bound (checking every candidate of a common term costs
    seconds at 20,000 articles). If the best do not give ``want`` rows, every other candidate
    is checked, those that pass are ranked, and the total is exact. Ranking all candidates
    costs FTS5 one pass, so it is done at most twice, never page after page."""
    if not checked:
        ranked = rank(want, None)
        rows = load([i for i, _ in ranked])
        if len(ranked) < want:
            return [(i, score, rows[i]) for i, score in ranked if i in rows], len(ranked), True
        # FTS5 counts one token's rows from its doclist alone; several tokens must be matched
        # row by row, so that count stops at budget.exact_count (then a lower bound).
        total = count(None if single else budget.exact_count)
        exact = single or total < budget.exact_count
        return [(i, score, rows[i]) for i, score in ranked if i in rows], total, exact
    page = want * budget.page_factor
    ranked = rank(page, None)
    passed: list[tuple[int, float, T]] = []
    checked_upto = 0
    while checked_upto < len(ranked):
        batch = ranked[checked_upto : checked_upto + want]
        checked_upto += len(batch)
        rows = load([i for i, _ in batch])
        passed += [(i, score, rows[i]) for i, score in batch if i in rows]
        if len(passed) >= want and len(ranked) == page:
            break
    if len(ranked) < page:
        return passed[:want], len(passed), True
    most = checked_upto + budget.exact_checks + 1
    if len(passed) >= want and count(most) >= most:
        return passed[:want], len(passed), False
    seen = {i for i, _ in ranked[:checked_upto]}
    rest = [i for i, _ in rank(None, None) if i not in seen]
    good = [i for i, _, _ in passed]
    for start in range(0, len(rest), budget.scan_batch):
        good += list(load(rest[start : start + budget.scan_batch]))
    if len(passed) >= want:
        return passed[:want], len(good), True
    ranked = rank(want, good)
    rows = load([i for i, _ in ranked])
    return [(i, score, rows[i]) for i, score in ranked if i in rows], len(good), True
