# %% [markdown]
# # How each outlet frames the talks: words, problems, remedies and silences
#
# Five articles describe the same talks. They do not describe them the same way: each chooses words (*Kyiv* or
# *Kiev*, *war* or *crisis*), puts some facts first and leaves others out, and presents a problem, a cause, a
# judgement and a remedy. This notebook walks through the five articles one at a time with the same set of tools,
# then sets them side by side. It describes framing devices; it does not grade the outlets.
#
# **Questions**
# - Which words does each article choose where English offers contested alternatives, and what can each choice signal?
# - How does each article define the problem, locate its cause, evaluate the actors and recommend a remedy?
# - What does each article put first, and what does it leave out that another article says?
# - Can word statistics find an outlet's "distinctive vocabulary" in articles this short?
#
# **Objectives**: by the end you will be able to
# - use the kit's lexicon and keyword-in-context lines to compare word choices across outlets;
# - read an Entman framing table and find each element's evidence in the text;
# - ask the same checklist of questions of every article, and check a claim that an article "leaves out" something;
# - read a keyness or Fightin' Words table and explain why, on 400–700 words, it gives leads rather than findings.
#
# **Prerequisites**
#
# | concept | importance | notes |
# |---|---|---|
# | `00-start-here` | necessary | the five articles, the reading view and keyword in context |
# | `01-who-speaks` | helpful | who is quoted in each article; this notebook does not repeat it |
# | Framing (Entman 1993) | helpful | explained below in one paragraph |
# | Statistical significance | optional | only for section 7, which can be skipped |
#
# **Time**: 30 minutes teaching, 20 minutes exercises. Section 7 is optional (10 more minutes).

# %% [markdown]
# ## About these sources
#
# The five articles (two from CGTN, one each from the Global Times, the Athens Times and Atalayar) are described in
# notebook 00. Three come from Chinese state media; three were written before the talks of 16 May 2025 and two
# after. What this notebook shows about them comes from four hand-made annotation files in `data/annotations/`,
# made by careful reading of each article, and from word counts computed on the texts:
#
# - `lexicon.csv`: contested word choices, one row per variant, with a search pattern, what the variant can signal
#   and, where it was checked, a source for that reading;
# - `framing_elements.csv`: for each article, Entman's four framing elements, each backed by verbatim evidence;
# - `generic_frames.csv` (with its codebook): Semetko & Valkenburg's twenty yes/no questions;
# - `foreground.csv`: what each article puts first, what it leaves out (with the words checked to be absent), and
#   other cues such as reused wire copy;
# - `coverage_checklist.csv`: eighteen questions asked of every article alike (whom it quotes and names, which
#   sources it cites, what it mentions of each side's stated case). Every "leaves out" row of `foreground.csv` is a
#   "no" to one of these questions, in the same words for every article.
#
# Section 8 shows the checklist's answers, found by the kit in the texts and in notebook 01's table.
#
# A note for teachers: section 8 is marked "*Shows answers to the coding round*". It shows the kit's own answers to
# questions that notebook 05 asks students to code; if your class does the coding round, do it before section 8.
#
# These are one team's readings. The discussion questions at the end invite you to disagree with them. `data/README.md`
# documents every column.

# %% [markdown]
# ## Setup
#
# The one code cell below loads the kit's `helpers` module, the articles and the lexicon.
#
# Using your own articles? Set `KIT_DATA_DIR` before this cell: the narrative describes the kit's five articles; the
# tables and charts show yours; hand-coded layers show a notice until you code them (see
# `docs/bring-your-own-articles.md`). Without a lexicon of your own, the kit's is used (a note says so); keyword in
# context and distinctive words work on your articles at once.

# %%
import helpers

corpus = helpers.open_corpus()
lexicon = helpers.lexicon(corpus, fallback=True)
print(f"{len(corpus.ids)} articles; the lexicon has {lexicon.concept.nunique()} contested terms "
      f"and {len(lexicon)} variants")
helpers.lexicon_note(corpus)

# %% [markdown]
# ## 1. Contested word choices
#
# *Time: 5 min.*
#
# Some things can be named in several ways, and the choice can say something about the writer's position, habits or
# sources. Ukraine's capital is *Kyiv* (from Ukrainian) or *Kiev* (from Russian); the war can be a "special military
# operation", an *invasion*, a *war*, a *conflict* or a *crisis*. The kit's lexicon lists such terms with what each
# variant can signal. Here are two of its concepts (the name of the capital, then the name of the war), then,
# because a count is only the start, every name for the war in the five articles with the words around it, except
# the most common, *conflict* (`helpers.lexicon_kwic(corpus, "war_name")` shows all of them):

# %%
# pandas at work: keep the lexicon's rows whose concept is one of two, then two of its columns
two_terms = lexicon[lexicon.concept.isin(["capital_name", "war_name"])]
helpers.html_table(two_terms[["variant", "signals"]])

# %%
helpers.lexicon_kwic(corpus, "war_name", window=45, leave_out="conflict", as_html=True)

# %% [markdown]
# Notice two things. First, the same variant can be the outlet's own word or a quoted person's: "resolving the Ukraine
# crisis" in the second CGTN article is the analyst Cui Hongjian's wording, reported indirectly ("said Cui"); so is
# "ends the **war**" in the same article. A word count cannot tell the outlet's voice from a quoted person's; a
# reader can.
#
# Second, keep **word choice** apart from **documented fact**. The five names for the war say different things:
# "special military operation" is the Russian government's official name; *invasion* names Russia as the party that
# entered Ukraine; *war*, *conflict* and *crisis* do not, by themselves, name an initiating party. Which word an
# article picks is a framing choice that the lexicon describes; what happened is a separate question, answered with
# sources. For instance, on 2 March 2022 the UN General Assembly "deplores … the aggression by the Russian Federation
# against Ukraine" (resolution ES-11/1: 141 votes to 5, with 35 abstentions, China and India among them), and on
# 12 October 2022 it condemned the "attempted illegal annexation" of four Ukrainian regions (resolution ES-11/4:
# 143 votes to 5, 35 abstentions). An article that says *conflict* does not deny those votes, and one that says
# *invasion* does not by that word alone cite them. The kit itself writes *the war* (its house style, notebook 00).
#
# **Check your understanding**: which article puts the Russian official name for the war in quotation marks, and what
# does the lexicon say quotation marks signal?
#
# ## How to read the next five sections
#
# Each article gets the same treatment, in the same words (items 1–6 in the first table, item 7 in the second):
#
# 1. **Headline and lede**: what a reader meets first (the lede is the first sentence of the body).
# 2. **Who speaks**: [notebook 01](01-who-speaks.ipynb) counts each article's voices; here we only recall them.
# 3. **Word choices**: the lexicon variants the article uses.
# 4. **Foregrounded**: from `foreground.csv`, what the article puts first, with its words.
# 5. **Common checklist**: the same eighteen questions for every article: whom it quotes and names, whether it
#    cites an agency or another outlet, and whether it mentions each side's stated case (for Russia: its reason for
#    not accepting a truce, its demand that Western military aid stop, Putin's "without preconditions"; for Ukraine:
#    the unconditional ceasefire, security guarantees), the European leaders' ceasefire-or-sanctions demand,
#    sanctions, Crimea or the four regions, NATO, China's or Brazil's position. Two questions about the outcome are
#    asked only of the two articles written after the talks.
# 6. **Distinctive words**: the article's words that are most over-represented against the other four (section 7
#    explains the statistics and why they are weak here).
# 7. **Entman's four framing elements** (Entman 1993): the **problem definition** (what the story is about), the
#    **causal interpretation** (what or who causes it), the **moral evaluation** (how actors or acts are judged) and
#    the **treatment recommendation** (what should be done). The table gives the kit's summary; the text below it
#    highlights each element's evidence with the same letter tag.
#
# On a corpus of your own these five sections show a note instead (they discuss the kit's articles);
# `helpers.outlet_profile(corpus, article_id)` gives the same profile for one of yours, and section 7 lists the distinctive
# words of every article in the corpus in use.

# %% [markdown]
# ## 2. CGTN, 14 May (before the talks)
#
# *Time: 5 min, with the note on how to read the five sections.*
#
# An interview-based piece: [notebook 01](01-who-speaks.ipynb) shows that it rests almost entirely on one Chinese
# academic. Its headline is not in the text file (the kit takes it from the page address).

# %%
helpers.outlet_profile(corpus, "cgtn-2025-05-14")

# %%
helpers.show_framing(corpus, "cgtn-2025-05-14")

# %% [markdown]
# **Reading.** The headline and lede foreground the *gap* between the two sides' core demands and present direct
# talks as hard to hold, on an expert's authority. The war is named once with the Russian official term, in
# quotation marks, and otherwise as a *conflict*. The evaluative words ("constructive", "genuinely prepared") are in
# the expert's voice, about the Russian proposal. It is the only article to mention that Putin called for talks
# "without any preconditions"; the checklist shows what it does not mention.
#
# **Check your understanding**: the moral evaluation [C] is voiced by the expert, not by the outlet's narration.
# Does that make it part of the *article's* framing? Find the sentence that tells you who is speaking.

# %% [markdown]
# ## 3. Global Times, 14 May (before the talks)
#
# *Time: 4 min.*
#
# A news round-up built from relays (the Washington Post, Tass, CNN, Reuters, Xinhua) and two Chinese scholars;
# notebook 01 counts them.

# %%
helpers.outlet_profile(corpus, "globaltimes-2025-05-14")

# %%
helpers.show_framing(corpus, "globaltimes-2025-05-14")

# %% [markdown]
# **Reading.** The headline quotes an assessment ("breakthrough unlikely in single meeting"), and after a lede
# relayed from the Washington Post, the second paragraph gives China's own diplomatic position. The word choices
# include *Kiev*, *crisis* (three times), *Global South*, *peace-loving* and *constructive*, the last two from the
# China–Brazil joint position (¶8–9), which the article partly credits to Xinhua. The cause includes the European
# leaders' ceasefire-or-sanctions demand (in its words, an "ultimatum"), in a sentence that sits just before one
# ending "the Washington Post reported" (the text does not name a source for it); the remedy is dialogue, with a
# role for China, Brazil and the 'Global South'.
#
# **Check your understanding**: which of this article's lexicon words are in the outlet's own narration, and which
# are inside a quotation or a relayed statement? Use `helpers.lexicon_kwic(corpus, "global_south_west")`.

# %% [markdown]
# ## 4. Athens Times, 15 May (before the talks)
#
# *Time: 4 min.*
#
# An explainer of "the official positions of both sides" in one long paragraph; it cites no outlet, agency or
# interview (notebook 01 shows that its positions are stated in the outlet's own voice). Its headline sits at the
# foot of the page.

# %%
helpers.outlet_profile(corpus, "athenstimes-2025-05-15")

# %%
helpers.show_framing(corpus, "athenstimes-2025-05-15")

# %% [markdown]
# **Reading.** The lede presents the run-up as a *thriller* and foregrounds Putin's absence. In the outlet's own
# voice the war is an *invasion*, Russia's demands are *maximalist*, "denazification" and "deep-rooted causes" stand
# in quotation marks. Crimea is "legally part of Ukraine per its constitution" inside Zelenskyy's reported assertion
# (possibly the outlet's gloss). The treatment recommendations are each side's demands; the outlet recommends none
# itself.
#
# **Check your understanding**: the Athens Times and the first CGTN article both put a Russian term in quotation
# marks. Which terms, and does the effect seem the same to you in both?

# %% [markdown]
# ## 5. CGTN, 17 May (after the talks)
#
# *Time: 4 min.*
#
# A report of the outcome followed by the comments of two Chinese academics interviewed by China Media Group. Its
# headline, too, is not in the text file.

# %%
helpers.outlet_profile(corpus, "cgtn-2025-05-17")

# %%
helpers.show_framing(corpus, "cgtn-2025-05-17")

# %% [markdown]
# **Reading.** The lede foregrounds the talks as a "rare opportunity for a political resolution"; that they brought
# no ceasefire comes at the end of the same sentence. The article uses *Kyiv*, *Zelenskyy* and *Türkiye*. Its causal
# interpretation explains each side's assessment (Ukraine's "pessimistic and negative", Russia's "more positive")
# by their priorities. Its account of the outcome shares sentences with a Xinhua dispatch of 16 May, which is not
# named (notebook 04 sets them side by side).
#
# **Check your understanding**: the lede puts "rare opportunity" first and "no ceasefire agreement" last. Rewrite
# the sentence with the same facts in the opposite order. What changes for the reader?

# %% [markdown]
# ## 6. Atalayar, 19 May (after the talks)
#
# *Time: 4 min.*
#
# The English edition of a Spanish outlet, probably translated from Spanish (a caption is left in Spanish).
# It quotes Ukrainian, US, British and Russian officials; notebook 01 counts them.

# %%
helpers.outlet_profile(corpus, "atalayar-2025-05-19")

# %%
helpers.show_framing(corpus, "atalayar-2025-05-19")

# %% [markdown]
# **Reading.** The headline foregrounds the absence of concrete progress, and the standfirst Russian demands
# "unacceptable to Kiev". *Unacceptable* occurs five times, four times in the narration and once in Starmer's
# quoted words; the annexation is "attempted to illegally annex". The causal interpretation rests mainly on Russian demands and
# conduct; the remedies are sanctions, pressure and a meeting of presidents. It mixes *Kiev* and *Kyiv* and writes
# *Volodimir*, possible traces of translation.
#
# **Check your understanding**: this article uses both *Kiev* and *Kyiv*. Give two explanations for the mix, one
# about the outlet's stance and one about how the text was produced. Which does the evidence in the kit support?

# %% [markdown]
# ## 7. Distinctive words, and their limits (optional: for those who like numbers)
#
# *Time: 10 min (optional).*
#
# **In plain words**: a computer can list the words one article uses more than the others, but these articles are
# too short for any such list to be more than a hint. None of the differences below is larger than chance would
# produce when so many words are compared. The useful contrasts (*Kiev* or *Kyiv*, *crisis* or *invasion*) come
# from the hand-made lexicon and from reading. You can skip to section 8; the rest of this section shows the numbers.
#
# Two standard statistics find words over-represented in one group of texts against another: **Fightin' Words**
# (Monroe, Colaresi & Quinn 2008, a log-odds ratio shrunk towards the pooled corpus, reported as a z-score) and
# **keyness** (Dunning's log-likelihood G², with a Log Ratio as effect size). Taken alone, a G² above 3.84 or a |z|
# above 1.96 would mean p < .05 for one word. But each comparison tests about 140 words, so several pass by chance;
# a strict cut (G² above 15.13) or a correction for the number of words tested (about G² 12.8 here) is needed.
# The table shows, for each comparison, the content words counted in the first group (function words
# such as *the* or *of* are left out), the strongest word by each statistic, and how many words pass each line:

# %%
helpers.distinctiveness_check(corpus, as_html=True)

# %% [markdown]
# **No word passes G² 15.13 in any comparison, none survives the correction, and no |z| reaches 3.** With about
# 270–400 content words per article, nothing here reaches conventional significance once the number of words tested is taken
# into account. Grouping the three Chinese state-media pieces against the other two gives more text, and a readable
# contrast, but still not a significant one (A = the three Chinese pieces, B = the other two; *used more in* says which
# group uses the word relatively more). `helpers.group_keyness` takes the groups from a column of `articles.csv`;
# `helpers.keyness(corpus, list_of_ids)` compares any group of articles with the rest:

# %%
helpers.group_keyness(corpus, "country", "China", top=8)

# %% [markdown]
# Read the top words against the text. *sun* is two different people (Sun Zhuangzhi and Sun Xiuwen); *said* reflects
# a reporting style (the Athens Times never uses it); *part* comes three times from "for his part" and "for its
# part" in one translated article (Atalayar), and once from the Athens Times' "legally part of Ukraine". The curated lexicon tells the outlets apart far better: *Kiev* against *Kyiv*, *crisis*
# against *invasion*, *unacceptable* and *maximalist*. Statistics propose leads; a reader decides what they mean.
#
# Finally, the words that set each article apart from all the others, for every article of the corpus in use
# (*here* in the article, *in the others* in the rest, also per 1,000 content words; *used more* says which way
# the word leans; the same statistics, with the same limits):

# %%
helpers.show_distinctive_words(corpus, top=4)

# %% [markdown]
# Some are names (*cui*, *putin*, *moscow*), some topics (*proposal*, *china*), some habits of style (*reported*,
# *said*, and *part* from "for its part") or of spelling (*zelenskyy* in the Athens Times, *zelensky* in Atalayar).
# No p-values are shown: with about 140 words tested per comparison they would not be evidence, and none of
# these words reaches the strict cut (G² 15.13)
# or survives the correction for the number of words tested (about G² 12.8). Each is a lead to follow
# with keyword in context, e.g. `helpers.kwic(corpus, "resolution")`.
#
# **Check your understanding**: *unacceptable* occurs five times in Atalayar but only four times in the
# "Distinctive words" table of Atalayar's profile (section 6). Why? (Hint: which paragraphs does the word count read?)

# %% [markdown]
# ## 8. Across the five
#
# *Time: 4 min. Shows answers to the coding round (notebook 05): where a class does the round, show this after it.*
#
# First, the common checklist: the same eighteen questions for every article, answered by the kit (a text search of
# headline, standfirst and body, giving the first paragraph that answers yes; and, for quotations, notebook 01's
# hand-coded table). The questions are declared in `data/annotations/coverage_checklist.csv`, before any answer is
# looked at. A "no" is not a fault: each article chose its own angle, and the two questions about the outcome of the
# talks are not asked of the three articles written before them ("– (written before)").

# %%
helpers.coverage_checklist(corpus, as_html=True)

# %% [markdown]
# Every article's column has some "no" answers, and no two columns are alike. Counting them (the quotation questions included): the
# Global Times and Atalayar answer no five times, the Athens Times six, the first CGTN article twelve and the second
# thirteen; both CGTN pieces are short interviews with one or two experts. Each article leaves out something that
# another carries. The two CGTN pieces mention neither the European leaders' ceasefire-or-sanctions demand nor a US
# official by name; the second is the only one without NATO. On Russia's stated case, only the Athens Times gives
# Russia's reason for not accepting a truce (that Ukraine would use it to rearm), which Atalayar and the others leave
# out, and only the first CGTN article mentions Putin's call for talks "without any preconditions". On Ukraine's,
# only the Athens Times mentions Ukraine's call for security guarantees. Only Atalayar quotes a Ukrainian official
# directly.
#
# How can a claim that something is absent be checked? Search the whole article for every word that would name it,
# and find another article that does say it. Each "no" to a text question above is a "leaves out" row of
# `foreground.csv`, with the question's words as the words to search for. The check below runs over every such row:
# its first line counts them for all five articles (34 statements, 130 words in all, none found in its own
# article). The table then shows the 10 statements about the first CGTN article, one row each: what it leaves out,
# the words searched for (46 in all), the article and paragraph that does say it ("said in"), and which of the
# words that article uses, with how often. One matching word is enough there: for the first row, the Global Times
# names Dmitry Peskov ("Peskov", twice, and "Kremlin spokesperson", once), not Medinsky or Lavrov.

# %%
helpers.show_absences(corpus, "cgtn-2025-05-14")

# %% [markdown]
# Then the five articles side by side: two word choices, Entman's problem definition and remedy, and the generic
# frames scoring at least 0.5; a chart of every contested term; and a chart of the **generic frames** of Semetko &
# Valkenburg (2000), five frames scored from yes/no questions (e.g. conflict: "Does the story reflect disagreement
# between parties?"), a frame's score being the share of its questions answered yes (the kit's wording of the
# twenty questions: `helpers.generic_frames_codebook(corpus)`).

# %%
helpers.framing_summary(corpus, as_html=True)

# %%
fig = helpers.plot_term_choices(corpus, variants="several")

# %%
fig = helpers.plot_term_choices(corpus, variants="one")

# %%
fig = helpers.plot_frame_scores(corpus)

# %% [markdown]
# Read across a row of the word chart to see one term's variants, down a column to see one outlet's choices. The two
# CGTN pieces, the Athens Times and Atalayar (once) write *Kyiv*; the Global Times and Atalayar (twice) write *Kiev*.
# *Crisis* appears only in the Chinese outlets, *invasion* only in the Athens Times, *unacceptable* only in Atalayar.
# The problem definitions range from a deep rift (CGTN, 14 May) to a rare opportunity (CGTN, 17 May) and the absence
# of progress (Atalayar).
#
# The generic frames, by contrast, barely vary: conflict and responsibility are the two highest frames in all five, human interest is
# zero in all five (no article shows an ordinary person), and the economic frame appears only as sanctions. A tool
# that gives nearly the same answer for every article cannot tell them apart; here the close-reading tools do much
# better. That is a finding about the tool as much as about the articles.
#
# **Check your understanding**: (1) pick the two CGTN pieces. Which of their framing devices are the same, and which
# differ? What might explain the differences besides the outlet? (2) The Athens Times scores 1.00 on
# responsibility: all five responsibility questions are answered yes, while the other four articles answer one of
# them no. Which one? Look them up with
# `helpers.generic_frames(corpus).query("frame == 'responsibility' and answer == 'no'")`, then find the Athens
# Times' answer to that question and decide whether you would have answered yes.

# %% [markdown]
# ## Key points
#
# - Word choices are cheap to count and telling: *Kyiv*/*Kiev*, *invasion*/*conflict*/*crisis*, quotation marks
#   around an official term. Always read the keyword-in-context line: the word may be a quoted person's, not the
#   outlet's.
# - Entman's four elements (problem, cause, evaluation, remedy) give a close-reading scaffold; each cell of the table
#   should point to words on the page.
# - What an article leaves out is a framing device too. Ask every article the same questions, allow for when it was
#   written, and check a claim of absence by searching the whole text.
# - Generic frames and word statistics barely separate these five articles: conflict and responsibility are the
#   highest frames everywhere, and no word reaches conventional significance on texts this short. Knowing a tool's limits is part
#   of using it.
# - The kit describes framing devices with the same vocabulary for every outlet; it does not say which framing is
#   right.
#
# ## Discussion questions
#
# 1. The lexicon says *conflict* and *crisis* "do not name an initiating party". Is any name for the war neutral?
#    Would you add a variant to the lexicon, or change what a "signals" entry says?
# 2. The kit codes the CGTN expert's "constructive" as the article's moral evaluation. Is an interviewee's judgement
#    the outlet's framing? What would you need to know to decide?
# 3. The checklist does not ask the three articles written before the talks about prisoners ("– (written before)").
#    Should timing rule the question out, or is a preview's silence on prisoners still an omission? Which question
#    would you add to the checklist, and would it change the picture?
# 4. Pick one generic-frame question the kit answered "yes" for an article. Find the words in the text that justify
#    it. Would you code it the same way?
# 5. Could a reader who knows nothing of the outlets guess which articles come from Chinese state media from the
#    word choices alone? Which words would give it away, and which would mislead?
#
# ## Exercises
#
# 1. Run `helpers.lexicon_kwic(corpus, "global_south_west")`. For each hit, decide whether the words are the outlet's own
#    narration or someone else's (quoted, reported or relayed).
# 2. Count *ceasefire* and *truce* in every article with `helpers.kwic(corpus, r"\bceasefire\b|\btruce\b", regex=True)`.
#    Which article uses *truce*, and in whose words? Would you add this pair to the lexicon?
# 3. Compare an article with the rest using Fightin' Words with a weak and a strong prior:
#    `helpers.fightin_words(corpus, "atalayar-2025-05-19", stop_words=helpers.STOP_WORDS, alpha0=10).head(6)` and the same
#    with `alpha0=1000`. Which words stay at the top? What does the prior do to words that occur in one article only?
# 4. Choose one article and write your own Entman table: one sentence and one verbatim span per element. Compare it
#    with `helpers.framing_table(corpus, ...)`. Where do you disagree, and why?
#
# Solutions are in `solutions/02-framing-by-source.md` (for facilitators; try first).
#
# ## Further reading
#
# - Robert M. Entman, "Framing: Toward Clarification of a Fractured Paradigm", *Journal of Communication* 43(4), 1993.
# - Jörg Matthes and Matthias Kohring, "The Content Analysis of Media Frames: Toward Improving Reliability and
#   Validity", *Journal of Communication* 58(2), 2008: coding Entman's elements one by one.
# - Holli A. Semetko and Patti M. Valkenburg, "Framing European Politics: A Content Analysis of Press and Television
#   News", *Journal of Communication* 50(2), 2000: the generic frames and their questions.
# - Burt L. Monroe, Michael P. Colaresi and Kevin M. Quinn, "Fightin' Words: Lexical Feature Selection and Evaluation
#   for Identifying the Content of Political Conflict", *Political Analysis* 16(4), 2008.
# - Ted Dunning, "Accurate Methods for the Statistics of Surprise and Coincidence", *Computational Linguistics*
#   19(1), 1993; Paul Rayson's log-likelihood calculator pages (the critical values used here).
# - The datasheet `data/README.md`: how each annotation file was made and what each column means.
