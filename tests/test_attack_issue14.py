"""Issue 14 under attack: inputs a hostile but fair reviewer would try on the per-tool figures,
the tool column and the € ranges, each where the report could lie, crash or leak a person."""

from __future__ import annotations

from tests.test_tools_site import NBSP, entry, view

NONE_SAVED = "aucun des outils nommés dans les données n'a fait gagner d'heures."


def test_a_tool_that_saved_no_hour_is_never_named_the_busiest():
    """Every hour of the month went to rows without a tool (or was lost): naming a tool
    « celui qui fait gagner le plus d'heures (0,0 h) » would be false, and « sans coût
    renseigné » too when its costs are given."""
    unsaid_only = view(entry("a", 0, None, cost=120.0), entry("b", 0, None, cost=6.0),
                       entry(None, 60, 2.0, cost=120.0))  # fmt: skip
    lost = view(entry("a", 0, None, cost=180.0), entry("b", -12, None, cost=66.0))
    for shown in (unsaid_only, lost):
        sentence = str(shown["sentence"])
        assert "le plus d'heures" not in sentence, sentence
        assert "sans coût renseigné" not in sentence, sentence
        assert sentence == f"En février 2026, {NONE_SAVED}"
    priced_loss = view(entry("a", -3, None, cost=10.0), entry("b", 5, 2.0, cost=10.0))
    assert str(priced_loss["sentence"]).startswith("En février 2026, B est à la fois")
    assert f"(5,0{NBSP}h)" in str(priced_loss["sentence"])
