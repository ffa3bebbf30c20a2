# %% [markdown]
# # Start here: five outlets, one set of talks
#
# On **16 May 2025** Russian and Ukrainian delegations sat down in Istanbul for their first direct talks in more than
# three years. This kit looks at how five English-language news articles covered those talks: who they let speak,
# which words they chose, what each side is reported to want, and how what each reported compares with the public
# record. This first notebook
# introduces the five articles and the tools you will use in the others.
#
# **Questions**
# - Which five articles are in this kit, who published them, and when?
# - How sure can we be about who published each one and when?
# - Whose coverage is in the kit, and whose is missing?
#
# **Objectives**: by the end you will be able to
# - read the corpus card and tell a verified fact from an inferred one;
# - place each article on a timeline of the events and say what its writer could have known;
# - open any article in the kit's reading view and find a phrase across all five with a keyword-in-context search.
#
# **Prerequisites**
#
# | concept | importance | notes |
# |---|---|---|
# | Running a notebook cell | necessary | click a cell and press Shift+Enter; or *Run → Run All Cells* |
# | Reading a table | helpful | every table here is a pandas DataFrame: one row per article, paragraph or sentence |
# | The Russia–Ukraine war since 2022 | helpful | the notebooks explain what the articles assume |
#
# **Time**: 10 minutes teaching, 10 minutes exercises.
#
# **Using JupyterLab in two lines**: the file browser on the left opens notebooks; Shift+Enter runs the cell you
# are in and moves to the next. Every notebook is saved with its results, so you can also just read it.

# %% [markdown]
# ## About these sources
#
# The five articles were published between 14 and 19 May 2025, three of them before the talks and two after.
# Two are from **CGTN** (China Global Television Network, the international arm of China's state broadcaster),
# one from the **Global Times** (a state-owned Chinese daily published by the *People's Daily*), one from
# **Atalayar** (a private Spanish outlet, here its English edition) and one from the **Athens Times** (an
# English-language site that appears to be Greek; its owner is unknown).
#
# They were not chosen to represent world coverage: they are the articles supplied to the kit's authors, kept
# exactly as they were captured, page furniture and all. None of them has a byline. Some facts about them, such as
# a headline or a date, could be checked against an archived copy of the outlet's own page; others are inferred
# from clues in the text or the web address. The kit always says which.
#
# The article texts belong to their publishers and are included for study and discussion only.

# %% [markdown]
# ## How the kit itself writes
#
# The articles choose their words; the kit tries not to take over any of them. Its own text (these notebooks, the
# tables' summaries and notes) follows one house style:
#
# - ***Kyiv***, ***Volodymyr Zelenskyy*** and ***Türkiye***: the forms the governments concerned use in English
#   (Ukraine's campaign for *Kyiv* from 2018, adopted by AP in 2019; Türkiye's request to the UN in 2022). The kit
#   uses the same rule for every country.
# - ***the war*** for the fighting since February 2022: the general word for armed conflict between states, which
#   by itself names no initiating party. Who did what is stated separately, as documented facts with their sources:
#   for instance, on 2 March 2022 the UN General Assembly "deplores … the aggression by the Russian Federation against
#   Ukraine" (resolution ES-11/1, 141 votes to 5, with 35 abstentions, China and India among them).
# - Words that an article or a side uses for its own reasons, such as *Kiev*, *invasion*, *crisis*, *ultimatum*,
#   *unacceptable* or *constructive*, appear in the kit only inside quotation marks or as named words, when it reports
#   what an article says. The 10 May demand of four European leaders, for example, is "the ceasefire-or-sanctions
#   demand" in the kit's voice, and "an ultimatum" only when an article's own word is quoted.
#
# Why: so that a learner can always tell the article's word from the kit's, and so that the kit's voice does not
# repeat one side's or one outlet's vocabulary. Notebook 02's lexicon lists these words with what each can signal,
# and a test (`tests/test_own_voice.py`) checks the kit's text against it.

# %% [markdown]
# ## Setup
#
# Every notebook starts by importing the kit's `helpers` module, where all the code lives. The notebooks only call
# its functions; `help(helpers.load_articles)` shows what any of them does. (Teachers using their own articles:
# see the note at the very end.)

# %%
import helpers

corpus = helpers.open_corpus()  # the kit's five articles (or your own: see docs/bring-your-own-articles.md)
helpers.corpus_summary(corpus)

# %% [markdown]
# ## 1. The corpus card
#
# *Time: 3 min.*
#
# One row per article. Each fact is followed, in brackets, by how sure we are of it: **verified** (shown on an
# archived copy of the outlet's own page), **inferred** (taken from a clue, such as a date in the web address) or
# **unknown**. The `timing` column says whether the article was written before or after the talks of 16 May.
# The second CGTN article reads *CGTN (inferred)* beside *China (verified (for CGTN))*: that CGTN is Chinese state
# media is verified; that this article is CGTN's is only inferred (the next table gives the clues).

# %%
helpers.html_table(helpers.corpus_card(corpus))

# %% [markdown]
# Which facts are only inferred, and from what clue? The kit keeps the evidence for every fact (in
# `article_provenance.csv`; a corpus without that file shows an empty table here):

# %%
helpers.inferred_metadata(corpus)

# %% [markdown]
# Notice two things. The second CGTN article (`cgtn-2025-05-17`) is *attributed* to CGTN only by a link at the
# end of its text and by its experts having "told China Media Group"; the copy we have came through a republishing
# site, whose last line reads `阅读原文:` (Chinese for "read the original") followed by the CGTN address. And the
# Athens Times date comes from the article itself ("ahead of today’s talks in Istanbul (15.05.2025)").
#
# **Check your understanding**: which article's publication date and time are verified on the outlet's page?
# (Look for `verified` in the `published` column of the card.) The evidence above is cut at 110 characters;
# `helpers.provenance(corpus)` has it in full.

# %% [markdown]
# ## 2. Who is in, and who is missing
#
# *Time: 2 min.*
#
# Count the outlets by country and by ownership. This is the one place in this notebook where you see pandas, the
# table library under the kit, at work: `corpus.articles` is a table with one row per article; `groupby` puts the rows
# with the same country and ownership together, and `size()` counts each group:

# %%
articles = corpus.articles  # one row per article: a pandas DataFrame
articles.groupby(["country", "ownership"]).size().rename("articles").reset_index()

# %% [markdown]
# Three of the five articles come from **Chinese state media**. There is **no Russian outlet, no Ukrainian outlet,
# no US or British outlet and no wire agency** (Reuters, AP, AFP, Xinhua, TASS) among them, although several of
# these agencies are *quoted* inside the articles. Any pattern you find in this kit describes these five articles,
# not "the media".
#
# **Discussion prompt**: if you could add two articles to this corpus, which outlets would you choose, and what
# would you expect them to add? (The last notebook, and the facilitator guide, show how to add your own articles.)

# %% [markdown]
# ## 3. What could each writer know?
#
# *Time: 2 min.*
#
# Putin proposed direct talks on Sunday 11 May, for Thursday 15 May in Istanbul. The talks were postponed by a day
# and held on Friday 16 May. The chart places each article's publication date against those events (facts from
# `record.csv`, chosen in `timeline.csv`; without `record.csv`, only the articles are drawn). A filled marker means
# the date is verified on the outlet's page; a hollow one means it is inferred.

# %%
fig = helpers.plot_timeline(corpus)

# %% [markdown]
# Three articles (both from 14 May and the Athens Times piece of 15 May) were written **before** the talks took
# place: whatever they say about the talks is expectation, not report. The Athens Times article even calls 15 May
# "today’s talks": the day the talks were planned for, not the day they happened. The other two (17 and 19 May)
# were written **after**, and could report the outcome.
#
# **Check your understanding**: which of the five articles could have reported the prisoner exchange agreed in
# Istanbul?
#
# **What happened next.** The five articles stop at 19 May 2025; the talks did not. For a class that knows later
# events, `data/after_the_talks.csv` lists what followed, each event dated and sourced: the exchange of 23–25 May,
# two more rounds in Istanbul (2 June and 23 July 2025), the Trump–Putin meeting in Alaska (15 August), later US,
# Ukrainian and European talks, and three rounds of Russian–US–Ukrainian talks in Abu Dhabi and Geneva (January and
# February 2026), up to the latest dated report the kit's authors found (26 February 2026). Open it from the file
# browser: JupyterLab shows a CSV file as a table. None of the five articles could know any of it; keep it apart when
# you judge what each article says.

# %% [markdown]
# ## 4. Reading an article: body text and page furniture
#
# *Time: 2 min.*
#
# The texts were captured from web pages and still contain photo captions, section labels and links. The kit never
# edits the files; instead it gives every paragraph a **role**. Only `body` paragraphs (and, where it matters,
# the headline and standfirst) are counted in the analyses. Here are the paragraphs of the Global Times article:

# %%
helpers.paragraph_roles(corpus, "globaltimes-2025-05-14")  # on your own corpus: one of corpus.ids

# %% [markdown]
# Now read a whole article in the kit's **reading view**. Paragraphs are numbered (¶), furniture is greyed and
# labelled with its role, and chosen phrases are highlighted. Each highlight carries a letter tag such as **[A]**
# that the legend explains, so you do not need to tell colours apart. Here is the earliest CGTN article, with two
# phrases picked out:

# %%
helpers.show_article(
    corpus,
    "cgtn-2025-05-14",
    highlight={
        "the only person quoted directly, and to whom he spoke": "told China Media Group",
        "the name given to the war, in quotation marks": '"special military operation"',
    },
)

# %% [markdown]
# The article rests almost entirely on one voice: an academic who spoke to China Media Group, CGTN's parent
# company (11 of its 14 attributed statements are his; Putin and Zelenskyy appear only in paraphrase). Notebook
# 01 counts the voices in every article.
#
# **Check your understanding**: what is the role of the first paragraph of this article, and why is it not body
# text?

# %% [markdown]
# ## 5. One word, five articles: keyword in context
#
# *Time: 1 min.*
#
# A **keyword-in-context** (KWIC) table lists every occurrence of a word with the text around it. Ukraine's capital
# is spelled *Kyiv* (transliterated from Ukrainian) or *Kiev* (from Russian) in these articles:

# %%
lines = helpers.kwic(corpus, r"Kyiv|Kiev", regex=True, window=35)  # on your own corpus: a word your articles share
lines[["article_id", "para_no", "left", "match", "right"]]

# %% [markdown]
# The Global Times writes *Kiev*; Atalayar uses both spellings; the others use *Kyiv*. Notebook 02 looks at word
# choices like this one, and what each can signal.

# %% [markdown]
# ## The notebooks in this kit
#
# | notebook | the question it asks |
# |---|---|
# | `00-start-here` | Which articles are these, and what can we know about them? |
# | `01-who-speaks` | Who is allowed to speak in each article, and through whom? |
# | `02-framing-by-source` | How does each outlet frame the talks: which words, which problem, which remedy? |
# | `03-positions-by-side` | What does each side say it wants, as these articles report it? |
# | `04-claims-and-the-record` | What did each outlet say happened, and how does it compare with the record? |
# | `05-code-it-yourself` | Would you code the articles the same way as the kit? How much do coders agree? |
#
# Each notebook can be used on its own; this one is the best first step.

# %% [markdown]
# ## Key points
#
# - The kit's five articles come from four outlets; three of the five articles come from Chinese state media
#   (CGTN twice, the Global Times once), and no Russian, Ukrainian, US or wire-agency outlet is among them.
# - Three were written before the talks of 16 May 2025 and two after: their statements about the talks are,
#   respectively, expectations and reports.
# - Some facts about the articles are verified, some inferred; the corpus card shows which, and the evidence is kept.
# - The kit never edits the articles: it marks page furniture with paragraph roles and points to the exact words.
#
# ## Discussion questions
#
# 1. A learner says: "Three Chinese articles out of five, so the kit is biased towards China." What would you
#    answer? What can, and cannot, be concluded from this corpus?
# 2. Why does it matter whether an article was written before or after the event it describes?
# 3. The second CGTN article reached us through a republishing site. Does that change how much you trust the text?
#    What would you check?
#
# ## Exercises
#
# 1. Use `helpers.kwic` to find every mention of *Istanbul* and *Türkiye* or *Turkey*. Which article uses
#    *Türkiye*?
# 2. Open the Athens Times article with `helpers.show_article(corpus, "athenstimes-2025-05-15")`. How many
#    paragraphs does its body have, and what are the three lines after it?
# 3. Which article has the most words of body text? Use the `articles` table
#    (`articles[["article_id", "word_count"]]`).
#
# Solutions are in `solutions/00-start-here.md` (for facilitators; try first).
#
# ## Further reading
#
# - Melanie Walsh, *Responsible Datasets in Context* (2023–): questions to ask of any dataset before analysing it.
# - Robert M. Entman, "Framing: Toward Clarification of a Fractured Paradigm", *Journal of Communication* 43(4),
#   1993: the definition of framing used in notebook 02.
# - The kit's `data/README.md`: where every file comes from and what each column means.
#
# **For teachers: using your own articles** (see `docs/bring-your-own-articles.md`). The narrative describes the
# kit's five articles; the tables and charts show yours. Section 4 shows your first article, without the phrases
# highlighted in the kit's, and section 5 searches for a word all your articles share.
