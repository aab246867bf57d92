"""Arithmetic of printed figures: their precision, the interval each stands for, and growth.

The lowest layer: it knows numbers as text and numpy, nothing of plans or files.
"""
