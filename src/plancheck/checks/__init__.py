"""The checks: one module per family of rules, registered explicitly in ``registry`` (no discovery).

Each module has ``RULES`` (its rule ids, levels and one-line summaries), a docstring that is its
user documentation with an example of each rule, and ``check(ctx) -> Iterator[Finding]``.
"""
