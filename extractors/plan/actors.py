"""Who does a task: the unit named by an assignment ("Giao X phối hợp với Y thực hiện ...")
or by the task itself ("Bộ phận Một cửa thị trấn tích cực rà soát ...").

Word lists: data/lexicon/actors.csv.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.plan import lexicon
from normalizers.text import clean_value

_PARTNERS = re.compile(r"\bphối hợp(?:\s+với)?\s+", re.IGNORECASE)
OWN_ACTOR_WORDS = 12  # a task names its own unit within its first words


@cache
def _stop() -> re.Pattern[str]:
    words = sorted(lexicon.actor_words("stop"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _first_stop(text: str) -> re.Match[str] | None:
    """The first stop word written in lower case (a capitalised one is part of a name:
    'Ban Chỉ đạo')."""
    return next((m for m in _stop().finditer(text) if text[m.start()].islower()), None)


def parse_assignment(text: str) -> tuple[str | None, str | None]:
    """'Văn phòng UBND phối hợp với các công chức liên quan khắc phục ...' ->
    ('Văn phòng UBND', 'các công chức liên quan')."""
    stop = _first_stop(text)
    if not stop:
        return clean_value(text), None
    lead = clean_value(text[: stop.start()])
    rest = text[stop.start() :]
    partners = None
    joined = _PARTNERS.search(rest)
    if joined and joined.start() <= len("chủ trì, "):
        after = rest[joined.end() :]
        end = _first_stop(after)
        partners = clean_value(after[: end.start()] if end else after)
    return lead, partners


def own_actor(text: str) -> str | None:
    """The unit a task names as its doer at its start, if any."""
    if not _opens_with_unit(text):
        return None
    stop = _first_stop(text)
    if not stop or len(text[: stop.start()].split()) > OWN_ACTOR_WORDS:
        return None
    return clean_value(text[: stop.start()])


def _opens_with_unit(text: str) -> bool:
    lowered = text.lower()
    for head in lexicon.actor_words("head"):
        if lowered.startswith(head + " "):
            following = text[len(head) + 1 : len(head) + 2]
            # a one-word head must open a proper name: "Ban Chỉ đạo", not "Ban hành"
            if " " in head or following.isupper():
                return True
    return False
