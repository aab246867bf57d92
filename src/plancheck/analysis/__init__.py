"""What the figures of the plans imply: growth results, claims, facts and identities, comparisons.

Pure computation over models (numpy where it pays); no findings are made here, only results.
"""
