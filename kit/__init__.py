"""The code behind the study kit. Notebooks import it through the top-level ``helpers`` module."""
