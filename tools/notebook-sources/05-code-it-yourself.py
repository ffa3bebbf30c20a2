# %% [markdown]
# # Code it yourself: would you read the articles the same way?
#
# Every table in this kit rests on **coding**: a person read each article and put a label on a piece of text
# ("this sentence reports a *demand* by Russia", "this speaker is a *spokesperson*"). If another careful reader
# would have chosen different labels, the tables would look different. In this notebook you do the coding yourself
# on a small sample, compare your answers with other participants and with the kit, and measure how far coders
# agree with a standard statistic, **Krippendorff's alpha**.
#
# **Questions**
# - Would different readers label the same words the same way?
# - How can agreement between coders be measured, and how much agreement is enough?
# - Which items do coders disagree on, and what does the disagreement teach us about the categories?
#
# **Objectives**: by the end you will be able to
# - code the stance of a stated position, the generic frames of an article and the type of a speaker, using the
#   kit's codes;
# - compute Krippendorff's alpha for a group of coders, and read it against the conventional thresholds .800 and
#   .667;
# - find the items with the most disagreement and explain where a category is unclear.
#
# **Prerequisites**
#
# | concept | importance | notes |
# |---|---|---|
# | `00-start-here` | necessary | the five articles and the reading view |
# | `03-positions-by-side` | helpful | what a stated position and its stance are |
# | `01-who-speaks` | helpful | speakers and speaker types |
# | Percentages | helpful | alpha is explained in plain words below; no formula is needed |
#
# **Time**: 22 minutes teaching, 40 minutes exercises (about 25 minutes to code the 50 items, 15 to compare and
# discuss). A group short of time can code one task only (15 or 20 items, about 10 minutes; see section 3).

# %% [markdown]
# ## About these sources
#
# The sample (`data/coding_round/sample.csv`) holds 50 items taken from the five articles: the **stance** of 15
# stated positions, the 20 yes/no **generic-frame** questions for the Athens Times article, and the **type of
# speaker** behind 15 attributed statements. The items were chosen to cover both sides, the third parties and all
# five articles, and to include some hard cases on purpose.
#
# The **kit's own coding** of the same items comes from its annotation files (`positions.csv`,
# `generic_frames.csv`, `attributions.csv` and `speakers.csv`). It was made by careful reading, with written rules
# (`docs/annotation-conventions.md`), but it is still one reading: comparing with it shows where you differ from
# the kit, not who is right.
#
# The two **example participants** (`data/coding_round/examples/participant-a.csv` and `participant-b.csv`) are
# invented, so that this notebook has something to compute before your group has coded anything. Their answers
# are plausible choices a reader might make, not data about real people.
#
# The generic-frame questions are the kit's paraphrase of Semetko and Valkenburg's (2000) items; the wording has
# not been checked against the paper.

# %% [markdown]
# ## Setup
#
# **Using your own articles?** (see `docs/bring-your-own-articles.md`) Then the narrative describes the kit's five
# articles, and the passages it discusses in sections 1 and 7 are skipped. The round needs its own sample of items
# (`coding_round/sample.csv`): section 3 shows a notice until your corpus has one. Sections 4 and 6 still work:
# they compute alpha on the kit's two example coding sheets, which answer the kit's own sample, not your articles.

# %%
import helpers

corpus = helpers.open_corpus()
examples = helpers.EXAMPLE_CODINGS  # the two invented participants' coding sheets (they coded the kit's sample)

# %% [markdown]
# ## 1. What coding is, and why agreement matters
#
# *Time: 3 min.*
#
# To **code** a text is to sort pieces of it into a fixed set of categories, following written rules (a
# **codebook**). Coding turns reading into something you can count: how often each side is reported to *reject*
# something, or how many speakers are officials. But counts are only as good as the coding. If two careful readers, with the same rules, often put the same
# sentence in different categories, then a count tells us more about the reader than about the article.
#
# So researchers have several people code the same material independently and measure how often they agree. If
# they agree well, the categories are clear enough to rely on. If they do not, the codebook needs sharper rules,
# or the category is genuinely a matter of interpretation, which is worth knowing too.
#
# Here is one item from the sample. Peskov, the Kremlin spokesperson, reacts to Zelenskyy's wish to meet Putin:

# %%
helpers.in_context(corpus, "We only evaluate statements made by President Putin")

# %% [markdown]
# Is this a *rejection* of a meeting of presidents, or a negative *assessment* of Zelenskyy's statements, or
# neither? Reasonable readers differ. The rest of this notebook measures how much.
#
# **Check your understanding**: why is it not enough for one careful person to code all the articles?

# %% [markdown]
# ## 2. The codes
#
# *Time: 3 min.*
#
# **Stance** (what an actor does with a position; the same neutral verbs for every side):
#
# | code | meaning |
# |---|---|
# | `demands` | asks for something from another party, as a requirement |
# | `proposes` | puts forward a plan or an offer |
# | `supports` | backs something (a plan, an idea, talks) |
# | `accepts` | agrees to something offered or asked |
# | `rejects` | turns down something offered or asked |
# | `opposes` | is against something, without a specific offer to turn down |
# | `states_intent` | says what it will do |
# | `assesses_positive`, `assesses_negative`, `assesses_mixed` | judges something (the talks, the other side's conduct) well, badly, or both |
#
# **Generic frames**: answer each question `yes` or `no` for the **whole article** (the Athens Times piece, shown
# in section 3). Answer `yes` only if something in the text supports it.
#
# **Speaker type** (who is named as the source of a statement):
#
# | code | meaning |
# |---|---|
# | `head_of_state_or_government` | a president, a prime minister, the head of the European Commission, or "European leaders" as a group |
# | `vice_president` | a vice-president, e.g. J. D. Vance |
# | `minister` | a government minister, including a foreign minister or the US Secretary of State |
# | `spokesperson` | an official spokesperson of a ministry or a presidency |
# | `negotiator` | a member of a delegation, speaking as negotiator |
# | `legislator` | a member of parliament |
# | `anonymous_official` | an unnamed official, or undisclosed sources |
# | `academic_expert` | a named scholar or analyst |
# | `anonymous_observers` | unnamed "observers" or "experts" |
# | `state_metonym` | a state or capital speaking as a person: "Moscow", "the Kremlin", "Kyiv", "China and Brazil" |
# | `intergovernmental_body` | an organisation of states speaking as such |
# | `outlet_relay` | another news outlet given as the source: "according to the Washington Post" |
# | `outlet_itself` | the article's own narration |
# | `other` | anyone else |
#
# **Check your understanding**: a text says "the Kremlin said Putin would not attend". Which speaker type is "the
# Kremlin", and why is it not `spokesperson`?

# %% [markdown]
# ## 3. Code the sample
#
# *Time: 3 min to present. Then coding alone: about 25 min for all 50 items, about 10 min for one task.*

# %% [markdown] tags=["kit-teacher"]
# > **Teacher note** (left out of the student edition). The kit's own answers to these items appear further down
# > in this notebook (sections 6 and 7, after the round), in notebook 01 §2, §3 and §5 (the speaker type of each
# > speaker), notebook 02 §8 (the generic-frame answers for the Athens Times) and notebook 03 §2, §3, §4 and §7
# > (the stance of these positions). Give participants the student edition made with
# > `python tools/make_student_edition.py --before-round` (or only `05`), and run the round **before** those
# > sections. See `docs/facilitator-guide.md`, "Running the code-it-yourself round".

# %% [markdown]
# Work **alone**, without looking at the kit's tables or at your neighbours: the point is to see how far
# independent readers agree. Leave an item empty if you cannot decide; a missing answer is allowed.
#
# For the generic-frame questions, read the Athens Times article first:

# %%
helpers.show_frames_article(corpus)

# %% [markdown]
# The paragraphs keep the order of the saved web page: in this copy the whole article is one long paragraph (¶1),
# and the headline and some page furniture come after it. Code the article from ¶1.
#
# There are two ways to record your answers.
#
# **The form.** In a running notebook, the cell below shows a form.
#
# 1. Type your name (or a pseudonym, in any alphabet) and press *Enter*.
# 2. Choose a task with the buttons (*Stance*, *Generic frames*, *Speaker type*): one task at a time. Each item
#    shows the words to judge, marked inside their sentence, with the outlet, the date and the paragraph.
# 3. Choose a code for each item from its list. **Every answer is saved the moment you choose it**, in your own
#    file in the folder `participant-notes/coding-round/` at the top of the kit (a folder that is never shared or
#    committed). The counter shows how many of the 50 items you have answered.
# 4. To come back later (after a break, a restart, on another day), type the same name: the form asks whether the
#    sheet it found is yours, and *Yes* loads your answers back. *No* starts a new sheet, for a second person with
#    the same name.
# 5. On a shared computer, press **Clear for the next person** when you are done: your answers stay saved, and the
#    form is empty for the next participant.
#
# A group short of time can code one task only: write `helpers.coding_form(task="stance")` (or
# `task="generic_frames"`, `task="speaker_type"`) in the cell instead. In a saved copy or a printed handout, the
# same cell shows the items as text, which you can answer on paper.

# %%
helpers.coding_form()

# %% [markdown]
# **The coding sheet.** To code in a spreadsheet instead, make a blank sheet with your name in it:
#
# ```python
# helpers.write_template("../participant-notes/coding-round/ana.csv", "ana")
# ```
#
# Open the file in a spreadsheet program, fill the `code` column with one of the `allowed_codes` of each row (the
# `note` column is for your doubts), and save it as CSV. Comma- and semicolon-separated files are both read (many
# spreadsheet programs in Europe save with semicolons). `write_template` never replaces a sheet that already holds
# answers.
#
# **Check your understanding**: why should each participant code alone before the group discusses?

# %% [markdown]
# ## 4. How much do the coders agree? Krippendorff's alpha
#
# *Time: 5 min.*
#
# The simplest measure is the share of items on which two coders give the same answer. It is misleading: with two
# codes, `yes` and `no`, two people answering at random would still agree about half the time. **Krippendorff's
# alpha** corrects for this. In plain words:
#
# > alpha = 1 − (the disagreement we observe) / (the disagreement we would expect if the same answers were
# > handed out at random)
#
# - **alpha = 1**: perfect agreement.
# - **alpha = 0**: no better than chance.
# - **below 0**: coders disagree systematically (for example, they understood a code in opposite ways).
#
# It works for any number of coders and tolerates missing answers. A tiny example: two coders answer six yes/no
# questions and agree on four of them (67%):

# %%
coder_1 = ["yes", "yes", "no", "no", "yes", "no"]
coder_2 = ["yes", "no", "no", "no", "yes", "yes"]
print(f"alpha = {helpers.krippendorff_alpha([coder_1, coder_2]):.3f}")

# %% [markdown]
# Agreeing on 4 of 6 sounds good, but with half `yes` and half `no` answers, two coders handing out the same
# answers at random would agree on about half the items too. The coders disagree on 2 of 6 items (33%); chance
# would produce about 55% disagreement (alpha pairs up the 12 answers at random: with 6 `yes` and 6 `no`, a random
# pair differs 6 × 6 × 2 / (12 × 11) ≈ 55% of the time); alpha = 1 − 0.33 / 0.55 = 0.389.
#
# **How much is enough?** Krippendorff's conventions, used across communication research:
#
# | alpha | what it allows |
# |---|---|
# | .800 or more | rely on the variable |
# | .667 to .800 | draw tentative conclusions only |
# | below .667 | do not rely on it; sharpen the codebook and code again |
#
# Now the two example participants, task by task. `alpha` is their agreement with each other; `alpha_with_kit`
# counts the kit's own coding as a third coder; `same_as_kit` is the share of their answers that match the kit's.

# %%
helpers.agreement(examples)

# %% [markdown]
# The two example coders reach only tentative agreement on the generic frames and the speaker types, and do not
# reach it on stance (below .667): with these 15 items, a stance count made by either of them alone should not be
# trusted without discussion. Note that 15 or 20 items is a small sample, so one changed answer moves alpha
# noticeably.
#
# **Check your understanding**: participant-b left one speaker item empty. Can alpha still be computed for that
# task? What happens to that item?

# %% [markdown]
# ## 5. Your group's round
#
# *Time: 3 min.*
#
# When your group has coded, bring everyone's sheets together in one folder. There are two ways, and neither needs
# a USB stick:
#
# - **One shared folder.** If every participant works on the same server (a JupyterHub, a lab computer used in
#   turn), the form already saves every sheet in `participant-notes/coding-round/`, one file per person, and two
#   people never share a file. A shared network folder works the same way:
#   `helpers.coding_form(out_dir="/path/to/shared/folder")`.
# - **One pasted text.** Under the items, the form shows each participant's answers as one line
#   (`coding-round | name | st01=… st02=… | 12 answers`). Everyone copies their line and pastes it where the
#   room shares text: the chat of a video call, a shared document, an e-mail. The facilitator copies everything
#   that was pasted (chat names and times can stay) and runs:
#
# ```python
# pasted = """(paste here)"""
# helpers.collect_pasted(pasted)   # one sheet per line, in participant-notes/coding-round/
# ```
#
# The table it returns says for each line whether it was saved; a line cut short by a chat program is not saved,
# and its status asks for the whole line again. Pasting the same text twice adds nothing, and nothing is ever
# overwritten.
#
# Then run the functions of sections 4, 6 and 7 on that folder. From this notebook's folder:
#
# ```python
# my_round = "../participant-notes/coding-round"
# helpers.agreement(my_round)
# helpers.agreement_with_kit(my_round)
# helpers.show_disagreements(my_round, n=8)
# ```
#
# `show_disagreements` counts the answers per code ("rejects ×3 · opposes ×2"), so the room discusses the
# categories rather than who chose what; `names=True` lists the names. With fewer than 10 items answered by two or
# more coders, the verdict says "too few items to judge" instead of reading alpha against the thresholds. If a sheet
# has a problem (an unknown code, an item answered twice, a missing column), the error names the file and the line
# to fix. Any number of participants works; with one participant, only the comparison with the kit can be computed.
#
# To keep your answers and thoughts, save them as notes you can take away (a Markdown file in
# `participant-notes/`, which is never shared or committed):
#
# ```python
# helpers.participant_notes({"The item I found hardest": "st14, because ...",
#                            "A rule I would add to the codebook": "..."}, participant="ana")
# ```
#
# **Check your understanding**: your group of six coders reaches alpha = 0.74 on stance. What may you say about
# the stance counts in notebook 03, and what may you not say?

# %% [markdown]
# ## 6. Each participant against the kit
#
# *Time: 2 min. Shows answers to the coding round: show it only after the group has coded.*
#
# How close does each coder come to the kit's own reading? `answers` counts the answers given; `n_same_as_kit` how
# many of them match the kit (a count, where the table above gave a share); `alpha` treats the participant and the
# kit as two coders.

# %%
helpers.agreement_with_kit(examples)

# %% [markdown] tags=["kit-answer"]
# Remember that the kit's coding is one careful reading, not the truth. A participant who differs from the kit on an
# item may have found a weakness in the kit's rule, or in the category itself.
#
# **Check your understanding**: both example participants coded Umerov ("Ukrainian Defence Minister Rustem Umerov
# said") as `minister`; the kit says `negotiator`. Who is right? What would the codebook have to say to settle it?

# %% [markdown]
# ## 7. Where do coders disagree most?
#
# *Time: 3 min. Shows answers to the coding round: show it only after the group has coded.*
#
# An item's **disagreement** is the share of pairs of coders who gave it different codes: with three coders (two
# participants and the kit), 0.67 means one coder differs from the other two, and 1.00 means all three chose
# different codes. The items worth discussing follow, with the two example participants' answers counted per code
# and the kit's own code (the student edition leaves them out: your facilitator shows them after the round).

# %% tags=["kit-answer"]
helpers.show_disagreements(examples, n=8)

# %% [markdown] tags=["kit-answer"]
# Read the first one in its context:

# %% tags=["kit-answer"]
helpers.in_context(corpus, "a move Moscow considers an existential threat")

# %% [markdown] tags=["kit-answer"]
# Is "considers an existential threat" an *opposition* to Ukraine joining NATO, a *rejection*, or a negative
# *assessment*? All three readings have a case. Disagreements like this one usually come from a category boundary
# (here: `opposes` versus `rejects` versus `assesses_negative`), not from carelessness. The codes of section 2
# already say that `rejects` needs something specific offered or asked, so the open boundary is between judging and
# being against. The remedy is a sharper rule for it, for example: "a judgement of something (Moscow *considers* it
# a threat) is `assesses_negative`; `opposes` only for a stated position against it ('Russia opposes Ukraine's
# membership')".

# %% [markdown] tags=["kit-answer"]
# **Check your understanding**: in the generic frames, both participants answered `no` to "Does the story suggest
# that an individual (or group of people in society) is responsible for the issue/problem?", while the kit
# answered `yes`. Find the kit's evidence with `helpers.read_annotation` or in `generic_frames.csv` (item
# `resp4`). Is it convincing?

# %% [markdown]
# ## Key points
#
# - Coding turns reading into counts; the counts are only as good as the agreement between independent coders.
# - Krippendorff's alpha measures that agreement beyond chance, for any number of coders, with missing answers
#   allowed: 1 is perfect, 0 is chance. Rely on a variable at .800 or more; draw tentative conclusions between .667
#   and .800.
# - Percentage agreement flatters: two coders who agree on 4 of 6 yes/no items reach an alpha of only 0.389.
# - Disagreement is informative: it points to the boundaries between categories (`opposes` or `rejects`?
#   `minister` or `negotiator`?) where a codebook needs a sharper rule.
# - The kit's own coding is one careful reading; agreeing with it is not the same as being right.
#
# ## Discussion questions
#
# 1. Which task was hardest for your group: stance, generic frames or speaker types? Why do you think so?
# 2. On the item your group disagreed on most, what would a rule look like that settles it? Would the rule
#    change the meaning of the category?
# 3. Could your own view of the war, or of an outlet, have influenced your coding? On which items? How would a
#    research team guard against this?
# 4. Human interest is coded `no` for every article in the kit. Does that mean coders agree perfectly on it? What
#    does alpha say about a question everyone answers the same way?
#
# ## Exercises
#
# 1. Compute alpha for the example participants on the stance items **without** two of the most disputed items
#    (`st14` and `st04`). Hint: build the two coders' lists from `helpers.load_codings(examples)` and pass them to
#    `helpers.krippendorff_alpha`. How much does alpha change, and what does that tell you about small samples?
# 2. A standard test example for alpha (used by the `krippendorff` Python package and by the Wikipedia article on
#    alpha) has three coders and 15 units, with missing values. Enter it (coder 1:
#    `_ _ _ _ _ 3 4 1 2 1 1 3 3 _ 3`; coder 2: `1 _ 2 1 3 3 4 3 _ _ _ _ _ _ _`; coder 3:
#    `_ _ 2 1 3 4 4 _ 2 1 1 3 3 _ 4`, with `None` for `_`) and compute alpha with `level="nominal"` and
#    `level="interval"`. Why is the interval alpha higher?
# 3. Write a one-sentence rule that separates `rejects` from `opposes`, then recode the stance items with it. Did
#    your answers change?
#
# Solutions are in `solutions/05-code-it-yourself.md` (for facilitators; try first).
#
# ## Further reading
#
# - Klaus Krippendorff, "Computing Krippendorff's Alpha-Reliability", University of Pennsylvania, 2011: the
#   computation step by step, with worked examples.
# - Andrew F. Hayes and Klaus Krippendorff, "Answering the Call for a Standard Reliability Measure for Coding
#   Data", *Communication Methods and Measures* 1(1), 2007.
# - Klaus Krippendorff, *Content Analysis: An Introduction to Its Methodology*, 4th edition, Sage, 2019, chapter 12.
# - Holli A. Semetko and Patti M. Valkenburg, "Framing European Politics: A Content Analysis of Press and Television
#   News", *Journal of Communication* 50(2), 2000: the five generic frames and their questions.
