"""The framing layer: lexicon, Entman elements, generic frames, foreground/absences, distinctive vocabulary.

The statistics are tested against small examples worked out by hand in the comments (natural logs).
"""

from __future__ import annotations

import re

import csv
import math
import shutil
from collections import Counter

import pytest

import helpers
import kit.framing
from helpers import KitDataError

from conftest import DATA


@pytest.fixture
def corpus_copy(tmp_path):
    """A copy of the kit's data folder that a test may change."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    return dest


def _append_row(path, row: dict) -> int:
    """Append a row to a CSV file; return its line number."""
    text = path.read_text(encoding="utf-8")
    header = next(csv.reader([text.split("\n", 1)[0]]))
    with open(path, "a", encoding="utf-8", newline="") as f:
        if not text.endswith("\n"):
            f.write("\n")
        csv.DictWriter(f, fieldnames=header).writerow(row)
    return len(text.rstrip("\n").split("\n")) + 1


# --------------------------------------------------------------------------------------------
# Keyness (Dunning's G²) against hand-computed values
# --------------------------------------------------------------------------------------------


def test_g2_two_by_two_by_hand():
    # a = 10, b = 2 in corpora of c = d = 100 tokens.
    # E1 = c(a+b)/(c+d) = 100*12/200 = 6;  E2 = 6.
    # G² = 2[10 ln(10/6) + 2 ln(2/6)] = 2[10*0.510826 - 2*1.098612] = 2[5.108256 - 2.197225] = 5.822063
    # Log Ratio = log2((10/100)/(2/100)) = log2(5) = 2.321928
    k = helpers.keyness(counts=(Counter(w=10, x=90), Counter(w=2, x=98)), min_count=1).set_index("word")
    assert k.loc["w", "expected_a"] == pytest.approx(6.0)
    assert k.loc["w", "expected_b"] == pytest.approx(6.0)
    assert k.loc["w", "g2"] == pytest.approx(2 * (10 * math.log(10 / 6) + 2 * math.log(2 / 6)))
    assert k.loc["w", "g2"] == pytest.approx(5.822063, abs=1e-6)
    assert k.loc["w", "log_ratio"] == pytest.approx(2.321928, abs=1e-6)
    assert k.loc["w", "significance"] == "p < .05"  # 3.84 < 5.82 < 6.63
    assert k.loc["w", "more_in"] == "A"


def test_g2_zero_count_contributes_nothing_and_log_ratio_uses_half():
    # a = 5, b = 0, c = 50, d = 150.  E1 = 50*5/200 = 1.25.
    # G² = 2[5 ln(5/1.25) + 0] = 10 ln 4 = 13.862944   (passes 10.83, not 15.13)
    # Log Ratio = log2((5/50)/(0.5/150)) = log2(0.1/0.003333) = log2(30) = 4.906891
    ya, yb = Counter(w=5, x=45), Counter(x=150)
    k = helpers.keyness(counts=(ya, yb), min_count=1).set_index("word")
    assert k.loc["w", "g2"] == pytest.approx(10 * math.log(4))
    assert k.loc["w", "log_ratio"] == pytest.approx(math.log2(30))
    assert k.loc["w", "significance"] == "p < .001"
    # x: a = 45, b = 150 -> relatively more frequent in B (0.9 vs 1.0), a negative Log Ratio
    assert k.loc["x", "more_in"] == "B" and k.loc["x", "log_ratio"] < 0


def test_keyness_thresholds_and_min_count():
    # a = 20, b = 0, c = d = 100 (20 + 79 + 1 and 100): E1 = 100*20/200 = 10, G² = 2*20*ln 2 = 27.73
    # -> the strictest band
    k = helpers.keyness(counts=(Counter(w=20, x=79, rare=1), Counter(x=100)), min_count=2)
    assert "rare" not in set(k.word)  # a + b = 1 < 2
    assert k.iloc[0].word == "w" and k.iloc[0].significance == "p < .0001"
    assert k.iloc[0].g2 == pytest.approx(40 * math.log(2))


# --------------------------------------------------------------------------------------------
# Fightin' Words against hand-computed values
# --------------------------------------------------------------------------------------------


def test_fightin_words_symmetric_example_by_hand():
    # A = {x: 3, y: 1} (n_i = 4), B = {x: 1, y: 3} (n_j = 4), alpha0 = 4.
    # pooled share of x: pi = 4/8 = 0.5, so alpha_x = 2.
    # delta_x = ln[(3+2)/(4+4-3-2)] - ln[(1+2)/(4+4-1-2)] = ln(5/3) - ln(3/5) = 2 ln(5/3) = 1.021651
    # Var = 1/(3+2) + 1/(1+2) = 0.2 + 0.333333 = 0.533333;  sqrt = 0.730297;  z = 1.021651 / 0.730297 = 1.398954
    fw = helpers.fightin_words(counts=(Counter(x=3, y=1), Counter(x=1, y=3)), alpha0=4, min_count=1)
    row = fw.set_index("word").loc["x"]
    assert row.alpha_w == pytest.approx(2.0)
    assert row.delta == pytest.approx(2 * math.log(5 / 3))
    assert row["var"] == pytest.approx(1 / 5 + 1 / 3)
    assert row.z == pytest.approx(1.398954, abs=1e-6)
    assert fw.word.tolist() == ["x", "y"]  # sorted from most typical of A to most typical of B
    assert fw.set_index("word").loc["y", "z"] == pytest.approx(-1.398954, abs=1e-6)


def test_fightin_words_small_corpus_terms_by_hand():
    # Same example with the two extra variance terms: 1/(4+4-3-2) + 1/(4+4-1-2) = 1/3 + 1/5.
    # Var = 0.533333 + 0.533333 = 1.066667;  z = 1.021651 / 1.032796 = 0.989209
    fw = helpers.fightin_words(counts=(Counter(x=3, y=1), Counter(x=1, y=3)), alpha0=4, min_count=1, small_corpus=True)
    assert fw.set_index("word").loc["x", "z"] == pytest.approx(0.989209, abs=1e-6)


def test_fightin_words_unequal_groups_by_hand():
    # A = {w: 2, v: 8} (n_i = 10), B = {w: 1, v: 19} (n_j = 20), alpha0 = 30.
    # pi_w = 3/30 = 0.1 -> alpha_w = 3.
    # delta = ln[(2+3)/(10+30-2-3)] - ln[(1+3)/(20+30-1-3)] = ln(5/35) - ln(4/46)
    #       = -1.945910 + 2.442347 = 0.496437
    # Var = 1/5 + 1/4 = 0.45;  z = 0.496437 / 0.670820 = 0.740045
    fw = helpers.fightin_words(counts=(Counter(w=2, v=8), Counter(w=1, v=19)), alpha0=30, min_count=1)
    w = fw.set_index("word").loc["w"]
    assert w.delta == pytest.approx(math.log(5 / 35) - math.log(4 / 46))
    assert w.z == pytest.approx(0.740045, abs=1e-6)


def test_groups_are_checked():
    with pytest.raises(ValueError, match="both groups"):
        helpers.fightin_words(None, ["cgtn-2025-05-14"], ["cgtn-2025-05-14", "cgtn-2025-05-17"])
    with pytest.raises(ValueError, match="unknown article_id"):
        helpers.keyness(None, "no-such-article")


# --------------------------------------------------------------------------------------------
# Distinctive vocabulary on the real articles: the honest warning holds
# --------------------------------------------------------------------------------------------


def test_token_counts_read_body_sentences_only():
    c = helpers.token_counts(None, "cgtn-2025-05-14")
    # counted by hand in the article: 'ceasefire' six times; 'Sun' four times; the caption's
    # 'Leopard' tank is not body text.
    assert c["ceasefire"] == 6 and c["sun"] == 4 and c["leopard"] == 0
    assert sum(c.values()) == helpers.load_articles().set_index("article_id").loc["cgtn-2025-05-14", "word_count"]
    assert "the" not in helpers.token_counts(None, "cgtn-2025-05-14", stop_words=helpers.STOP_WORDS)


def test_nothing_reaches_the_strict_threshold_on_these_articles():
    chk = helpers.distinctiveness_check()
    assert len(chk) == 6  # five one-vs-rest comparisons and Chinese outlets vs the others
    assert (chk.max_g2 < 15.13).all()
    assert (chk.max_abs_z < 3).all()
    # Bonferroni for ~141 words tested: G² would need to pass about 12.76 (chi-square, 1 df, p = .05/141)
    assert (chk.max_g2 < 12.76).all()
    chinese = chk[chk.comparison == "China (country) vs the others"].iloc[0]
    assert chinese.tokens_a > chinese.tokens_b > 0


def test_chinese_group_contrast_words():
    arts = helpers.load_articles()
    chinese = list(arts.loc[arts.country == "China", "article_id"])
    assert len(chinese) == 3
    k = helpers.keyness(None, chinese, stop_words=helpers.STOP_WORDS).set_index("word")
    # 'unacceptable' occurs only in Atalayar (five times in all, four in body sentences, one in the standfirst)
    assert (k.loc["unacceptable", "count_a"], k.loc["unacceptable", "count_b"]) == (0, 4)
    assert k.loc["unacceptable", "more_in"] == "B"


# --------------------------------------------------------------------------------------------
# The lexicon
# --------------------------------------------------------------------------------------------


def test_term_counts_match_kwic_and_hand_counts():
    tc = helpers.term_counts()
    for concept in ["capital_name", "war_name", "annexation"]:
        k = helpers.lexicon_kwic(None, concept)
        for variant, n in tc[tc.concept == concept].groupby("variant", sort=False)["count"].sum().items():
            assert n == int((k.variant == variant).sum()), variant
    counts = tc.set_index(["article_id", "variant"])["count"]
    # read in the articles: Atalayar writes 'Kiev' twice (standfirst and body) and 'Kyiv' once,
    # 'unacceptable' five times; the Athens Times 'invasion'/'invading' three times.
    assert counts[("atalayar-2025-05-19", "Kiev")] == 2
    assert counts[("atalayar-2025-05-19", "Kyiv")] == 1
    assert counts[("atalayar-2025-05-19", "unacceptable")] == 5
    assert counts[("athenstimes-2025-05-15", "invasion / invade")] == 3
    # Putin and Medinsky are not counted as 'Vladimir' Zelensky
    assert counts[("cgtn-2025-05-14", "Vladimir (first name, before Zelensky)")] == 0
    assert counts[("globaltimes-2025-05-14", "Vladimir (first name, before Zelensky)")] == 1


def test_term_table_is_the_wide_form():
    wide = helpers.term_table(used_only=False)
    long = helpers.term_counts()
    assert len(wide) == len(helpers.lexicon())
    assert int(wide.drop(columns=["concept", "variant"]).to_numpy().sum()) == int(long["count"].sum())
    assert "Zelenskiy (surname)" not in set(helpers.term_table().variant)  # used by no article


def test_bad_regex_names_the_line(corpus_copy):
    line = _append_row(
        corpus_copy / "annotations" / "lexicon.csv",
        {
            "concept": "broken",
            "variant": "x",
            "pattern": "(unclosed",
            "case_sensitive": "false",
            "signals": "test",
            "source": "",
        },
    )
    with pytest.raises(KitDataError, match=rf"lexicon\.csv, line {line}: the pattern '\(unclosed' is not a valid"):
        helpers.lexicon(corpus_copy)


def test_bad_case_flag_is_rejected(corpus_copy):
    _append_row(
        corpus_copy / "annotations" / "lexicon.csv",
        {"concept": "x", "variant": "x", "pattern": "x", "case_sensitive": "yes", "signals": "t", "source": ""},
    )
    with pytest.raises(KitDataError, match="unknown case_sensitive 'yes'"):
        helpers.lexicon(corpus_copy)


def test_word_choices_and_chart():
    wc = helpers.word_choices(None, "athenstimes-2025-05-15")
    assert {"maximalist", "thriller", "invasion / invade"} <= set(wc.variant)
    assert (wc["count"] > 0).all()
    fig = helpers.plot_term_choices(concepts=["capital_name"])
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Kyiv", "Kiev"]


# --------------------------------------------------------------------------------------------
# Entman, generic frames
# --------------------------------------------------------------------------------------------


def test_every_article_has_the_four_elements_with_evidence():
    fe = helpers.framing_elements()
    text = {a: helpers.article_text(a) for a in fe.article_id.unique()}
    assert set(fe.article_id) == set(helpers.load_articles().article_id)
    for aid, grp in fe.groupby("article_id"):
        assert list(dict.fromkeys(grp.element)) == list(helpers.ELEMENTS), aid
    for r in fe.itertuples():
        assert text[r.article_id][r.start : r.end] == r.span


def test_show_framing_tags_table_and_text_alike():
    view = helpers.show_framing(None, "atalayar-2025-05-19").data
    table = helpers.framing_table(None, "atalayar-2025-05-19")
    assert table.tag.tolist() == ["[A]", "[B]", "[C]", "[D]"]
    assert "[A]</span> problem definition" in view and "[D]</span> treatment recommendation" in view
    # the text is escaped: the apostrophe of "Keir Starmer called the Russian position ‘clearly…’" stays
    # a curly quote, and straight apostrophes are escaped
    assert "day&#x27;s talks" in view and "day's talks" not in view


def test_inconsistent_element_summary_is_caught(corpus_copy):
    line = _append_row(
        corpus_copy / "annotations" / "framing_elements.csv",
        {
            "article_id": "cgtn-2025-05-17",
            "element": "problem_definition",
            "summary": "A different summary",
            "span": "took note",
            "notes": "",
        },
    )
    with pytest.raises(KitDataError, match=rf"line {line}: the summary of problem_definition"):
        helpers.framing_elements(corpus_copy)


def test_frame_scores_by_hand():
    fs = helpers.frame_scores().set_index("article_id")
    # cgtn-2025-05-14, read in generic_frames.csv: conf1 yes, conf2 no, conf3 yes, conf4 no -> 2/4 = 0.5;
    # resp1 yes, resp2 yes, resp3 yes, resp4 no, resp5 yes (Ukraine's call for an unconditional ceasefire) -> 4/5 = 0.8;
    # every hum item no -> 0.
    assert fs.loc["cgtn-2025-05-14", "conflict"] == 0.5
    assert fs.loc["cgtn-2025-05-14", "responsibility"] == 0.8
    assert (fs["human_interest"] == 0).all()
    assert fs.loc["globaltimes-2025-05-14", "morality"] == pytest.approx(0.33)  # mor1 yes of 3


def test_yes_without_span_is_caught(corpus_copy):
    path = corpus_copy / "annotations" / "generic_frames.csv"
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    rows[0]["span"] = ""  # cgtn-2025-05-14 resp1, a 'yes'
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(KitDataError, match="line 2: a 'yes' answer without an evidence span"):
        helpers.generic_frames(corpus_copy)


# --------------------------------------------------------------------------------------------
# Foreground and absences
# --------------------------------------------------------------------------------------------


def test_absences_hold_on_the_real_data():
    ab = helpers.check_absences()
    assert len(ab) > 40 and (ab["count"] == 0).all()
    # the contrast article does say it: 'ultimatum' is in the Global Times, 'Xinhua' three times there
    row = ab[(ab.article_id == "cgtn-2025-05-17") & (ab.term == "Xinhua")].iloc[0]
    assert (row.contrast_article_id, row.contrast_count) == ("globaltimes-2025-05-14", 3)
    # the checklist's contrast span for "names a news agency": "... according to the Washington Post." (¶6, read
    # in the Global Times text; the leaves-out rows are derived from the coverage checklist since issue 12)
    assert row.contrast_para_no == 6


def test_a_term_that_occurs_fails_the_check(corpus_copy):
    line = _append_row(
        corpus_copy / "annotations" / "foreground.csv",
        {
            "article_id": "athenstimes-2025-05-15",
            "kind": "leaves_out",
            "point": "planted",
            "span": "",
            "absence_terms": "Crimea | Beijing",
            "contrast_article_id": "",
            "contrast_span": "",
            "notes": "",
        },
    )
    with pytest.raises(KitDataError, match=rf"line {line}: the absence term 'Crimea' occurs 2 time"):
        helpers.check_absences(corpus_copy)


def test_foreground_rows_are_checked(corpus_copy):
    line = _append_row(
        corpus_copy / "annotations" / "foreground.csv",
        {
            "article_id": "athenstimes-2025-05-15",
            "kind": "foregrounds",
            "point": "no span",
            "span": "",
            "absence_terms": "",
            "contrast_article_id": "",
            "contrast_span": "",
            "notes": "",
        },
    )
    with pytest.raises(KitDataError, match=rf"line {line}: a foregrounds row without an evidence span"):
        helpers.foreground(corpus_copy)


def test_outlet_profile_is_escaped_and_complete():
    view = helpers.outlet_profile(None, "cgtn-2025-05-14").data
    assert "Expert: Russia and Ukraine locked in deep rift over core demands" in view  # headline from articles.csv
    assert "Putin&#x27;s" in view and "Putin's" not in view
    assert "Common checklist" in view and "absent: ultimatum" not in view  # no per-article omission lists


def test_framing_summary_has_one_row_per_article():
    s = helpers.framing_summary()
    assert len(s) == 5 and "leaves out" not in s.columns  # no per-outlet count of omissions
    assert s.set_index("article").loc["Atalayar, 19 May", "capital"] == "Kyiv 1, Kiev 2"


def test_a_corpus_without_annotations(make_corpus):
    """A teacher's own articles: word statistics work, the hand-coded layers say 'not coded'."""
    base = make_corpus(
        {
            "a": "Talks in Kiev.\nThe war goes on, officials said. The war is long.\n",
            "b": "Talks in Kyiv.\nThe conflict goes on, officials said. Peace is far.\n",
        }
    )
    # body paragraphs only (the first line of each is body too: no headline in the text)
    k = helpers.keyness(base, "a", min_count=1).set_index("word")
    assert (k.loc["war", "count_a"], k.loc["war", "count_b"]) == (2, 0)
    with pytest.raises(helpers.NotCodedError):
        kit.framing.lexicon(base)
    view = helpers.outlet_profile(base, "a").data
    # foreground and checklist are hand-coded; word choices use the kit's lexicon (none occurs here)
    assert view.count("not yet coded for this corpus") == 2 and "Distinctive words" in view


# ---- a corpus of your own: the lexicon falls back, groups may be missing ----------------------


def test_the_kit_lexicon_is_used_when_a_corpus_has_none(make_corpus):
    base = make_corpus(
        {
            "a": "Talks in Kiev.\nThe war goes on, officials said. The war is long.\n",
            "b": "Talks in Kyiv.\nThe conflict goes on, officials said. Peace is far.\n",
        }
    )
    lex = helpers.lexicon(base, fallback=True)
    assert lex.equals(helpers.lexicon())  # the kit's own rows
    # counted by hand: "Kiev" once in a, "Kyiv" once in b
    t = helpers.term_table(base, concept="capital_name", lex=lex).set_index("variant").drop(columns="concept")
    assert t.loc["Kyiv"].tolist() == [0, 1] and t.loc["Kiev"].tolist() == [1, 0]
    assert "The kit's own lexicon is used" in helpers.lexicon_note(base).data
    # a corpus with a lexicon of its own keeps it, and a broken one still raises
    (base / "annotations").mkdir()
    (base / "annotations" / "lexicon.csv").write_text(
        "concept,variant,pattern,case_sensitive,signals,source\ncity,Kyiv,\\bKyiv\\b,true,Ukrainian spelling,\n",
        encoding="utf-8",
    )
    assert helpers.lexicon(base, fallback=True).variant.tolist() == ["Kyiv"]
    assert helpers.lexicon_note(base) is None
    (base / "annotations" / "lexicon.csv").write_text(
        "concept,variant,pattern,case_sensitive,signals,source\ncity,Kyiv,(unclosed,true,x,\n", encoding="utf-8"
    )
    with pytest.raises(KitDataError, match="not a valid regular expression"):
        helpers.lexicon(base, fallback=True)


def test_term_chart_says_so_when_no_variant_occurs(make_corpus):
    base = make_corpus({"a": "The bridge is closed.\n", "b": "The council met.\n"})
    fig = helpers.plot_term_choices(base, lex=helpers.lexicon(base, fallback=True))
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["No variant of the lexicon occurs in these articles."]


def test_group_keyness_without_groups_explains_instead_of_failing(make_corpus):
    base = make_corpus({"a": "The bridge is closed.\n", "b": "The council met.\n"})
    note = helpers.group_keyness(base, "country", "China").data
    assert "nothing to compare" in note and "no such column" not in note and "a, b" in note
    # on the kit's corpus: the same rows as keyness() on the three Chinese articles
    chinese = ["cgtn-2025-05-14", "globaltimes-2025-05-14", "cgtn-2025-05-17"]
    top = helpers.keyness(None, chinese, stop_words=helpers.STOP_WORDS).head(3)
    table = helpers.group_keyness(top=3).data
    assert all(f">{w}<" in table for w in top.word)
    assert "every article has" in helpers.group_keyness(base, "outlet", "Example Post").data


def test_show_absences_one_row_per_statement_with_its_words():
    ab = helpers.check_absences()
    mine = ab[ab.article_id == "athenstimes-2025-05-15"]
    view = helpers.show_absences(None, "athenstimes-2025-05-15").data
    # the sentence counts statements and words over the corpus; the table has one row per statement
    n_claims = len(ab.drop_duplicates(["article_id", "point"]))
    assert f"{n_claims} statements that an article leaves something out" in view
    assert f"{len(ab)} words in all, none found in its article" in view
    assert view.count("<tr>") == 1 + mine.point.nunique()
    # each row says how many words it searched, so the rows add up to the total of the sentence
    every = helpers.show_absences().data
    counts = [
        int(c.split(":")[0])
        for c in re.split(r"<td style='text-align:left;vertical-align:top[^']*'>", every)
        if c.split(":")[0].isdigit()
    ]
    assert sum(counts) == len(ab)
    assert "athenstimes-2025-05-15" not in view  # names, not ids


def test_framing_summary_as_html_and_uncoded_notice(make_corpus):
    assert "Kyiv 1, Kiev 2" in helpers.framing_summary(as_html=True).data
    base = make_corpus({"a": "The bridge is closed.\n", "b": "The council met.\n"})
    note = helpers.when_coded(helpers.framing_summary, base, lex=helpers.lexicon(base, fallback=True))
    assert "framing_elements.csv" in note.data


def test_coverage_checklist_asks_every_article_the_same_questions():
    c = helpers.coverage_checklist().set_index("article")
    assert list(c.columns[1:]) == list(helpers.checklist_questions().question) and len(c) == 5
    assert c["written"].tolist() == ["before the talks"] * 3 + ["after the talks"] * 2
    # hand-checked in the texts: the Athens Times names the ultimatum in its single body paragraph
    assert (
        c.loc["Athens Times, 15 May", "mentions the European leaders' ceasefire-or-sanctions demand of 10 May"]
        == "yes (¶1)"
    )
    assert c.loc["CGTN, 17 May", "mentions NATO"] == "no"
    assert c.loc["CGTN, 14 May", "mentions Putin's call for talks without preconditions"].startswith("yes")
    # only the Global Times (Peskov, via Tass) and Atalayar (Medinsky) quote a Russian official in full
    russian = c["quotes a Russian official directly"]
    assert russian[russian != "no"].to_dict() == {
        "Global Times, 14 May": "yes (Dmitry Peskov)",
        "Atalayar, 19 May": "yes (Vladimir Medinsky)",
    }


def test_distinctive_words_say_which_way_and_show_no_p_values():
    dw = helpers.distinctive_words(None, "atalayar-2025-05-19", top=3)
    assert not any("p" == c or "significance" in c or "uncorrected" in c for c in dw.columns)
    assert set(dw.leans_towards) == {"Atalayar, 19 May"}
    # the rates are the counts over the article's and the others' content words, counted separately
    here = sum(helpers.token_counts(None, "atalayar-2025-05-19", stop_words=helpers.STOP_WORDS).values())
    rest_ids = [a for a in helpers.load_articles().article_id if a != "atalayar-2025-05-19"]
    rest = sum(helpers.token_counts(None, rest_ids, stop_words=helpers.STOP_WORDS).values())
    top = dw.iloc[0]
    assert top.per_1000_a == round(1000 * top.count_a / here, 1)
    assert top.per_1000_b == round(1000 * top.count_b / rest, 1)
    assert top.per_1000_a > top.per_1000_b
    view = helpers.show_distinctive_words(top=2).data
    assert "used more" in view and "p &lt;" not in view and "atalayar-2025-05-19" not in view


def test_distinctive_words_match_fightin_words_one_article_at_a_time():
    """The linear version gives the same z and G² as comparing each article with the rest separately."""
    dw = helpers.distinctive_words(top=3)
    for aid, grp in dw.groupby("article_id"):
        fw = helpers.fightin_words(None, aid, stop_words=helpers.STOP_WORDS).set_index("word")
        kn = helpers.keyness(None, aid, stop_words=helpers.STOP_WORDS).set_index("word")
        assert grp.word.tolist() == fw[fw.z > 0].head(3).index.tolist()
        for r in grp.itertuples():
            assert r.z == round(fw.loc[r.word, "z"], 2) and r.g2 == round(kn.loc[r.word, "g2"], 2)


# ---- lexicon false hits (issue 15) ---------------------------------------------------------


def test_lexicon_false_hits_are_not_counted(make_corpus):
    rows = [
        {
            "article_id": aid,
            "file": f"{aid}.txt",
            "outlet": outlet,
            "headline": f"Headline {aid}",
            "published": f"2024-03-0{i + 1}",
        }
        for i, (aid, outlet) in enumerate([("a", "Kyiv Independent"), ("b", "Example Post")])
    ]
    base = make_corpus(
        {
            # each false hit beside a true one of the same variant
            "a": "The Kyiv Independent reported the talks.\nMoscow called the plan non-constructive. "
            "Russia illegally declared the annexation of four regions. Kyiv said no.\n",
            "b": "The talks were constructive.\nRussia annexed Crimea. It tried to illegally annex more.\n",
        },
        rows=rows,
    )
    tc = helpers.term_counts(base, lex=helpers.lexicon()).set_index(["article_id", "variant"])["count"]
    assert tc[("a", "constructive")] == 0 and tc[("b", "constructive")] == 1
    # counted once, as qualified: 'illegally' qualifies the annexation from two words away
    assert tc[("a", "annex (unqualified)")] == 0 and tc[("a", "illegal(ly) annex")] == 1
    assert tc[("b", "annex (unqualified)")] == 1 and tc[("b", "illegal(ly) annex")] == 1
    # the outlet's own name is not a spelling of the capital; the capital in the text is
    assert tc[("a", "Kyiv")] == 1
    k = helpers.lexicon_kwic(base, "annexation", lex=helpers.lexicon())
    assert k[k.article_id == "a"].match.tolist() == ["illegally declared the annexation"]


def test_a_qualifier_in_another_clause_does_not_count(make_corpus):
    base = make_corpus({"a": "Troops crossed illegally, and Russia annexed the region.\n"})
    tc = helpers.term_counts(base, concept="annexation", lex=helpers.lexicon()).set_index("variant")["count"]
    assert (tc["annex (unqualified)"], tc["illegal(ly) annex"]) == (1, 0)


def test_lexicon_rules_change_nothing_on_the_kits_articles():
    """Hand-read counts in the kit's five articles stay as they were (no false hit among them)."""
    tc = helpers.term_counts().set_index(["article_id", "variant"])["count"]
    assert tc[("cgtn-2025-05-14", "constructive")] == 1 and tc[("globaltimes-2025-05-14", "constructive")] == 1
    assert tc[("athenstimes-2025-05-15", "annex (unqualified)")] == 1
    assert tc[("atalayar-2025-05-19", "illegal(ly) annex")] == 1


def test_an_example_about_another_corpus_shows_a_note(make_corpus):
    """Notebook cells name the kit's articles; on a corpus of your own they show a note, not an error."""
    base = make_corpus({"a": "The bridge is closed.\n", "b": "The council met.\n"})
    for fn in (helpers.outlet_profile, helpers.show_framing):
        note = fn(base, "cgtn-2025-05-14").data
        assert "Not in the corpus in use" in note and "(corpus, &quot;a&quot;)" in note
        assert "cgtn-2025-05-14" not in note
    # a function that returns a table says which articles there are
    with pytest.raises(KitDataError, match="no article 'nope'.*use one of: a, b"):
        helpers.word_choices(base, "nope")


def _texts(fig):
    return [
        t for t in fig.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text")) if t.get_text().strip()
    ]


@pytest.mark.parametrize(
    "draw",
    [
        lambda c: helpers.plot_term_choices(c, variants="several"),
        lambda c: helpers.plot_term_choices(c, variants="one"),
        lambda c: helpers.plot_frame_scores(c),
    ],
    ids=["terms-several", "terms-one", "frames"],
)
def test_charts_fit_a_projector(draw):
    """576 pixels wide, no text under 11 points, and nothing drawn outside the figure."""
    fig = draw(helpers.open_corpus())
    assert fig.get_size_inches()[0] * fig.dpi == 576
    texts = _texts(fig)
    assert texts and min(t.get_fontsize() for t in texts) >= 11
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    for t in texts:
        box = t.get_window_extent(renderer)
        assert box.x0 >= -1 and box.x1 <= width + 1 and box.y0 >= -1 and box.y1 <= height + 1, t.get_text()


def test_term_chart_splits_into_names_and_single_words():
    several = helpers.plot_term_choices(variants="several")
    one = helpers.plot_term_choices(variants="one")
    rows = lambda fig: [t.get_text().replace("\n", " ") for t in fig.axes[0].get_yticklabels()]  # noqa: E731
    # 'Kyiv'/'Kiev' are two variants of one term; 'thriller' is a term with one variant
    assert "Kyiv" in rows(several) and "thriller" not in rows(several)
    assert "thriller" in rows(one) and "Kyiv" not in rows(one)
    assert len(rows(several)) + len(rows(one)) == len(helpers.term_table())


def test_the_default_group_is_the_most_common_value(make_corpus):
    """No country is written into the kit: the default group is the most common country of articles.csv."""
    assert "Group A: the 3 articles whose country is China" in helpers.group_keyness().data
    rows = [
        {
            "article_id": a,
            "file": f"{a}.txt",
            "outlet": "P",
            "headline": "H",
            "published": f"2024-03-0{i + 1}",
            "country": c,
        }
        for i, (a, c) in enumerate([("a", "Chile"), ("b", "Peru"), ("c", "Chile")])
    ]
    base = make_corpus({"a": "Talks went on and on.\n", "b": "The council met.\n", "c": "Talks went on.\n"}, rows=rows)
    assert "Group A: the 2 articles whose country is Chile" in helpers.group_keyness(base, min_count=1).data
    assert helpers.distinctiveness_check(base, min_count=1).comparison.iloc[-1] == "Chile (country) vs the others"
    assert "no article has a country" in helpers.group_keyness(make_corpus({"x": "A.\n", "y": "B.\n"}, name="n")).data
