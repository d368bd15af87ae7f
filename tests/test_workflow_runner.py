"""The runner of tests/test_package.py: it runs what GitHub would run, and refuses to guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workflow_runner import WorkflowError, run_workflow

PRIVATE = "github.event.repository.private"


def workflow(tmp_path: Path, text: str) -> Path:
    (tmp_path / "repo").mkdir(exist_ok=True)
    path = tmp_path / "workflow.yml"
    path.write_text("on: push\njobs:\n" + text, encoding="utf-8")
    return path


def run(tmp_path: Path, text: str, context: dict[str, object] | None = None):
    path = workflow(tmp_path, text)
    return run_workflow(path, tmp_path / "repo", tmp_path / "venv", context or {PRIVATE: False})


def test_jobs_run_after_the_jobs_they_need_and_steps_in_order(tmp_path):
    done = run(
        tmp_path,
        """
  second:
    needs: [first]
    steps:
      - {name: b, run: 'echo b >> log'}
  first:
    env: {WORD: a}
    steps:
      - {name: a, run: 'echo "$WORD" >> log'}
      - uses: actions/upload-pages-artifact@v5
        with: {path: site}
""",
    )
    assert (tmp_path / "repo" / "log").read_text() == "a\nb\n"
    assert done.ran() == ["first › a", "second › b"]
    assert done.uploads == {"github-pages": tmp_path / "repo" / "site"}


def test_conditions_and_expressions_come_from_the_context(tmp_path):
    text = """
  build:
    steps:
      - name: public
        run: echo public > public
      - name: private
        if: ${{ github.event.repository.private }}
        env: {SHA: "${{ github.event.pull_request.base.sha }}"}
        run: echo "$SHA" > private
      - uses: actions/upload-artifact@v5
        if: github.event.repository.private
        with: {name: report, path: private}
"""
    context = {PRIVATE: True, "github.event.pull_request.base.sha": "abc"}
    assert run(tmp_path, text, context).uploads == {"report": tmp_path / "repo" / "private"}
    assert (tmp_path / "repo" / "private").read_text() == "abc\n"
    (tmp_path / "repo" / "private").unlink()
    with pytest.raises(WorkflowError, match=r"pull_request\.base\.sha"):
        run(tmp_path, text, {PRIVATE: True})  # a step that runs needs all its expressions
    public = run(tmp_path, text, {PRIVATE: False})
    assert public.uploads == {}
    assert not (tmp_path / "repo" / "private").exists()


def test_a_failing_step_stops_the_run_with_its_output(tmp_path):
    text = """
  build:
    steps:
      - {name: pipe, run: "false | true\\necho after > after"}
"""
    with pytest.raises(WorkflowError, match="pipe failed"):
        run(tmp_path, text)  # -o pipefail, as with GitHub's `shell: bash`
    assert not (tmp_path / "repo" / "after").exists()


@pytest.mark.parametrize(
    "step, message",
    [
        ("{if: github.event_name == 'push', run: 'true'}", "unknown expression"),
        ("{run: 'echo ${{ secrets.TOKEN }}'}", "unknown expression"),
        ("{uses: someone/action@v1}", "unknown action"),
        ("{shell: pwsh, run: 'true'}", "not supported"),
        ("{run: 'echo X=1 >> \"$GITHUB_ENV\"'}", "GITHUB_ENV"),
    ],
)
def test_what_the_runner_does_not_know_is_an_error_not_a_skipped_step(tmp_path, step, message):
    with pytest.raises(WorkflowError, match=message):
        run(tmp_path, f"  build:\n    steps:\n      - {step}\n")
