"""Criterion codes: the province-year catalogs, the matcher that gives a criterion name its
code, and the coding of a run's documents (criteria printed by name only, narrative deductions).

    names (comparison forms) -> catalog (entries) -> matcher (closest code, or none)
    pairing (a document's items against its own criteria table) -> coding (the run)
"""
