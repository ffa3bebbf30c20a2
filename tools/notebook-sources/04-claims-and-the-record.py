# %% [markdown]
# # What each outlet said happened, and what was knowable when
#
# Five articles describe the same talks, but not the same facts: one says the talks are "today" on 15 May, another
# that they were held on Friday 16 May; one calls them "two-hour talks", another says they "lasted less than two
# hours". This notebook lines up what each article says, claim by claim, and sets it against **the record**: a short
# list of dated facts, each backed by a cited report. The aim is to tell a **forecast** from an **error**, and an error
# from a **difference of detail**, always with the article's exact words in front of you.
#
# **Questions**
# - What did each article say happened, and what could its writer have known when it was published?
# - Where do the articles differ from each other and from the record, and what kind of difference is each?
# - Can a computer find the sentences in different articles that make the same claim?
#
# **Objectives**: by the end you will be able to
# - place an article on a timeline of events and say which of its statements are forecasts;
# - read the claims grid and find, for any topic, which articles agree, which differ and which are silent;
# - name the kind of each difference (forecast, rounding, misdating, misattributed timing, translation, wire reuse,
#   title error, omission by a declared list) and point to the evidence and to the record's source;
# - use the lexical matcher as what it is: a generator of candidates that a reader must confirm.
#
# **Prerequisites**
#
# | concept | importance | notes |
# |---|---|---|
# | `00-start-here` | necessary | the five articles, the reading view, the timeline |
# | `03-positions-by-side` | helpful | what each side says it wants |
# | Reading a table | necessary | one row per claim, or per topic and article |
#
# **Time**: 30 minutes teaching, 25 minutes exercises.

# %% [markdown]
# ## About these sources
#
# Two hand-made tables feed this notebook.
#
# - **The record** (`data/record.csv`): 39 dated facts about the talks and the weeks around them (when Putin proposed
#   the talks, when they were held, how long they lasted, what was agreed, when some quoted remarks were made). Each
#   fact cites the report it rests on: outlet, date and web address. Several facts were confirmed in more than one
#   report, and the `note` column says where sources differ. Where it could, the record cites a news agency or a
#   government's own statement; many of these citations go to another site carrying the agency's text (Reuters, AP,
#   AFP, Anadolu, Xinhua, TASS), and the `source_outlet` column names both. Some facts rest on anonymous officials and
#   are marked as *reported*. The record is not the whole truth about the talks: it is a checkable list of facts
#   that the claims can be set against.
# - **The claims table** (`data/annotations/claims.csv`): 23 claim topics (the day of the talks, their duration,
#   the prisoner exchange, who attended, the US role, the words used for names...) times 5 articles = 115 rows. Each
#   row says, in one neutral line, what the article says on the topic (or that it is silent), quotes the exact words,
#   and compares them with the other articles and with the record. It is one careful reader's judgement and can be
#   argued with.
#
# Remember when each article was written: three **before** the talks (14, 14 and 15 May), two **after** (17 and
# 19 May). A statement made before an event about that event is a forecast, not a report.

# %% [markdown]
# ## Setup
#
# The claims table and the record are hand-made. `corpus = helpers.open_corpus()` opens the articles and their
# annotations once; on a corpus that has no such file yet, each cell below shows a short notice instead of an error,
# and a cell about a passage of the kit's own five articles says so instead of failing.
#
# **Using your own articles?** The narrative describes the kit's five articles; the tables and charts show yours;
# hand-coded layers show a notice until you code them (see `docs/bring-your-own-articles.md`). Without them, the
# timeline (section 1) still shows when your articles appeared, and the matcher (section 5) still proposes pairs of
# sentences from your articles.

# %%
import helpers

corpus = helpers.open_corpus()
helpers.claims_overview(corpus)

# %% [markdown]
# ## 1. What could each writer know?
#
# *Time: 5 min.*
#
# The upper panel shows the record's dated facts, from late April to the end of May; the lower panel shows when each
# article appeared. The light blue band in each article's row runs up to its publication moment: everything in the
# upper panel to the left of that point had already happened when the article came out; everything to the right had
# not. A dashed orange line and a faint band mark the day the talks were planned for (15 May); a darker orange band
# marks the day they were held (16 May).
#
# An article's marker is filled when its publication date is verified, hollow when the date was inferred. Atalayar's
# marker is hollow although it shows a time (12:09): both its date and its time were read from a long number in its
# web address (`20250519120936…`), not stated on the page, so they count as inferred.

# %%
fig = helpers.plot_timeline(corpus, facts="all")

# %%
fig = helpers.plot_timeline(corpus, facts="all", part=2)

# %%
fig = helpers.plot_timeline(corpus, facts="all", part=3)

# %% [markdown]
# Read the chart row by row. Both articles of 14 May appeared **before or around the time the Kremlin named its
# delegation** (late on 14 May): the Global Times at 23:41 (no time zone stated), CGTN at an unknown hour. The Athens Times
# article of 15 May appeared on the **planned** day, before anyone knew the talks would slip to 16 May. The two later
# articles could report the talks, the prisoner exchange that was agreed, and Zelenskyy's call to Trump afterwards.
# None of the five could report the exchange itself: it was carried out on 23–25 May, after all of them.
#
# Several facts the articles cite predate the talks: Putin's "transitional government" remark (28 March), Lavrov's
# interview (28 April), Vance's remark (7 May, nine days before the talks) and Rubio's remarks in Antalya (15 May, the
# day before). Keep them in mind for section 4.
#
# **Check your understanding**: which articles could have known that the Russian delegation would be led by
# Medinsky rather than Putin? Which could only guess?

# %% [markdown]
# ## 2. The record, and where each fact comes from
#
# *Time: 4 min.*
#
# Here is the whole record, in the order of the file, with each fact's date and the report it rests on. The full
# fact, the web address and the notes are in `data/record.csv`.

# %%
record = helpers.record(corpus)
# pandas: keep only the columns to read here, in this order (the longest last)
helpers.html_table(record[["when", "value", "source_outlet", "source_date"]])

# %% [markdown]
# Notice the `when` column: two facts are known to the minute (Putin's statement, about 01:30 Moscow time on 11 May,
# and the start of the session, about 13:30 on 16 May), most to the day, one is an interval (the exchange, 23–25 May).
# And notice the sources: news agencies (TASS from Russia, Anadolu from Türkiye, AP and Reuters texts carried by other
# sites), governments' own statements (the US–Ukraine joint statement of 11 March, the European leaders' statement of
# 10 May, as their countries' media quoted them), and newspapers and broadcasters from several countries: Al Jazeera
# (Qatar), the Moscow Times, Hürriyet Daily News (Türkiye), Censor.NET and the Kyiv Independent (Ukraine). A fact is
# better supported when reports from different countries and from both sides agree.
#
# What happened after the five articles (the later rounds of talks in Istanbul, Abu Dhabi and Geneva, and further
# prisoner exchanges) is in a separate dated table, `data/after_the_talks.csv`, described in notebook 00.
#
# **Check your understanding**: which fact in the record rests on anonymous officials? (Look for "(reported)", in
# brackets, in the `value` column.)
#
# ## 3. The claims side by side
#
# *Time: 4 min.*
#
# The grid has one row per claim topic and one column per article, oldest first. Each cell says how that article's
# version compares with the record, with a mark so that you do not need to tell the colours apart: ✓ matches,
# ≈ compatible but with different or less detail, ✗ contradicts, F✗ a forecast that did not happen, F✓ a forecast that
# came true, ? not checkable (an opinion, a word choice, or a fact the record does not cover), – not mentioned. The
# kind of difference, if any, follows in brackets.

# %%
helpers.show_claims_grid(corpus)

# %% [markdown]
# Read down a column to see one article's record. The three articles written before the talks carry all the
# forecasts (F✗, F✓). The two written after match the record on the core facts (day, venue, exchange, outcomes), and
# Atalayar carries the three ✗ for timing (section 4.4). The Athens Times has the two other ✗: a title and a date.
#
# The same grid can show what each article *says*. Here are four topics:

# %%
helpers.show_claims_grid(corpus, values="says",
                         topics=["talks_day", "duration", "prisoner_exchange", "why_putin_proposed"])

# %% [markdown]
# On why Putin proposed the talks (the grid's `why_putin_proposed` row), the record shows only the **order in
# time**: the European leaders' ceasefire-or-sanctions demand on 10 May, Putin's proposal in the early hours of
# 11 May. It does not show that one caused the other. So the kit applies one rule: an article that states the order
# of events gets ✓ (the Athens Times: "following this pressure"); an article that states a motive or an effect gets
# ≈, compatible with the record but going beyond it ("in response to" in the Global Times, Russia "avoided an
# ultimatum" in Atalayar). Why Putin acted is the outlet's reading, which the record cannot confirm or rule out.
#
# **Check your understanding**: on why Putin proposed the talks (`why_putin_proposed`), which two articles do not
# mention that Putin's proposal came hours after the European leaders' demand of 10 May, and what kind of difference
# is that?
#
# ## 4. Every difference, explained
#
# *Time: 1 min.*
#
# The kit's provenance notes list eight places where the articles differ from each other or from the record. Each is
# backed by rows of the claims table (one row per topic and article); the table names their articles and the kinds
# of difference they carry:

# %%
helpers.show_known_differences(corpus)

# %% [markdown]
# The subsections below go through them by kind. Each table shows the article's exact words (**evidence**), how they
# compare with the record, an explanation, the record's value with its date, and the **source** the record rests on.
#
# ### 4.1 Forecasts: the day of the talks, and Rubio "will attend" (differences 1 and 7)
#
# *Time: 2 min.*
#
# All five articles speak about the day of the talks; three were written before it. The Global Times also made a
# forecast about the US role (last row):

# %%
helpers.explain_differences(corpus, [1, 7], show="table")

# %% [markdown]
# The three early articles give the date Putin proposed, 15 May, which was the best information at the time. The
# first CGTN article reports it as what it was, a proposal ("suggesting that both sides should meet on May 15"), so
# it matches the record. The Global Times ("poised to sit down possibly on Thursday") and the Athens Times ("today")
# present 15 May as the day of the talks. The talks slipped a day. These two are **forecasts that did not happen**,
# not errors, but they are also not evidence of the date. Here they are in the Global Times:

# %%
helpers.explain_differences(corpus, [1, 7], show="article")

# %% [markdown]
# Trump did announce on 13 May that Rubio would go. What the article could not know is that Rubio would hold a
# separate US–Türkiye–Ukraine meeting instead of sitting at the Russia–Ukraine table.
#
# ### 4.2 Rounding and wire reuse: "two-hour talks" (difference 2)
#
# *Time: 2 min.*
#
# The two articles written after the talks give their length differently:

# %%
helpers.explain_differences(corpus, 2, show="table")

# %% [markdown]
# "Two-hour" is the rounding of a Xinhua dispatch of 16 May; the second CGTN article takes several sentences from that
# dispatch almost word for word (**wire reuse**). Reusing agency copy is normal newsroom practice; for a reader it
# means that two outlets repeating a figure are not two independent confirmations of it. The highlighted sentences are
# the ones that follow the dispatch:

# %%
helpers.explain_differences(corpus, 2, show="article")

# %% [markdown]
# ### 4.3 A title error and a misdating (differences 3 and 4)
#
# *Time: 2 min.*
#
# The Athens Times explainer of 15 May contains two statements that the record contradicts:

# %%
helpers.explain_differences(corpus, [3, 4], show="table")

# %%
helpers.explain_differences(corpus, [3, 4], show="article")

# %% [markdown]
# The same paragraph speaks of "Trump's administration", so "former" is an error rather than a view. The March 2025
# date fits Putin's "transitional government" remark (28 March), not Lavrov's interview (published 28 April): two
# remarks from two months may have been run together.
#
# ### 4.4 Misattributed timing and translation: Atalayar (differences 5 and 6)
#
# *Time: 3 min.*
#
# The Atalayar article of 19 May reports two remarks that really were made and one phone call that really took place,
# but places them at the wrong moment of the story. The next table (translation) begins with how it reports the two
# sides' assessments after the talks: right in substance, but worded like translations:

# %%
helpers.explain_differences(corpus, [5, 6], show="table")

# %%
helpers.show_differences(corpus, kinds="translation")

# %%
helpers.explain_differences(corpus, [5, 6], show="article")

# %% [markdown]
# Placing a real quotation at the wrong moment changes what it seems to answer: Vance's remark of 7 May reads here as a
# reaction to the demands reported after Istanbul. The article was probably translated from Spanish (a caption is
# left in Spanish, "Volodimir" is a Spanish spelling, "Kiev" the usual Spanish form), so its quotations are best
# treated as reported wording, not the speakers' exact English.
#
# ### 4.5 Omissions, by one declared list
#
# *Time: 1 min.*
#
# An omission is harder to see than an error, because every word printed is correct. It is also easy to apply
# unevenly: anyone can find something that one article leaves out. So the kit codes an omission only by a list
# declared in advance and applied to every article alike: three questions of the common coverage checklist (notebook
# 02, section 8) are each tied to one claim topic, and every article that reports the topic but answers "no" is
# coded `omission`:
#
# | checklist question | claim topic | articles that report the topic but answer no |
# |---|---|---|
# | mentions the European leaders' ceasefire-or-sanctions demand of 10 May | why Putin proposed the talks | both CGTN articles |
# | gives Russia's stated reason for not accepting a truce (that Ukraine would use it to rearm) | the 30-day ceasefire demand | both CGTN articles, the Global Times, Atalayar |
# | mentions the reported Russian condition that Ukraine withdraw from the four regions (after the talks only) | Russia's territorial condition | CGTN, 17 May |
#
# On the first: the record shows the order in time (the European leaders' demand on 10 May, Putin's proposal about
# 01:30 Moscow time on 11 May), not proof that one caused the other. Three articles link the proposal to that demand
# or to the pressure (as a response to it, or as a way to avoid it); that causal reading is theirs. On the second:
# only the Athens Times gives the reason Russia stated for not accepting the truce. The seven rows:

# %%
helpers.show_differences(corpus, kinds="omission")

# %% [markdown]
# ### 4.6 Naming: *Zelenskyy* or *Zelensky*, *Kyiv* or *Kiev*, and the name of the war (difference 8)
#
# *Time: 1 min.*
#
# These are not facts the record can check, but choices that differ from article to article:

# %%
helpers.show_claims_grid(corpus, values="says", topics=["name_zelensky", "name_kyiv", "name_war"])

# %% [markdown]
# The names of the war differ too. "Special military operation" is the Russian government's official name (the first
# CGTN article puts it in quotation marks, once, and otherwise writes "conflict"); "invasion" (Athens Times, with
# *invade*, three times) names Russia as the party that entered Ukraine; "the war" (Atalayar, the Athens Times, the
# second CGTN article), "the conflict" (every article but Atalayar) and "the Ukraine crisis" (the Global Times and
# the second CGTN article) do not, by themselves, name an initiating party. Most articles use several of these
# names. These are word choices, marked `?` in the grid: the record does not check
# them. The documented facts behind them are a separate matter, with their own sources: notebook 02 (section 1) cites
# the UN General Assembly resolutions of March and October 2022.
#
# Notebook 02 looks at these word choices in detail. Here it is enough to see that they do not follow the outlets'
# countries neatly: the two CGTN articles write "Kyiv", the Global Times "Kiev".
#
# **Check your understanding**: for each of the eight differences, decide whether a reader of that one article alone
# could have noticed it. Which ones need a second source, and which need the record?
#
# ## 5. Can a computer find the same claim in two articles?
#
# *Time: 5 min.*
#
# Lining up claims by hand took careful reading. A simple lexical **matcher** can help by proposing pairs of sentences
# from different articles that share rare words. It uses **BM25**, a standard scoring method from search engines.
# In plain words: **two sentences score high when they share words that are rare in the five articles; shared names
# and numbers count double, and very common words count for little.**
#
# > **Optional: the formula.** For a sentence *q* (the query) and a sentence *d* from another article:
# >
# > score(q, d) = Σ over the distinct words t of q: w_t · idf(t) · f(t,d)·(k1+1) / (f(t,d) + k1·(1 − b + b·|d|/avgdl))
# >
# > where f(t,d) is how often t occurs in d, |d| is the length of d and avgdl the average sentence length,
# > idf(t) = ln(1 + (N − n_t + 0.5)/(n_t + 0.5)) is high for words found in few of the N sentences, k1 = 1.2 and
# > b = 0.75 are the usual settings, and w_t = 2 for **numbers and names** (1,000; 30-day; Dolmabahce; March 2022), 1
# > for other words.
#
# Before counting, speakers' titles and long appositives are removed (`helpers.strip_titles`): "Sun
# Zhuangzhi, director of the Institute of Russian, Eastern European and Central Asian Studies at the Chinese Academy of
# Social Sciences, said" becomes "Sun Zhuangzhi, said", and "Ukrainian Defense Minister Rustem Umerov" becomes
# "Ukrainian Rustem Umerov". Otherwise a long title shared by two sentences would outweigh what they actually say.
#
# For each sentence the matcher proposes its best candidates in the other articles. Here are the ten best-scoring
# pairs, with the words they share (names and numbers marked `*`):

# %%
helpers.show_pairs(corpus, k=1, n=10)

# %% [markdown]
# Read them as a checker would. Several are the same claim (the venue, the first talks since March 2022, Medinsky's
# satisfaction, the 1,000-for-1,000 exchange); some are compatible versions (the duration, rounded to "two-hour" in one
# and "less than two hours" in the other, as in section 4.2; Russia's territorial claims before the talks and the
# withdrawal condition reported after them; two experts' lists of core demands); one sets a forecast against what
# happened (Rubio "will attend the talks" / Rubio "left Istanbul after meeting with Ukrainian officials"); others share
# names or words but say different things (Umerov's two remarks; Russia's message to the United States and Atalayar's
# "refused to send high-level officials"). That is why a person must decide for every candidate: *same claim*,
# *compatible with different detail*, *contradictory*, or *a different claim*.
#
# How many of the pairs in the hand-made claims table does the matcher find? A pair counts as found at *k* if the two
# sentences appear among each other's top *k* candidates (in either direction):

# %%
helpers.evaluate_matching(corpus, k=[1, 3, 5, 10])

# %% [markdown]
# With one candidate per sentence the matcher finds about one pair in eight (18 of 137); with ten candidates, about
# half, but a reader must then look at 676 candidate pairs. The four `unreachable` pairs involve a span in Atalayar's
# standfirst, which the matcher does not read. Most misses are pairs that say related things in different words ("not
# yet said who will be attending" and "refused to send high-level officials"): a lexical matcher finds near-copies and
# shared figures, not paraphrases. Even the 11 pairs coded `same` in both articles are found less than half the time
# (5 of 11 at one candidate):

# %%
helpers.evaluate_matching(corpus, k=1, only_same=True)

# %% [markdown]
# And stripping titles is a trade-off, not a free gain. Without it, recall on the hand table is a little *lower* with
# one candidate per sentence (0.124 against 0.131) and a little *higher* with five or ten (0.358 against 0.336, 0.504
# against 0.489), because titles such as "Ukrainian President" sometimes carry the claim. But the top of the list
# fills with pairs that share little except an expert's title or employer:

# %%
helpers.evaluate_matching(corpus, k=[1, 5, 10], strip=False)

# %% [markdown]
# The six best-scoring pairs when titles are kept. Three of them (the 1st, 5th and 6th) pair two comments by Chinese
# academics whose shared words are mostly titles, institutes and the outlet they spoke to, not what they say:

# %%
helpers.show_pairs(corpus, k=1, n=6, strip=False)

# %% [markdown]
# **Check your understanding**: the matcher proposes the pair "Sun Zhuangzhi, director of ... said the differing
# assessments..." / "Even though Putin's proposal was constructive..." as its best-scoring pair when titles are kept
# (score 67.66); with titles stripped it still proposes the pair, but far down the list (score 13.18, 40th of 82).
# Why, and do the two sentences make the same claim?
#
# ## Key points
#
# - An article can only report what had happened when it was written; the three articles of 14–15 May could only
#   report the proposed date or forecast the talks, and a 15 May date given as the day of the talks is a forecast that
#   did not happen, not an error.
# - Differences come in kinds: forecasts, rounding, misdating, misattributed timing, translation, wire reuse, title
#   errors and omissions. Each calls for a different kind of caution, and only some are mistakes.
# - Every difference in this notebook rests on the article's exact words and on a cited report; the record itself
#   depends on its sources, several of which relay news agencies.
# - Two outlets repeating the same wire sentence are one source, not two.
# - A lexical matcher (BM25) proposes candidate pairs quickly but finds only a part of the claims a careful reader
#   lines up (recall 0.34 at five candidates per sentence): it is a starting point for reading, not a verdict.
#
# ## Discussion questions
#
# 1. If you had read only the Athens Times article, which of its statements could you have checked, and how?
# 2. Atalayar quotes real remarks but places them at the wrong moment. Is that less serious than inventing a quote,
#    or just as misleading? What would a correction look like?
# 3. The second CGTN article and a Xinhua dispatch say "two-hour talks". Does the agreement of two outlets make the
#    figure more trustworthy? When does a second source add confirmation, and when does it only add repetition?
# 4. The record cites outlets from several countries. Whose reports would you add to trust a fact more? Whose would
#    you trust less, and would you apply the same test to every side?
# 5. An article written before an event is wrong about its date. Should a reader blame the outlet? What should the
#    outlet have done when the talks slipped?
#
# ## Exercises
#
# 1. Find every row of the claims table where an article is the **only** one to mention a topic: open the table with
#    `claims = helpers.claims(corpus)`, then count with `claims.groupby("topic")`... What kinds of claims are they,
#    and can the record check them?
# 2. Choose one topic with `relation_to_others == "contradictory"` and write, in two neutral sentences, what each
#    article says and what the record says, citing the record's source.
# 3. Run `helpers.candidate_pairs(corpus, k=3)` and read the first 15 pairs. Label each: same claim / compatible /
#    contradictory / different claim. How many are the same claim? Compare with your neighbour.
# 4. Find a sentence pair that the matcher misses (`helpers.true_pairs(corpus).query("rank > 10")`). Why does it
#    miss it? What would a better matcher need to know?
# 5. Pick one fact of the record and look for a second, independent report that confirms or contradicts it. Add it to
#    the fact's `note` in your own copy, with its address.
#
# Solutions are in `solutions/04-claims-and-the-record.md` (for facilitators; try first).
#
# ## Further reading
#
# - Ashkan Kazemi et al., "Matching Tweets With Applicable Fact-Checks Across Languages" (2022): lexical BM25 is on a
#   par with embedding models for finding the same claim within one language.
# - Stephen Robertson and Hugo Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", *Foundations and
#   Trends in Information Retrieval* 3(4), 2009: where the BM25 formula comes from.
# - Claire Wardle and Hossein Derakhshan, *Information Disorder* (Council of Europe, 2017): among its types, "false
#   context", genuine content shared with the wrong context, such as a real quote placed at the wrong time.
# - The kit's `data/README.md`: the columns of `record.csv` and `annotations/claims.csv`.
