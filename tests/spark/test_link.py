"""cronaca.spark.link in one process: blocking keys and the components they give (no Spark needed)."""

from __future__ import annotations

from cronaca.spark.link import block_keys, day_number, link_local


def _event(doc, eid, type_="CONSULT", actors="Marco Rubio", recipients=""):
    return {"doc_id": doc, "event_id": eid, "type": type_, "actor_names": actors, "recipient_names": recipients}


def test_link_local_blocks_by_type_participant_and_time_bucket():
    day = day_number("2025-10-21")
    assert day is not None
    keys = list(block_keys(_event("a", "e1", actors="Marco Rubio; Sergej Lavrov"), day, 7))
    assert keys == [f"CONSULT|marco rubio|{day // 7}", f"CONSULT|marco rubio|{day // 7 + 1}",
                    f"CONSULT|sergej lavrov|{day // 7}", f"CONSULT|sergej lavrov|{day // 7 + 1}"]
    assert list(block_keys(_event("a", "e1"), None, 7)) == ["CONSULT|marco rubio|-1"]
    assert day_number("2025-02-30") is None and day_number("XXXX-10") is None


def test_link_local_links_across_articles_only_within_blocks():
    events = [_event("a", "e1"), _event("b", "e1", actors="MARCO RUBIO"), _event("c", "e1"),
              _event("d", "e1", type_="ACCUSE"), _event("e", "e1", actors="Lavrov")]
    documents = [{"doc_id": d, "date": "2025-10-21"} for d in "abde"] + [{"doc_id": "c", "date": "2025-12-30"}]
    got = link_local(events, [], documents)
    assert got["a/e1"] == got["b/e1"] == "a/e1"
    assert got["c/e1"] == "c/e1"  # two months later: another time bucket
    assert got["d/e1"] == "d/e1" and got["e/e1"] == "e/e1"  # another type, another participant
