"""Stage 4, workbooks: the dashboards' tables as Excel sheets and the CSV templates."""
