"""Reading a plan's published text: tables, cells and sentences into figures traced to their lines.

The layer drafts plan data from a document: :mod:`.text` decodes the bytes, :mod:`.tables` finds
indicator tables and reads their rows, :mod:`.cells` reads one cell or number phrase, :mod:`.prose`
finds targets and achievements in sentences, and :mod:`.document` puts them together. Every figure
carries the 1-based line of the text it was read from. It imports only ``arith`` and ``model``.
"""
