"""cchc-extract: commune CCHC / PAPI remediation plans -> Parquet."""

__version__ = "0.1.0"
