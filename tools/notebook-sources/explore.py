# %% [markdown]
# # Explore the five articles
#
# Choose, type and tick: every answer below comes from the kit's data and changes as soon as you change a control.
# Nothing here needs code. Each box answers the main question of one notebook: read an article with its highlights
# (notebook 00), search a word in context (00, 02), who speaks (01), what each side states it wants (03), what each
# outlet said against the record (04), and two articles side by side.
#
# To show this page without any code, for a projector or for learners: `voila notebooks/explore.ipynb`. To use your
# own articles, start it with `KIT_DATA_DIR=my-corpus voila notebooks/explore.ipynb`; the boxes whose annotations
# your corpus does not have yet say so.

# %%
import helpers

# %% [markdown]
# ## Read an article
#
# Pick an article and the highlights to show: who speaks **[S]**, quotations **[Q]**, contested terms **[T]**, and
# the positions **[P]** of the actor you choose. Choose a highlight in the *Annotation* list to see the annotation
# behind it; hovering over a highlight shows its label too.

# %%
helpers.explore_article()

# %% [markdown]
# ## Search in context
#
# Type a word or a phrase and press *Enter*: every occurrence in the five articles, with the words around it, and
# how often each outlet uses it.

# %%
helpers.explore_search()

# %% [markdown]
# ## Who speaks
#
# Filter the attributed statements by outlet, speaker country, speaker type, form (direct quote, partial quote,
# paraphrase) and relay (through another outlet or not). The counts and the table follow.

# %%
helpers.explore_voices()

# %% [markdown]
# ## What each side states it wants
#
# Choose an actor: the issue list offers only the issues it has stated positions on, with their number. Or switch to
# *One issue, all outlets* to see every outlet side by side on one issue.

# %%
helpers.explore_positions()

# %% [markdown]
# ## What each outlet said, and the record
#
# Choose a topic: what each article says about it, the record it is checked against, and the verdict.

# %%
helpers.explore_claims()

# %% [markdown]
# ## Two articles side by side
#
# Choose two articles: who speaks in each, the contested words each uses, and whose positions each reports.

# %%
helpers.explore_compare()
