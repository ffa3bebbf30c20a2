# %% [markdown]
# # What each side says it wants: the positions ledger
#
# Before and after the Istanbul talks, each side set out what it wanted: a ceasefire first or talks first, land,
# NATO, sanctions, a meeting of presidents. This notebook collects every such position that the five articles
# report, and lets you compare the sides issue by issue, always with the sentence the position comes from and with
# the answer to two questions: **who says so**, and **through whom** it reaches the reader.
#
# **Questions**
# - What do Russia and Ukraine state they want, as these five articles report it?
# - On which issues do their stated positions meet, and where do they clash?
# - What do the third parties (the United States, the EU, the UK, China, Brazil) press for, and what role does Türkiye,
#   the host, play?
# - Does a position reach the reader from the side's own officials, from another party, from an analyst, or from
#   the outlet's own narration?
#
# **Objectives**: by the end you will be able to
# - read a position in the ledger and find its evidence sentence in the article;
# - tell an actor (whose position it is) from a speaker (who voices it) and a relay (through which outlet);
# - compare two sides on one issue and say which outlets carry which position, and through whom.
#
# **Prerequisites**
#
# | concept | importance | notes |
# |---|---|---|
# | `00-start-here` | necessary | the five articles and the reading view |
# | `01-who-speaks` | helpful | who is quoted in each article, and how |
# | The state of the war in May 2025 | helpful | the notebook explains the issues as they come up |
#
# **Time**: 25 minutes teaching, 20 minutes exercises.

# %% [markdown] tags=["kit-teacher"]
# *For teachers*: a section marked "*Shows answers to the coding round …*" shows the codes that students assign
# themselves in notebook 05's coding round. If your class does that round, do it before sections 2, 3, 4 and 7.

# %% [markdown]
# ## About these sources
#
# The **positions ledger** (`data/annotations/positions.csv`) was made by careful reading of all five articles and
# compared with a second, independent reading to catch omissions. Each row is one position in one article:
#
# - the **actor**: whose position it is (Russia, Ukraine, the United States, ...);
# - the **speaker**: who voices it in the text (Putin, Peskov, Zelenskyy, a Chinese academic, or a state or group
#   named as a whole: "Moscow", "Kyiv", "the United States", "European leaders", "Kyiv, alongside Trump’s
#   administration");
# - the **voice**: `official` (the position is credited by name to the actor's own official, or to the state saying
#   something, as in "Moscow made it clear"; not always in their own words), `other_party` (another party describes
#   it, such as Russia's negotiator on what Ukraine proposed), `analyst` (an expert describes it) or `outlet` (the
#   article's own narration states it). A state counts as `official` only when the text has it say something; a
#   named official counts whatever the verb. So in the Athens Times' "a possibility rejected by Moscow and former
#   U.S. President Donald Trump", Russia's rejection is `outlet` ("rejected" names the position, not a statement)
#   and the US one is `official` (Trump is named);
# - the **relay**: the go-between named in the same sentence, another outlet ("Tass reported", "quoted by CNN") or an
#   anonymous source ("According to Russian diplomatic sources");
# - the **issue**, the **stance** (the same neutral verbs for every side: demands, proposes, rejects, ...), a one-line
#   summary, any condition, and the **verbatim evidence**.
#
# Remember what the ledger can and cannot show. It records what **these articles report**, not everything the
# parties said; three of the five articles are Chinese state media, and three were written before the talks (14, 14
# and 15 May). The kit does not judge which demand is reasonable.
#
# **Reading the codes.** Issues have short names such as `nato_neutrality` (NATO membership or neutrality) or
# `talks_assessment` (a judgement of the talks); `helpers.issues_codebook()` lists them all with their definitions.
# Stances use plain verbs: `demands`, `proposes`, `supports`, `accepts`, `rejects`, `opposes`, `states_intent`
# (states an intention), and `assesses_positive` / `assesses_negative` / `assesses_mixed` (a judgement).

# %% [markdown]
# ## Setup
#
# The ledger is a hand-coded table. `corpus = helpers.open_corpus()` opens the articles and their annotations once;
# on a corpus that has no ledger yet, each cell below shows a short notice instead of an error.
#
# **Using your own articles?** The narrative describes the kit's five articles; the tables and charts show yours;
# hand-coded layers show a notice until you code them (see `docs/bring-your-own-articles.md`). This notebook rests
# entirely on the positions ledger, which needs three files: `positions.csv`, `speakers.csv` and
# `issues_codebook.csv`.

# %%
import helpers

corpus = helpers.open_corpus()
helpers.positions_overview(corpus)

# %% [markdown]
# ## 1. Who voices the positions?
#
# *Time: 4 min.*
#
# First, per actor: how many positions does the ledger hold, and through which voice do they reach the reader?

# %%
helpers.voice_summary(corpus)

# %% [markdown]
# Russia and Ukraine have a similar number of positions (55 and 47), and for both fewer than half (25 and 19) are
# credited to their own officials or state. Credited is not quoted: in the Global Times, three of Ukraine's positions
# are credited to Zelenskyy by name, but no words of his are reported there (notebook 01 counts no Ukrainian statement
# in that article). The rest are described by others: by the outlet's narration, by analysts, or by another party.
# Now the same count per article:

# %%
helpers.voice_summary(corpus, by="article")

# %% [markdown]
# The first CGTN article (14 May) carries almost every position through **one analyst** (12 of 14); the Athens Times
# states most positions **in its own narration** without naming a source (17 of 30); the Global Times and Atalayar
# carry the most positions credited to officials (14 and 22).
#
# **Check your understanding**: in the first CGTN article, which actor's positions are described by an analyst rather
# than stated by the actor's own officials? (Use `helpers.positions_of(corpus, ["russia", "ukraine"])` and look at
# the `article` and `voice` columns.)

# %% [markdown]
# ## 2. Russia's stated positions, credited to its officials
#
# *Time: 3 min. Shows answers to the coding round (notebook 05): where a class does the round, show this after it.*
#
# Here are the positions that the articles attribute to **Russian officials** (Putin, Peskov, Medinsky, Lavrov) or to
# the Russian state saying something ("the Kremlin had said", "Moscow made it clear"), sorted by issue. The `span`
# column holds the exact words of the article.

# %%
russia_official = helpers.positions_of(corpus, "russia", voice="official")
# pandas: keep only the columns to read here, in this order (the evidence last)
helpers.html_table(russia_official[["article", "issue", "stance", "summary", "speaker", "relay", "span"]])

# %% [markdown]
# ## 3. Ukraine's stated positions, credited to its officials
#
# *Time: 3 min. Shows answers to the coding round (notebook 05): where a class does the round, show this after it.*
#
# The same view for **Ukrainian officials** (Zelenskyy, Umerov, Tykhyi, Kyslytsya, and the lawmaker Zheleznyak). In
# the Global Times rows, Zelenskyy's positions come without any words of his: two are the Washington Post's account of
# his response, one is named in the question put to Peskov.

# %%
ukraine_official = helpers.positions_of(corpus, "ukraine", voice="official")
helpers.html_table(ukraine_official[["article", "issue", "stance", "summary", "speaker", "relay", "span"]])

# %% [markdown]
# Notice what each side's own officials are credited with in these articles. Russian officials are reported mostly on
# the **process** (proposing talks, the delegation, readiness to continue); in the Athens Times on territory, arms
# deliveries, a transitional government and the "deep-rooted causes"; and in Atalayar the Russian state ("Moscow made
# it clear") on the withdrawal condition for a truce. Ukrainian officials are reported on a **ceasefire**, a
# **meeting of presidents**, their **assessment of the talks**, the prisoner exchange, sanctions, and, in the Athens
# Times, Crimea, NATO membership and security guarantees.
#
# **Check your understanding**: which Russian official's words about territory appear in the ledger, in which article,
# and what does the Athens Times get wrong about when he said them? (Notebook 04 has the answer; the ledger's
# `notes` column also says.)

# %% [markdown]
# ## 4. Issue by issue, side by side
#
# *Time: 7 min. Shows answers to the coding round (notebook 05): where a class does the round, show this after it.*
#
# Each table below puts Russia's and Ukraine's reported positions on one issue next to each other, one row per
# article, with the evidence **in bold** inside its sentence and who voices it.
#
# ### Ceasefire first, or talks first?

# %%
helpers.side_by_side(corpus, "russia", "ukraine", "ceasefire")

# %% [markdown]
# **Ukraine's reported position**: an immediate, full and unconditional ceasefire, with sanctions if Russia refuses.
# Its own officials are credited with it only in Atalayar (Tykhyi's readiness to agree to a ceasefire at once,
# Zelenskyy's demand for a full and unconditional one). The "30-day" figure comes from analysts (the Chinese articles)
# and from the outlets' narration.
#
# **Russia's reported position**: direct talks, which it hopes will answer Ukraine's call for a ceasefire (an analyst,
# first CGTN article); no ceasefire so far (Putin, as summarised by the Athens Times, which adds his argument that a
# ceasefire would let Ukrainian forces rearm); a truce only if Ukraine withdraws from the four regions ("Moscow made it
# clear", according to a Turkish official quoted by CNN, in Atalayar); and, after the talks, both sides will present
# their views on a ceasefire (Medinsky). Its officials or state are credited with a ceasefire position three times:
# Putin's rejection, Medinsky's statement and Moscow's condition; none of the three is in Russian words quoted
# directly. Only the Athens Times gives the reason Russia states for refusing a ceasefire so far (that Ukrainian
# forces would rearm); Atalayar reports the refusal ("Russia again rejected a ceasefire") and Russia's territorial
# condition for a truce, but no reason; the Global Times reports no Russian ceasefire position at all.
#
# ### Territory

# %%
helpers.side_by_side(corpus, "russia", "ukraine", "territory")

# %% [markdown]
# Russia's territorial position appears in two articles only: through Lavrov and the outlet's narration in the
# Athens Times, and in Atalayar as what "Moscow made it clear", reported by **an unnamed Turkish official and relayed
# by CNN**. No article names a Russian official stating the withdrawal condition reported after the talks, or quotes
# Russian words on it. Ukraine's territorial position comes through an analyst in both CGTN articles, through the
# narration and Zelenskyy in the Athens Times, and through the narration in Atalayar.
#
# ### NATO and security guarantees

# %%
helpers.side_by_side(corpus, "russia", "ukraine", "nato_neutrality")

# %%
helpers.side_by_side(corpus, "russia", "ukraine", "security_guarantees")

# %% [markdown]
# ### Sanctions

# %%
helpers.side_by_side(corpus, "russia", "ukraine", "sanctions")

# %% [markdown]
# ### A meeting of the presidents

# %%
helpers.side_by_side(corpus, "russia", "ukraine", "leaders_meeting")

# %% [markdown]
# ### The prisoner exchange

# %%
helpers.side_by_side(corpus, "russia", "ukraine", "prisoner_exchange")

# %% [markdown]
# **Check your understanding**: on which of these issues does the corpus hold a position of one side only? What
# does that tell you about the articles, rather than about the sides?

# %% [markdown]
# ## 5. The third parties: what they press for
#
# *Time: 3 min.*
#
# The United States, the European Union and its leaders, the United Kingdom, China and Brazil also state positions.
# (Türkiye, the host, appears only as a voice: "Turkey, the host country, said both sides agreed ‘in principle’ to meet
# again", and through the Turkish official quoted by CNN. It has no position of its own in these articles.)

# %%
third_parties = ["united_states", "european_union", "united_kingdom", "china", "brazil"]
third = helpers.positions_of(corpus, third_parties)
helpers.html_table(third[["actor", "article", "issue", "stance", "summary", "speaker", "voice", "relay"]])

# %% [markdown]
# China's and Brazil's positions appear only in the Global Times: credited to a Chinese foreign-ministry spokesperson
# and to Brazil's president, Lula, stated by the narration as what "China and Brazil agreed" (reported by Xinhua in
# one of its two paragraphs), plus one description by the analyst Sun Xiuwen. The US positions come mostly from Atalayar (8 of 14: Rubio, Trump, Vance, and "the United
# States" named as a whole) and the Athens Times (4: Trump's rejection of NATO membership for Ukraine, and three
# stated jointly with Kyiv or with the European allies). Half of the eight European positions are the ceasefire-or-sanctions demand of 10 May (an "ultimatum" in
# the Global Times and the Athens Times), stated by the narration. "Europe (the EU and European leaders)" groups the EU's
# institutions with European leaders, and the leaders of 10 May include the UK's prime minister, whose country is not
# in the EU. Ukraine's unnamed "allies" in Atalayar and the Athens Times' "third-party countries" are counted as
# unnamed third countries (4 positions, all stated by the narration).
#
# **Check your understanding**: the United Kingdom's one position is voiced by its own official. Which actors in the
# ledger are voiced *only* by outlets' narration or analysts, never by an official? (Look at `helpers.voice_summary(corpus)`
# in section 1: the last two rows.)

# %% [markdown]
# ## 6. Which outlet carries which position, through whom?
#
# *Time: 3 min.*
#
# The table shows, for each of Russia's and Ukraine's issues, which article carries it and through which voice. An
# empty cell means the article does not report that position.

# %%
helpers.coverage(corpus)

# %% [markdown]
# Read a row across to see one position travel through the corpus. For example, **Russia on NATO** is described by
# analysts in both Chinese articles of 14 May and stated by the outlet's narration in the Athens Times and Atalayar;
# no article quotes a Russian official on it. **Ukraine on a meeting of presidents** is credited to Ukrainian
# officials in four articles (in the Global Times without any words of theirs).
#
# The chart sums it up: the number of positions per actor and issue, and how many of them come from the actor's own
# officials.

# %%
fig = helpers.plot_position_matrix(corpus)

# %%
fig = helpers.plot_position_matrix(corpus, voice="official")

# %% [markdown]
# ## 7. Explore: pick an actor and an issue
#
# *Time: 2 min. Shows answers to the coding round (notebook 05): where a class does the round, show this after it.*
#
# Choose an actor and an issue to read every reported position with its sentence. (In a saved copy or a printed
# handout you see the starting choice, Russia on the ceasefire; run the notebook to use the menus.)

# %%
helpers.position_picker(corpus, actor="russia", issue="ceasefire")

# %%
# every article on one issue, one row each (articles that report no position are listed too)
helpers.issue_by_outlet(corpus, "ceasefire")

# %% [markdown]
# ## Key points
#
# - A position has an **actor** (whose it is), a **speaker** (who voices it), often a **relay** (through whom), and a
#   **voice** type. Keeping them apart shows how differently the same position can reach a reader.
# - In these articles, Russian officials are reported mostly on the process of the talks, Ukrainian officials mostly
#   on a ceasefire, a presidents' meeting, their assessment of the talks, the prisoner exchange and sanctions.
# - For both sides, core positions on territory and NATO often reach the reader through analysts, the outlet's
#   narration or another party rather than the side's own officials.
# - In the first CGTN article, both sides' positions are mostly described by one analyst; in the Global Times,
#   Zelenskyy's positions come without any words of his (the Washington Post's account of his response, a question
#   put to Peskov), while Peskov's words come through TASS.
# - A position credited to an official is not always in that official's words: compare this ledger with the
#   statements of notebook 01 before saying who "speaks" in an article.
# - Third parties' positions depend on the outlet: China and Brazil appear only in the Global Times; the US mostly in
#   Atalayar and the Athens Times.
# - The ledger describes what the articles report, in the same neutral verbs for every side; it does not judge which
#   demand is reasonable.
#
# ## Discussion questions
#
# 1. Some core positions of both sides reach the reader without the side's own officials: no Russian official voices
#    Russia's demand about NATO, and no Ukrainian official gives the "30-day" figure of Ukraine's ceasefire call. Does
#    it matter for a reader whether a position is stated by the party itself, by an analyst, or by the journalist?
#    Why?
# 2. The Global Times reports that Zelenskyy "then elevated it to the presidential level" through the Washington
#    Post; Atalayar reports Russia's territorial condition through "a Turkish official quoted by CNN". For each, how
#    many steps lie between the side and the reader? What could change at each step?
# 3. Pick one issue on which the sides' positions are both reported. Write one neutral sentence that states both. Was
#    it hard? Which words did you avoid?
# 4. Which positions would you expect to find in a Russian or a Ukrainian outlet's article about the same talks that
#    are missing here?
#
# ## Exercises
#
# 1. Use `helpers.side_by_side(corpus, "russia", "ukraine", "direct_talks")`. Which side's positions on direct talks
#    are reported in more articles?
# 2. List every position that reaches the reader through a relay (another outlet or an anonymous source):
#    `ledger = helpers.positions(corpus)` (the whole ledger), then `ledger[ledger.relay != ""]`. Which relays carry
#    Russian positions, and which carry Ukrainian ones?
# 3. Find Russia's condition for a truce in Atalayar (its `condition` starts "a truce only if"). Who voices it, and
#    through whom?
# 4. Choose one row of the ledger you disagree with (actor, issue, stance or voice). Write down the row's
#    `position_id` and your coding, with a reason based on the sentence.
#
# Solutions are in `solutions/03-positions-by-side.md`.
#
# ## Further reading
#
# - Ruud Koopmans and Paul Statham, "Political Claims Analysis", *Mobilization* 4(2), 1999: the claim as a unit
#   (who claims what, of whom, on which issue).
# - Philip Leifeld, "Discourse Network Analysis", in *The Oxford Handbook of Political Networks*, 2017.
# - Christine Bell and Sanja Badanjak, "Introducing PA-X", *Journal of Peace Research* 56(3), 2019: the peace-agreement
#   categories the issue codes follow.
# - The ledger's datasheet: `data/README.md`, section `annotations/positions.csv`.
