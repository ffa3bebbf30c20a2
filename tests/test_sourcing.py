"""Tests of kit.sourcing: the hand-made sourcing tables, the voice counts and the rule-based extractor.

Expected values were counted by hand from data/annotations/attributions.csv and speakers.csv, or
written for small made-up articles.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import helpers
from kit import sourcing

DATA = Path(__file__).resolve().parent.parent / "data"


# ---- the hand-made tables ------------------------------------------------------------------


def test_speakers_gazetteer_loads_with_types_and_variants():
    sp = sourcing.speakers().set_index("speaker_id")
    assert sp.at["sun_xiuwen", "speaker_type"] == "academic_expert"
    assert sp.at["tass", "speaker_type"] == "outlet_relay"
    assert set(sp.speaker_type) <= set(sourcing.SPEAKER_TYPES)
    # variants include the canonical name, longest first
    assert sp.at["zelenskyy", "variant_list"][0] == "Volodymyr Zelenskyy"
    assert "Zelensky" in sp.at["zelenskyy", "variant_list"]


def test_attributions_join_speaker_relay_and_sentence():
    at = sourcing.attributions().set_index("attribution_id")
    r = at.loc["atalayar-2025-05-19-a04"]
    assert (r.speaker_id, r.relay_id, r.relay, r.speaker_country) == ("moscow", "cnn", "CNN", "Russia")
    assert r.sentence.startswith("Furthermore, Moscow made it clear")
    # the headline quotation is not body text
    assert not at.loc["globaltimes-2025-05-14-a01", "in_body"]
    assert at.loc["cgtn-2025-05-14-a05", "in_body"]
    assert set(at.form) <= set(sourcing.FORMS)


def _corpus_with_annotations(tmp_path: Path, speakers_rows: str, attribution_rows: str) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("annotations"))
    (root / "annotations").mkdir()
    header_s = "speaker_id,canonical_name,variants,role,affiliation,country,speaker_type,notes\n"
    header_a = "attribution_id,article_id,span,speaker_id,form,cue,relay_id,relay_cue,notes\n"
    (root / "annotations" / "speakers.csv").write_text(header_s + speakers_rows, encoding="utf-8")
    (root / "annotations" / "attributions.csv").write_text(header_a + attribution_rows, encoding="utf-8")
    return root


_SP = (
    "medinsky,Vladimir Medinsky,Medinsky,aide,,Russia,negotiator,\n"
    "cnn,CNN,CNN,news network,,United States,outlet_relay,\n"
)


def test_unknown_speaker_or_relay_names_the_line(tmp_path):
    rows = (
        "x1,cgtn-2025-05-17,took note,medinsky,partial_quote,said,,,\n"
        "x2,cgtn-2025-05-17,Istanbul negotiations yielded no results,zheleznyak,indirect,said,,,\n"
        "x3,cgtn-2025-05-17,Russia is ready to continue the dialogue,medinsky,indirect,confirmed,tass,,\n"
    )
    root = _corpus_with_annotations(tmp_path, _SP, rows)
    with pytest.raises(helpers.KitDataError) as exc:
        sourcing.attributions(root)
    msg = str(exc.value)
    assert "line 3" in msg and "unknown speaker_id 'zheleznyak'" in msg
    assert "line 4" in msg and "unknown relay_id 'tass'" in msg
    assert "line 2" not in msg


def test_unknown_form_and_speaker_type_are_refused(tmp_path):
    root = _corpus_with_annotations(
        tmp_path, _SP + "x,X,,,,n/a,pundit,\n", "x1,cgtn-2025-05-17,took note,medinsky,quote,said,,,\n"
    )
    with pytest.raises(helpers.KitDataError, match="line 4.*unknown speaker_type 'pundit'"):
        sourcing.speakers(root)
    root2 = _corpus_with_annotations(tmp_path / "b", _SP, "x1,cgtn-2025-05-17,took note,medinsky,quote,said,,,\n")
    with pytest.raises(helpers.KitDataError, match="line 2.*unknown form 'quote'"):
        sourcing.attributions(root2)


def test_missing_tables_raise_not_coded(make_corpus):
    root = make_corpus({"a1": "Someone said something.\n"})
    with pytest.raises(helpers.NotCodedError):
        sourcing.attributions(root)


# ---- counting voices -------------------------------------------------------------------------


def test_voices_by_country_counted_by_hand():
    v = sourcing.voices_by_source(by="speaker_country")
    # cgtn-2025-05-14: Sun Zhuangzhi 11 rows (a01, a05-a14), Putin 2, Zelenskyy 1
    row = v.loc["cgtn-2025-05-14"]
    assert (row["China"], row["Russia"], row["Ukraine"], row["total"]) == (11, 2, 1, 14)
    # athenstimes: Putin 5, Lavrov 1, Moscow 1 = 7 Russian; Kyiv 3 + Zelenskyy 2 = 5 Ukrainian; two joint
    # subjects: "Kyiv, alongside Trump's administration" (a11) and "European allies, along with Americans" (a12)
    row = v.loc["athenstimes-2025-05-15"]
    assert (
        row["Russia"],
        row["Ukraine"],
        row["Ukraine | United States"],
        row["Europe | United States"],
        row["total"],
    ) == (7, 5, 1, 1, 14)


def test_forms_and_relays_by_article():
    f = sourcing.voices_by_source(by="form")
    assert list(f.columns) == ["direct_quote", "partial_quote", "indirect", "total"]
    assert f.loc["cgtn-2025-05-17", "direct_quote"] == 0
    assert f.loc["globaltimes-2025-05-14", "direct_quote"] == 6  # a01, a10, a15, a17, a19, a22
    chains = sourcing.relay_chains()
    assert set(chains.relay) == {
        "TASS",
        "CNN",
        "Xinhua News Agency",
        "The Washington Post",
        "Reuters",
        "Russian diplomatic sources",
    }
    assert "Moscow (the Russian state) → CNN → Atalayar" in set(chains.chain)
    assert "The Washington Post → Global Times" in set(chains.chain)  # the Post is speaker and relay


def test_findings_are_the_checkable_statements():
    f = sourcing.findings().set_index("article_id")
    assert f.index[f.ukraine_direct_quote].tolist() == ["atalayar-2025-05-19"]
    assert f.at["cgtn-2025-05-14", "top_speaker"] == "Sun Zhuangzhi"
    assert f.at["cgtn-2025-05-14", "top_speaker_share"] == round(11 / 14, 2)
    assert not f.at["cgtn-2025-05-17", "any_direct_quote"]
    assert f.at["atalayar-2025-05-19", "russia_direct_quote"]  # Medinsky, once
    assert not f.ordinary_person_quoted.any()
    assert f.at["athenstimes-2025-05-15", "relayed"] == 0
    b = sourcing.sourcing_balance(by="article").set_index("article_id")
    assert b.at["globaltimes-2025-05-14", "Ukraine"] == 0
    # a02, a03, a09-a14, a21 (a01, 'Ukraine and its allies', is a joint speaker: not counted for one side)
    assert b.at["atalayar-2025-05-19", "Ukraine"] == 9 and b.at["atalayar-2025-05-19", "joint speakers"] == 1


def test_plot_voices_draws_one_bar_per_article_in_each_panel():
    import matplotlib.pyplot as plt

    fig = sourcing.plot_voices()
    try:
        ax1, ax2 = fig.axes
        n_art = 5
        # the left panel stacks one bar segment per (article, country) pair
        assert len(ax1.patches) == n_art * len(sourcing.voices_by_source().columns.drop("total"))
        assert len(ax2.patches) == n_art * 3
        widths = {}
        for p in ax2.patches:
            widths[round(p.get_y(), 2)] = widths.get(round(p.get_y(), 2), 0) + p.get_width()
        assert sorted(widths.values()) == sorted(sourcing.voices_by_source(by="form")["total"].tolist())
    finally:
        plt.close(fig)


def test_highlights_group_spans_by_speaker():
    h = sourcing.statement_highlights(None, "atalayar-2025-05-19", with_form=True)
    assert h["Marco Rubio (direct quote)"] == [
        "We came because we were told there could be a direct confrontation between the Russians and the Ukrainians;"
        " that was originally the plan",
        "That was not going to happen, or if it did, it was not at the levels we expected",
    ]
    assert "[A]" in helpers.show_article("atalayar-2025-05-19", highlight=h).data
    by_speaker = sourcing.statement_highlights("atalayar-2025-05-19")
    assert len(by_speaker["Marco Rubio"]) == 3 and len(by_speaker) == 13


# ---- the extractor on made-up articles ---------------------------------------------------------

ARTICLE = (
    "Ukraine’s envoy arrived on Monday. Talks will continue next week, Anna Berg said.\n"
    '"The talks were useful. We will meet again," she said. "Nothing is agreed yet."\n'
    "Maria Lopez, a professor at Example University, told the Example Post that the gap is wide.\n"
    "The ceasefire must hold, said Lopez.\n"
    "The envoys will travel on Monday, Tass reported, citing two diplomats.\n"
    "Karl Ott noted that Russia insists that the talks move on.\n"
    "The minister rejected the proposal and agreed to a prisoner exchange.\n"
    'Direct talks were held in a "constructive" mood.\n'
)


@pytest.fixture
def made_up(make_corpus):
    return make_corpus({"a1": ARTICLE})


def test_extractor_without_gazetteer_gives_names_as_found(made_up):
    ex = sourcing.extract_attributions(made_up)
    got = list(zip(ex.speaker, ex.form))
    assert got == [
        ("Anna Berg", "indirect"),
        ("Anna Berg", "direct_quote"),
        ("Anna Berg", "direct_quote"),
        ("Maria Lopez", "indirect"),
        ("Maria Lopez", "indirect"),
        ("two diplomats", "indirect"),
        ("Karl Ott", "indirect"),
    ]
    assert set(ex.speaker_id) == {""}


def test_extractor_rules_on_made_up_article(made_up):
    ex = sourcing.extract_attributions(made_up)
    # the apostrophe in Ukraine’s opens no quotation; the quotation runs over two sentences
    assert ex.span.iloc[1] == "The talks were useful. We will meet again"
    assert ex.speaker_as_found.iloc[1] == "she"  # pronoun resolved to Anna Berg
    assert ex.rule.iloc[2].startswith("floating quote")
    # surname resolved to the fuller name seen before
    assert ex.speaker_as_found.iloc[4] == "Lopez" and ex.speaker.iloc[4] == "Maria Lopez"
    # a relay with its source
    assert (ex.relay.iloc[5], ex.speaker.iloc[5]) == ("Tass", "two diplomats")
    # 'Russia insists' is nested in Ott's words; 'rejected', 'agreed to a' are acts; "constructive" is a scare quote
    assert "Russia" not in set(ex.speaker)
    assert not ex.sentence.str.contains("rejected|constructive").any()


def test_extractor_uses_the_gazetteer_on_the_kit_corpus():
    ex = sourcing.extract_attributions(articles="globaltimes-2025-05-14")
    peskov = ex[ex.speaker_id == "peskov"]
    assert peskov.form.tolist() == ["direct_quote", "indirect"]
    assert peskov.relay.iloc[0] == "TASS"
    # 'Sun' is Sun Xiuwen in this article, not Sun Zhuangzhi
    assert set(ex[ex.speaker_as_found == "Sun"].speaker_id) == {"sun_xiuwen"}


# ---- evaluation --------------------------------------------------------------------------------


def test_extractor_scores_stay_at_reported_level():
    """Figures reported in notebook 01 (rounded down); held-out = cgtn-2025-05-17, never tuned on.

    Before the rules were split into small functions (same data): all F1 0.981, recall 0.963, speaker accuracy
    0.949; held-out F1 0.938, recall 0.882, speaker accuracy 0.867. They must not drop.
    """
    s = sourcing.evaluate_extractor().scores.set_index("group")
    assert s.at["all", "f1"] >= 0.98 and s.at["all", "precision"] >= 0.99 and s.at["all", "recall"] >= 0.97
    assert s.at["dev", "f1"] >= 0.99
    assert s.at["held_out", "f1"] >= 0.97 and s.at["held_out", "recall"] >= 0.94
    # the rules name one speaker per subject, so the two joint subjects of the Athens Times (a11, a12) count as
    # wrong speakers
    assert s.at["all", "speaker_accuracy"] >= 0.96
    assert s.at["held_out", "speaker_accuracy"] >= 0.93
    assert s.at["all", "gold_sentences"] == 81  # body sentences overlapping a hand-coded statement


def test_evaluation_counts_misses_and_false_hits():
    gold = sourcing.attributions()
    pred = gold[gold.article_id == "cgtn-2025-05-14"].drop(
        index=gold.index[gold.attribution_id == "cgtn-2025-05-14-a04"]
    )
    pred = pred.assign(speaker_id=pred.speaker_id.where(pred.attribution_id != "cgtn-2025-05-14-a12", "putin"))
    ev = sourcing.evaluate_extractor(predicted=pred)
    row = ev.scores.set_index("group").loc["cgtn-2025-05-14"]
    # 15 gold sentences; dropping a04 loses sentence 3; a12's sentence now has a wrong speaker
    assert (row.gold_sentences, row.hits, row.precision) == (15, 14, 1.0)
    assert row.speaker_correct == 13
    errs = ev.errors[ev.errors.article_id == "cgtn-2025-05-14"]
    assert errs[["sent_no", "error"]].values.tolist() == [[3, "miss"], [16, "wrong speaker"]]
    # learners read names, not ids: a12's sentence is Sun's in the table; the prediction keeps Sun for the sentence's
    # other statement and says Putin for a12
    assert errs.iloc[1][["gold_speakers", "predicted_speakers"]].tolist() == [
        "Sun Zhuangzhi",
        "Sun Zhuangzhi, Vladimir Putin",
    ]


# ---- on a corpus of your own (no gazetteer, no attributions) --------------------------------


def test_extracted_profile_summarises_who_speaks_by_the_rules(made_up):
    # counted by hand from the extractor's seven statements above
    p = sourcing.extracted_profile(made_up).iloc[0]
    assert (p.statements, p.speakers, p.direct_quote, p.partial_quote, p.indirect, p.relayed) == (7, 4, 2, 0, 5, 1)
    assert p.top_speakers == "Anna Berg 3, Maria Lopez 2, Karl Ott 1"  # ties by name: Karl before two diplomats


def test_extracted_profile_lists_articles_where_nothing_is_found(make_corpus):
    folder = make_corpus({"a1": "Headline\nThe bridge is closed.\n", "a2": ARTICLE})
    p = sourcing.extracted_profile(folder).set_index("article_id")
    assert p.loc["a1", ["statements", "speakers", "top_speakers"]].tolist() == [0, 0, ""]
    assert p.loc["a2", "statements"] == 7


def test_show_statements_works_with_the_extractor_on_an_uncoded_corpus(made_up):
    view = sourcing.show_statements(made_up, "a1", table=sourcing.extract_attributions(made_up)).data
    assert "[A]</span> Anna Berg" in view and "Maria Lopez" in view
    with pytest.raises(helpers.NotCodedError):
        sourcing.show_statements(made_up, "a1")


def test_hand_coded_steps_become_notices_on_an_uncoded_corpus(made_up):
    statements = helpers.when_coded(sourcing.attributions, made_up)
    assert "Not yet coded for this corpus" in statements.data and "speakers.csv" in statements.data
    for step in (sourcing.sourcing_overview, sourcing.findings, sourcing.evaluate_extractor):
        assert "Not yet coded" in repr(helpers.when_coded(step, made_up))


def test_example_statements_one_of_each_form():
    ex = sourcing.example_statements()
    assert ex.speaker.tolist() == ["Dmitry Peskov", "Heorhii Tykhyi", "Cui Hongjian"]
    assert ex.form.tolist() == ["direct_quote", "partial_quote", "indirect"]
    # on another table: the first statement of each form, in article order
    at = sourcing.attributions()
    other = sourcing.example_statements(table=at.drop(columns="attribution_id"))
    assert other.outlet.tolist() == ["CGTN", "Global Times", "CGTN"]
    assert other.form.tolist() == ["direct_quote", "partial_quote", "indirect"]


def test_findings_and_evaluation_accept_a_table_read_once():
    at = sourcing.attributions()
    assert sourcing.findings(table=at).equals(sourcing.findings())
    assert sourcing.evaluate_extractor(gold=at).scores.equals(sourcing.evaluate_extractor().scores)


# ---- the extractor's rules, one by one -------------------------------------------------------------
#
# Each rule of kit.sourcing.extractor_rules() has sentences it must handle and sentences it must
# leave alone, run through the public extractor on a small corpus without a gazetteer (one article
# per sentence). A check receives the rows found in its article.


def _rows(n=None, **want):
    """A check: exactly ``n`` rows (if given), and some row whose columns contain the wanted values."""

    def check(rows):
        if n is not None and len(rows) != n:
            return False
        if not want:
            return True
        return any(all(v in str(r[k]) for k, v in want.items()) for r in rows.to_dict("records"))

    return check


_NONE = _rows(0)

RULE_CASES = {
    "negated": [
        ("must", "Moscow has not said who will attend the talks.", _NONE),
        ("must", "Anna Berg has yet to say whether she will come.", _NONE),
        ("must not", "Moscow said who will attend the talks.", _rows(1, speaker="Moscow")),
    ],
    "noun_or_adjective": [
        ("must", "The demands include control of the two piers.", _NONE),
        ("must", "The agreed agenda runs to six points.", _NONE),
        ("must", "Castria’s demands have grown since January.", _NONE),
        ("must not", "Castria demands control of the two piers.", _rows(1, speaker="Castria")),
    ],
    "participle_after_preposition": [
        ("must", "After saying goodbye to the hosts, the envoys flew home.", _NONE),
        ("must not", "Anna Berg left early, saying the talks had been useful.", _rows(1, speaker="Anna Berg")),
    ],
    "describe_without_as": [
        ("must", "Anna Berg described the hall in detail.", _NONE),
        ("must not", "Anna Berg described the talks as useful.", _rows(1, span="useful")),
    ],
    "call": [
        ("must", "Anna Berg called Karl Ott on Monday.", _NONE),
        ("must not", "Anna Berg called for a ceasefire.", _rows(1, span="a ceasefire")),
        (
            "must not",
            "The European Commission called on both sides to “keep talking”.",
            _rows(1, speaker="European Commission", form="partial_quote"),
        ),
    ],
    "tell": [
        ("must", "Karl Ott told a long story about the war.", _NONE),
        ("must not", "Karl Ott told reporters that the gap is wide.", _rows(1, speaker="Karl Ott", relay="")),
        ("must not", "Karl Ott told us that the gap is wide.", _rows(1, speaker="Karl Ott", relay="")),
    ],
    "passive": [
        ("must", "The proposal was reported in the morning papers.", _NONE),
        ("must not", "The talks were described by Anna Berg as useful.", _rows(1, speaker="Anna Berg", rule="passive")),
    ],
    "participle_comma": [
        (
            "must",
            "Anna Berg said the talks were useful, adding that a second round was likely.",
            _rows(2, speaker="Anna Berg", rule="participle ', VERBing'"),
        ),
        ("must not", "Anna Berg said the talks were useful.", lambda r: not r.rule.str.contains("participle").any()),
    ],
    "participle_name": [
        (
            "must",
            "The talks ended with Castria insisting that the piers stay closed.",
            _rows(1, speaker="Castria", rule="participle 'X VERBing'"),
        ),
        ("must not", "The talks ended with an insisting tone.", _NONE),
    ],
    "coordinated": [
        (
            "must",
            "Karl Ott met the envoys and stressed that the talks must go on.",
            _rows(1, speaker="Karl Ott", rule="coordinated"),
        ),
        ("must not", "Karl Ott stressed that the talks must go on.", _rows(1, rule="'X VERB'")),
    ],
    "relative": [
        (
            "must",
            "The talks were led by Mira Salo, who said the harbour must reopen first.",
            _rows(1, speaker="Mira Salo", rule="relative"),
        ),
        (
            "must",
            "The offer was confirmed by the Citadel, which said the fishermen could be freed.",
            _rows(1, speaker="Citadel", span="the fishermen could be freed"),
        ),
        ("must not", "The talks were led by Mira Salo, who arrived on Monday.", _NONE),
    ],
    "appositive": [
        (
            "must",
            "Maria Lopez, a professor at Example University, noted that the gap is wide.",
            _rows(1, speaker="Maria Lopez", rule="appositive"),
        ),
        (
            "must",
            "A spokesman for the union, Karel Voss, said the workers had not been asked.",
            _rows(1, speaker="Karel Voss", span="the workers had not been asked"),
        ),
        ("must not", "Maria Lopez noted that the gap is wide.", _rows(1, rule="'X VERB'")),
    ],
    "inverted": [
        ("must", "The ceasefire must hold, said Maria Lopez.", _rows(1, speaker="Maria Lopez", rule="inverted")),
        ("must not", "The ceasefire must hold, Maria Lopez said.", _rows(1, rule="'X VERB'")),
    ],
    "before": [
        ("must", "The Kremlin added that the talks would go on.", _rows(1, speaker="Kremlin", rule="'X VERB'")),
        ("must", "Both sides agreed that the talks would go on.", _rows(1, speaker="Both sides")),
        ("must not", "Afterwards the talks went on.", _NONE),
    ],
    "clause_verb_ok": [
        ("must", "The two sides agreed to meet again on Friday.", _rows(1, speaker="two sides")),
        ("must not", "The two sides agreed a new agenda.", _NONE),
        ("must not", "Castria claims the northern piers.", _NONE),
    ],
    "trailing": [
        (
            "must",
            "The ceasefire must hold, Maria Lopez said on Tuesday.",
            _rows(1, span="The ceasefire must hold", speaker="Maria Lopez"),
        ),
        ("must not", "Maria Lopez said the ceasefire must hold.", _rows(1, span="the ceasefire must hold")),
    ],
    "reported_by_outlet": [
        (
            "must",
            "The talks will resume on Friday, the Example Post reported.",
            _rows(1, speaker="Example Post", relay="Example Post"),
        ),
        ("must not", "The talks will resume on Friday, Karl Ott reported.", _rows(1, speaker="Karl Ott", relay="")),
    ],
    "citing": [
        (
            "must",
            "The envoys will travel on Monday, Tass reported, citing two diplomats.",
            _rows(1, speaker="two diplomats", relay="Tass"),
        ),
        ("must not", "The envoys will travel on Monday, Tass reported.", _rows(1, speaker="Tass")),
    ],
    "told_outlet": [
        (
            "must",
            "A Norvanian official told Reuters that the demands were not a basis for a deal.",
            _rows(1, relay="Reuters", span="the demands were not a basis"),
        ),
        (
            "must not",
            "A Norvanian official told reporters that the demands were not a basis for a deal.",
            _rows(1, relay=""),
        ),
    ],
    "according_cue": [
        (
            "must",
            "According to chief delegate Mira Salo, the harbour will reopen first.",
            _rows(1, speaker="Mira Salo", span="the harbour will reopen first"),
        ),
        (
            "must",
            "According to Karl Ott quoted by CNN, the harbour will reopen first.",
            _rows(1, speaker="Karl Ott", relay="CNN"),
        ),
        ("must not", "According to plan, the harbour will reopen first.", _NONE),
    ],
    "colon_cue": [
        (
            "must",
            "Anna Berg met the envoys.\n\nBerg: “We have made progress on the prisoners.”",
            _rows(1, speaker="Anna Berg", form="direct_quote"),
        ),
        ("must not", "The agenda: “prisoners first, then the harbour”.", _NONE),
    ],
    "skip_dateline": [
        (
            "must",
            "13:30 - Maria Lopez, a professor at Example University, told us the maps were new.",
            _rows(1, speaker="Maria Lopez"),
        ),
        (
            "must",
            "LINDAU, March 2 (Example Wire) - Karl Ott said the talks would go on.",
            _rows(1, speaker="Karl Ott", span="the talks would go on"),
        ),
        ("must not", "13:30 - The talks resumed.", _NONE),
    ],
    "drop_nested": [
        (
            "must",
            "Karl Ott noted that Castria insists that the talks move on.",
            lambda r: len(r) == 1 and r.speaker.iloc[0] == "Karl Ott",
        ),
        ("must not", "Karl Ott noted that the talks move on, and Anna Berg said that they stall.", _rows(2)),
    ],
    "according_in_clause": [
        (
            "must",
            "Moscow made it clear, according to CNN, that it wanted the piers.",
            _rows(1, speaker="Moscow", span="it wanted the piers", relay="CNN"),
        ),
        ("must not", "Moscow made it clear that it wanted the piers.", _rows(1, relay="")),
    ],
    "next_cue_ends_content": [
        (
            "must",
            "Karl Ott said the talks were useful and Anna Berg stressed that they must go on.",
            lambda r: len(r) == 2 and r.span.iloc[0] == "the talks were useful",
        ),
        ("must not", "Karl Ott said the talks were useful and long.", _rows(1, span="the talks were useful and long")),
    ],
    "according_as_relay": [
        (
            "must",
            "According to Russian diplomatic sources, Karl Ott said the meeting was useful.",
            _rows(1, speaker="Karl Ott", relay="Russian diplomatic sources"),
        ),
        (
            "must not",
            "According to Russian diplomatic sources, the meeting was useful.",
            _rows(1, speaker="Russian diplomatic sources"),
        ),
    ],
    "outlet_as_source": [
        ("must", "The two envoys met in secret, the Example Post reported.", _rows(1, speaker="Example Post")),
        ("must not", "“We met in secret,” Karl Ott said, the Example Post reported.", _rows(1, speaker="Karl Ott")),
    ],
    "remember_subject": [
        (
            "must",
            "Foreign Minister Ilse Daren met the delegation. The ministry later said the meeting was frank. "
            "She added that the piers would stay closed.",
            _rows(2, speaker="Ilse Daren"),
        ),
        (
            "must not",
            "The ministry said the meeting was frank. She added that the piers would stay closed.",
            _rows(2, speaker="she (unresolved)"),
        ),
    ],
    "beside_cue": [
        (
            "must",
            "The talks were useful, Karl Ott said on Monday, “a first step” for both sides.",
            _rows(2, form="partial_quote", rule="beside a cued", speaker="Karl Ott"),
        ),
        ("must not", "The talks were “a first step”.", _NONE),
    ],
    "floating": [
        (
            "must",
            "“We will meet again,” Karl Ott said. “Nothing is agreed yet, but we will meet.”",
            _rows(2, rule="floating", speaker="Karl Ott"),
        ),
        ("must not", "“We will meet again,” Karl Ott said. “Soon.”", _rows(1)),
    ],
    "subject_speaker": [
        (
            "must",
            "Karl Ott arrived. Later Karl Ott “took note” of the proposal.",
            _rows(1, speaker="Karl Ott", rule="subject is a speaker"),
        ),
        ("must not", "The weather was “awful” all week.", _NONE),
    ],
    "spread_relay": [
        (
            "must",
            "According to CNN, Karl Ott was angry. Karl Ott said the talks had failed.",
            lambda r: r[r.speaker == "Karl Ott"].relay.tolist() == ["CNN"],
        ),
        (
            "must not",
            "Karl Ott said the talks had failed.\n\nAccording to CNN, the talks went on.",
            lambda r: (r[r.speaker == "Karl Ott"].relay == "").all(),
        ),
    ],
    "drop_duplicates": [
        (
            "must",
            "Mira Salo, who said on Monday that the harbour must reopen first, told reporters on Wednesday "
            "that Norvania was “ready to talk”.",
            lambda r: len(r) == 2 and r.span.is_unique,
        ),
        ("must not", "Karl Ott said the talks were useful. Karl Ott said the talks were useful again.", _rows(2)),
    ],
    "hard_wrapped_lines": [
        (
            "must",
            'Karl Ott told reporters that the first session had been "long\nbut useful" and that the gap was closing.',
            _rows(1, form="partial_quote", span="closing"),
        ),
        ("must not", "Karl Ott said the talks were useful.\nAnna Berg said the talks had failed.", _rows(2)),
    ],
}

_CASES = [(rule, kind, text, check) for rule, cases in RULE_CASES.items() for kind, text, check in cases]


@pytest.fixture(scope="module")
def rule_rows(tmp_path_factory):
    from conftest import write_corpus

    texts = {f"r{i:03d}": "Headline\n\n" + text + "\n" for i, (_, _, text, _) in enumerate(_CASES)}
    meta = [
        {
            "article_id": a,
            "file": f"{a}.txt",
            "outlet": "Example Post",
            "headline": "Headline",
            "published": "2024-03-01",
        }
        for a in texts
    ]
    root = write_corpus(tmp_path_factory.mktemp("rules"), texts, meta)
    ex = sourcing.extract_attributions(root)
    return {f"r{i:03d}": ex[ex.article_id == f"r{i:03d}"] for i in range(len(_CASES))}


@pytest.mark.parametrize(
    "i", range(len(_CASES)), ids=[f"{r}-{k.replace(' ', '_')}-{i}" for i, (r, k, _, _) in enumerate(_CASES)]
)
def test_each_rule_on_sentences_it_must_and_must_not_match(rule_rows, i):
    rule, kind, text, check = _CASES[i]
    rows = rule_rows[f"r{i:03d}"]
    assert check(rows), f"{rule} ({kind}): {text!r} gave\n{rows[['span', 'speaker', 'form', 'relay', 'rule']]}"


def test_every_rule_has_sentences_it_must_and_must_not_match():
    rules = sourcing.extractor_rules()
    assert set(rules.rule) == set(RULE_CASES)
    for rule, cases in RULE_CASES.items():
        assert {k for k, _, _ in cases} == {"must", "must not"}, rule
    assert rules.what.str.len().min() > 20  # every rule says what it does


# ---- wire-style and captured articles (issue 15) --------------------------------------------------

WIRE = Path(__file__).resolve().parent / "fixtures" / "wire-articles"


def test_wire_articles_fixed_failure_kinds():
    ex = sourcing.extract_attributions(WIRE)
    by = {a: t for a, t in ex.groupby("article_id")}
    # 'told Reuters' is a relay; 'the demands' and 'The agreed' are not cues
    hw = by["wire-hardwrap"]
    assert (hw[hw.speaker_id == "norvanian_official"].relay_id == "reuters").all()
    assert not hw.cue.str.contains("demands|agreed").any()
    # 'according to chief delegate NAME' over three wrapped lines
    assert hw[hw.speaker_id == "salo"].span.str.contains("discussed").any()
    # 'the Kremlin added that'-style metonym, 'She added' resolved to the minister, not the ministry
    portal = by["capture-portal"].set_index("speaker_id")
    assert "citadel" in portal.index and "daren" in portal.index
    assert not by["capture-portal"].speaker_as_found.eq("Castria’s").any()
    # 'NAME, who said' and one row per statement
    relay = by["wire-relay"]
    assert relay.span.is_unique and len(relay[relay.speaker_id == "salo"]) == 2
    # the live blog's time stamps, 'told us' (no relay) and the colon cue
    blog = by["capture-liveblog"].set_index("speaker_id")
    assert "reuven" in blog.index and "salo" in blog.index
    assert (by["capture-liveblog"].relay_id.isin(["", "cna"])).all()


def test_wire_articles_scored_against_their_gold_table():
    """Figures on the invented wire articles; wire-heldout was never used to change a rule."""
    s = sourcing.evaluate_extractor(WIRE).scores.set_index("group")
    assert s.at["dev", "recall"] >= 0.95 and s.at["dev", "precision"] >= 0.95
    assert s.at["held_out", "f1"] >= 0.9
    assert s.at["all", "gold_statements"] == 47  # rows of the gold table


def test_evaluation_scores_only_coded_articles(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(DATA, root)
    (root / "articles" / "extra-2025-05-20.txt").write_text(
        "Headline\n\nKarl Ott said the talks had failed. Anna Berg said they would resume.\n", encoding="utf-8"
    )
    with open(root / "articles.csv", "a", encoding="utf-8") as f:
        f.write("extra-2025-05-20,extra-2025-05-20.txt,,Example Post,Headline,2025-05-20" + "," * 7 + "\n")
    (root / "articles.sha256").unlink(missing_ok=True)
    ev = sourcing.evaluate_extractor(root)
    assert ev.skipped == ["extra-2025-05-20"] and "extra-2025-05-20" in ev.note
    s = ev.scores.set_index("group")
    assert "extra-2025-05-20" not in s.index
    assert s.at["all", "articles"] == 5 and s.at["all", "precision"] >= 0.99


def test_relay_chains_without_any_relay(tmp_path):
    rows = (
        "x1,cgtn-2025-05-17,took note,medinsky,partial_quote,said,,,\n"
        "x2,cgtn-2025-05-17,Russia is ready to continue the dialogue,medinsky,indirect,confirmed,,,\n"
    )
    root = _corpus_with_annotations(tmp_path, _SP, rows)
    chains = sourcing.relay_chains(root)
    assert len(chains) == 0 and "chain" in chains.columns
    assert sourcing.findings(root).relayed.sum() == 0


# ---- sourcing balance, the same measure for every outlet (issue 12) --------------------------------


def test_sourcing_balance_counts_sides_for_every_outlet():
    import csv

    b = sourcing.sourcing_balance().set_index("outlet")
    assert list(b.index) == ["CGTN", "Global Times", "Athens Times", "Atalayar"]
    # recount from the raw files: each statement by its speaker's first country
    with open(DATA / "annotations" / "speakers.csv", encoding="utf-8") as f:
        country = {r["speaker_id"]: r["country"] for r in csv.DictReader(f)}
    with open(DATA / "articles.csv", encoding="utf-8") as f:
        outlet = {r["article_id"]: r["outlet"] for r in csv.DictReader(f)}
    counts: dict = {}
    with open(DATA / "annotations" / "attributions.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = (outlet[r["article_id"]], country[r["speaker_id"]])
            counts[key] = counts.get(key, 0) + 1
    for o in b.index:
        assert b.at[o, "Russia"] == counts.get((o, "Russia"), 0)
        assert b.at[o, "Ukraine"] == counts.get((o, "Ukraine"), 0)
        assert b.at[o, "statements"] == sum(v for (oo, _), v in counts.items() if oo == o)
        assert b.at[o, "joint speakers"] == sum(v for (oo, c), v in counts.items() if oo == o and " | " in c)
        assert b.at[o, "summary"].startswith(f"{o} (")  # one sentence per outlet, same template
    assert b.at["CGTN", "articles"] == 2


def test_sourcing_balance_sentence_follows_the_numbers(tmp_path):
    rows = (
        "x1,cgtn-2025-05-17,took note,medinsky,partial_quote,said,,,\n"
        "x2,cgtn-2025-05-17,Russia is ready to continue the dialogue,medinsky,indirect,confirmed,,,\n"
    )
    root = _corpus_with_annotations(tmp_path, _SP, rows)
    (root / "sourcing_settings.csv").write_text(
        "setting,value,applies_to,note\nside,Russia,,\nside,Ukraine,,\n", encoding="utf-8"
    )
    b = sourcing.sourcing_balance(root, by="article").set_index("article_id")
    s = b.at["cgtn-2025-05-17", "summary"]
    assert s == (
        "cgtn-2025-05-17 (1 article, 2 statements): Russia 2 (100%); no statement from Ukraine. "
        "Most statements come from Russia (100%)."
    )
    assert b.at["atalayar-2025-05-19", "summary"].endswith("no attributed statement.")


def test_bad_settings_row_names_file_line_and_fix(tmp_path):
    root = _corpus_with_annotations(tmp_path, _SP, "")
    (root / "sourcing_settings.csv").write_text(
        "setting,value,applies_to,note\nheld_out,no-such-article,,\nfavourite,x,,\n", encoding="utf-8"
    )
    with pytest.raises(helpers.KitDataError) as exc:
        sourcing.sourcing_settings(root)
    msg = str(exc.value)
    assert "sourcing_settings.csv" in msg and "line 2" in msg and "no-such-article" in msg
    assert "line 3" in msg and "unknown setting 'favourite'" in msg
