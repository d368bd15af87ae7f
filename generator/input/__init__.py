"""Stage 1, input: the CSV files' declaration, reading, parsing, checks and company.yml."""
