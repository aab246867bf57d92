"""The data plancheck reasons about: plans and the catalogue as pydantic models, where each value
was written, findings, levels and statuses, and how units and qualifiers are written."""
