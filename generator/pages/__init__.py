"""Stage 4, pages: the Markdown pages, cards, checklist and survey forms."""
