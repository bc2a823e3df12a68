"""Actions asked for or refused are not events of their own.

"Ha chiesto aiuti", "il rifiuto della Fed a procedere al salvataggio di Lehman", "ha invitato a
denunciare": the aid, the rescue and the report have not happened; they say what was asked for or
refused.  PLOVER codes them as the mode of the governing REQUEST or REJECT (REQUEST/assist,
REJECT/assist), whose recipients are the action's when it names none of its own.  Which types a
governing type absorbs, and with which mode, is ``embedded_actions`` in ``data/plover.yaml``.

The link is read off the dependency parse: the embedded trigger's head reaches the governing
trigger within :data:`MAX_STEPS` steps of complement relations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from cronaca.extract.event.coref import MentionInfo
from cronaca.extract.event.lexicon import Plover
from cronaca.extract.event.text import TextView
from cronaca.extract.event.triggers import Hit

MAX_STEPS = 3
# complement relations (UD) between an action and the request or refusal that governs it
COMPLEMENT_DEPS = frozenset({"obj", "xcomp", "ccomp", "nmod", "obl", "acl", "nsubj:pass"})


def absorb_embedded(view: TextView, hits: Sequence[Hit], mentions: list[MentionInfo],
                  table: Plover) -> list[MentionInfo]:
    """``mentions`` with every asked-for or refused action folded into the mention governing it."""
    if not view.has_morphology or not table.embedded_actions:
        return mentions
    out = {m.n: m for m in mentions}
    near = _Reach(view, hits, mentions)
    for inner in mentions:
        for outer in near.possible_governors(inner):
            absorbed = table.embedded_actions.get(outer.type, {})
            if outer is inner or inner.type not in absorbed or outer.n not in out or inner.n not in out:
                continue
            if not _governs(view, hits[outer.n], hits[inner.n]):
                continue
            cur = out[outer.n]
            recipients = cur.recipients or tuple(r for r in inner.recipients if r not in cur.actors)
            out[outer.n] = replace(cur, mode=absorbed[inner.type] or cur.mode, recipients=recipients,
                                   own=cur.own or bool(recipients))
            del out[inner.n]
    return [out[m.n] for m in mentions if m.n in out]


class _Reach:
    """Which mentions may govern a mention (:func:`_governs`), found through the parse instead of
    trying every pair: one whose words hold a head within :data:`MAX_STEPS` steps up from the
    mention's head, or whose head's phrase ends right before the "a"/"di" marking one of those."""

    def __init__(self, view: TextView, hits: Sequence[Hit], mentions: Sequence[MentionInfo]) -> None:
        self.view, self.hits, self.mentions = view, hits, mentions
        self.by_token: dict[int, list[int]] = {}  # token -> the mentions (positions) whose words hold it
        self.by_next: dict[int, list[int]] = {}  # token right after a mention's head's phrase -> mentions
        for pos, m in enumerate(mentions):
            hit = hits[m.n]
            for k in range(hit.first, hit.last + 1):
                self.by_token.setdefault(view.tokens[k].i, []).append(pos)
            self.by_next.setdefault(_head(view, hit).right_edge.i + 1, []).append(pos)

    def possible_governors(self, inner: MentionInfo) -> list[MentionInfo]:
        """A superset of the mentions that govern ``inner``, in the order of ``mentions``."""
        tok = _head(self.view, self.hits[inner.n])
        found: set[int] = set()
        for _ in range(MAX_STEPS):
            for child in tok.children:
                if child.dep_ == "mark":
                    found.update(self.by_next.get(child.i, ()))
            tok = tok.head
            found.update(self.by_token.get(tok.i, ()))
        return [self.mentions[pos] for pos in sorted(found)]


def _head(view: TextView, hit: Hit) -> Token:
    """The token of a trigger's words whose head lies outside them (its syntactic head)."""
    toks = [view.tokens[k] for k in range(hit.first, hit.last + 1)]
    inside = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])


def _governs(view: TextView, outer: Hit, inner: Hit) -> bool:
    targets = {view.tokens[k].i for k in range(outer.first, outer.last + 1)}
    outer_head = _head(view, outer)
    tok = _head(view, inner)
    for _ in range(MAX_STEPS):
        if _infinitive_after(tok, outer_head):
            return True
        if tok.dep_ not in COMPLEMENT_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in targets:
            return True
    return False


def _infinitive_after(tok: Token, noun: Token) -> bool:
    """ "il rifiuto della Fed a procedere": an infinitive whose "a"/"di" comes right after the
    noun's phrase complements that noun, wherever the parse attached it."""
    if noun.pos_ != "NOUN" or tok.pos_ != "VERB" or tok.dep_ not in ("xcomp", "ccomp", "advcl", "acl"):
        return False
    mark = next((c for c in tok.children if c.dep_ == "mark"), None)
    return mark is not None and mark.lower_ in ("a", "di") and mark.i == noun.right_edge.i + 1
