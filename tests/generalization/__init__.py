"""Generated plans of the genre, with gold, to judge the rules on communes never seen.

`python -m tests.generalization OUT --count 48 --seed 1` writes OUT/docx, OUT/pdf (LibreOffice),
OUT/browser (headless Chromium), OUT/gold and OUT/manifest.json (each plan's kind and the value
it drew for every dimension). `report.py` scores a pipeline run per form and per dimension value.
"""
