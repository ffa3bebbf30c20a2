"""The facilitator guide's session plans can be run as written.

Section minutes are recorded once, in each notebook section (``*Time: N min.*`` under its heading);
the plans in docs/facilitator-guide.md are checked against them: each plan adds up to its length,
breaks included; every section it names exists; no section that shows the kit's answers to the
coding round comes before the round; closing questions rest only on sections already shown.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

import notebook_sections as ns  # noqa: E402

GUIDE_TEXT = ns.GUIDE.read_text(encoding="utf-8")
_OPENING_TIME = re.compile(r"\*\*Time\*\*:?\s*(\d+)\s*minutes? teaching", re.IGNORECASE)


@pytest.fixture(scope="module")
def sections():
    return ns.all_sections()


@pytest.fixture(scope="module")
def items():
    return ns.round_items()


def test_all_six_notebooks_have_sections(sections):
    assert sorted(sections) == ["00", "01", "02", "03", "04", "05"]
    assert all(len(v) >= 5 for v in sections.values())


def test_every_numbered_section_has_its_minutes(sections):
    missing = [f"{k} §{s.number}" for k, secs in sections.items() for s in secs if s.minutes is None]
    assert not missing, f"sections without a '*Time: N min.*' line under the heading: {missing}"


@pytest.mark.parametrize("key", ["00", "01", "02", "03", "04", "05"])
def test_opening_time_is_the_sum_of_the_sections(key, sections):
    src = next((ns.SOURCES).glob(f"{key}-*.py")).read_text(encoding="utf-8")
    m = _OPENING_TIME.search(src)
    assert m, "the opening **Time** line is missing"
    assert int(m.group(1)) == ns.teaching_total(sections[key]), (
        f"the opening says {m.group(1)} minutes teaching; its sections add up to {ns.teaching_total(sections[key])}"
    )


def test_the_guide_has_the_three_plans():
    names = [p.name for p in ns.read_plans(GUIDE_TEXT)]
    assert any(n.startswith("45 minutes") for n in names)
    assert any(n.startswith("90 minutes") for n in names)
    assert sum(n.startswith("Two sessions of 90 minutes") for n in names) == 2


def test_plans_can_be_run_as_written(sections):
    problems = ns.plan_problems(GUIDE_TEXT, sections)
    assert not problems, "\n".join(problems)


def _mutate(old: str, new: str) -> str:
    assert old in GUIDE_TEXT, old
    return GUIDE_TEXT.replace(old, new, 1)


@pytest.mark.parametrize(
    "old,new,expected",
    [
        # a row whose minutes do not match the sections it names
        ("| 12–26 | `01` §2, §3 + 3 min worksheet |", "| 12–26 | `01` §2, §3, §4 + 3 min worksheet |", "take 14 min"),
        # a section that does not exist
        ("| 26–31 | `04` §1 |", "| 26–31 | `04` §9 |", "has no §9"),
        # a gap in the minutes
        ("| 4–12 | `00` §1, §2 + 3 min worksheet |", "| 5–12 | `00` §1, §2 + 3 min worksheet |", "should start at 4"),
        # the answers of the round shown before the round
        (
            "| 23–31 | `02` §1 + 3 min worksheet |",
            "| 23–31 | `02` §8 + 3 min worksheet |",
            "shows answers to the coding round before the round",
        ),
        # a round that codes all tasks, after notebook 01 that prints the speaker types
        ("code the 15 stance items alone", "code all 50 items alone", "`01` §3 shows answers to the coding round"),
        # a closing question resting on a section the plan skips
        ("`03` question 3 (one neutral", "`01` question 5 (one neutral", "not shown before it"),
        # no break in a 90-minute session
        ("| 50–55 | break |", "| 50–55 | — |", "needs a break"),
    ],
)
def test_the_plan_check_catches_a_broken_plan(old, new, expected, sections):
    problems = ns.plan_problems(_mutate(old, new), sections)
    assert any(expected in p for p in problems), problems


def test_a_plan_that_runs_long_is_caught(sections):
    text = _mutate("| 42–45 | — | closing:", "| 42–47 | — | closing:")
    assert any("ends at minute 47, not 45" in p for p in ns.plan_problems(text, sections))


def test_sections_that_show_round_answers_are_marked(sections, items):
    """Every section where the kit's code for a round item shows carries the warning in its Time line."""
    unmarked = []
    for key, secs in sections.items():
        path = next(ns.NOTEBOOKS.glob(f"{key}-*.ipynb"))
        marked = {s.number for s in secs if s.reveals_round}
        for number, ids in ns.leaks_by_section(path, items).items():
            if number not in marked:
                unmarked.append(f"{key} §{number} ({', '.join(ids)})")
    assert not unmarked, f"mark these sections '{ns.REVEALS_MARK}': {unmarked}"


def test_notebook_03_ledger_sections_are_found_to_show_stance_codes(items):
    """The detector is not vacuous: 03's side-by-side tables print the stance of round items."""
    leaks = ns.leaks_by_section(ns.NOTEBOOKS / "03-positions-by-side.ipynb", items)
    assert "4" in leaks and len(leaks["4"]) >= 5


def test_the_detector_reads_an_answer_but_not_a_list_of_codes(items):
    st04 = next(i for i in items if i.item_id == "st04")
    assert ns.unit_leaks(f"For st04 the kit says `{st04.code}`.", [st04]) == ["st04"]
    listed = f"st04 | {' | '.join(st04.allowed)}"
    assert ns.unit_leaks(listed, [st04]) == []


def test_the_guide_lists_exactly_the_marked_sections(sections):
    m = re.search(r"Sections marked \*Shows answers to the coding round\* \((.*?)\)", GUIDE_TEXT, re.DOTALL)
    assert m, "the guide should list the sections that show the round's answers"
    listed = set()
    for part in re.split(r",\s*(?=notebook)", " ".join(m.group(1).split())):
        nb = re.match(r"notebook (\d\d)", part).group(1)
        listed |= {(nb, s) for s in re.findall(r"§(\d+(?:\.\d+)?)", part)}
    marked = {(k, s.number) for k, secs in sections.items() for s in secs if s.reveals_round}
    assert listed == marked


def test_a_stance_round_may_follow_the_speaker_tables_but_not_the_stance_tables(sections):
    """The check knows which task a section gives away and which tasks a round codes."""
    assert sections["01"][2].reveals_tasks == {"speaker_type"}
    stance_round = ns.PlanRow(0, 13, "`05` §3 + 10 min hands-on", "code the 15 stance items")
    assert ns.round_tasks(stance_round) == {"stance"}
    assert ns.round_tasks(ns.PlanRow(0, 28, "`05` §3 + 25 min hands-on", "code all 50 items")) == ns.ALL_TASKS
