"""The Vega bundle shipped in ``generator/vendor/`` is the one vl-convert makes: a build
reads it instead of asking vl-convert, and the site's ``vega.js`` is unchanged."""

from __future__ import annotations

import vl_convert

from generator.figures import vega


def test_the_vendored_bundle_is_what_vl_convert_makes():
    assert vega.VENDORED.is_file(), (
        f"run the command of generator/vendor/README.md ({vega.VERSION})"
    )
    assert vega.VENDORED.read_text("utf-8") == vl_convert.javascript_bundle()


def test_another_vl_convert_falls_back_to_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(vega, "VENDORED", tmp_path / "vega-0.0.js")
    monkeypatch.setattr(vega, "bundle_of", lambda: "const made = 1;")
    assert "const made = 1;" in vega.javascript_bundle()
