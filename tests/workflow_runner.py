"""Run a GitHub Actions workflow's `run:` steps on this machine, as a runner would.

``run_workflow(path, repository, venv, context)`` reads the workflow, walks its jobs in
``needs`` order and each job's steps in order. A `run:` step runs with bash as GitHub's
``shell: bash`` does (``bash --noprofile --norc -eo pipefail``), in ``repository``, with the
workflow's, job's and step's ``env:``, and ``RUNNER_TEMP``, ``GITHUB_STEP_SUMMARY``,
``GITHUB_ACTIONS=true`` and ``venv/bin`` first on ``PATH``. ``if:`` conditions and ``${{ … }}``
are evaluated from ``context`` (a flat ``{"github.event.repository.private": False, …}``); an
expression outside it is an error, so no step is skipped by a guess. A `uses:` step is not run:
``actions/setup-python`` creates ``venv`` (a fresh virtual environment) when it does not exist
yet, the upload actions record the folder they would upload, and the other known actions are
GitHub's side of the run. An action the runner does not know is an error.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Context = Mapping[str, object]

BASH = ["bash", "--noprofile", "--norc", "-eo", "pipefail"]
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
UPLOADS = {"actions/upload-pages-artifact": "github-pages", "actions/upload-artifact": "artifact"}
GITHUB_SIDE = {
    "actions/checkout",  # the repository folder is the checkout
    "actions/configure-pages",  # reads the repository's Pages settings
    "actions/deploy-pages",  # publishes the uploaded artifact
    "actions/download-artifact",  # the uploaded folder is still where it was
    "pypa/gh-action-pypi-publish",  # uploads to PyPI
}
STEP_KEYS = {"name", "id", "if", "run", "uses", "with", "env", "shell", "timeout-minutes"}
RUNNER_ENV_FILES = ("GITHUB_ENV", "GITHUB_PATH", "GITHUB_OUTPUT")
LEAKING = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")


class WorkflowError(AssertionError):
    """The workflow asks for something this runner does not do, or one of its steps failed."""


@dataclass
class WorkflowRun:
    """What a run did: each step's outcome and output, and the folders it uploaded."""

    steps: list[tuple[str, str, str]] = field(default_factory=list)  # (job, step, outcome)
    outputs: dict[str, str] = field(default_factory=dict)  # step name -> stdout + stderr
    uploads: dict[str, Path] = field(default_factory=dict)  # artifact name -> folder
    summary: str = ""

    def ran(self, outcome: str = "success") -> list[str]:
        return [step for _, step, result in self.steps if result == outcome]


def load_workflow(path: Path) -> dict[str, Any]:
    workflow = yaml.safe_load(path.read_text("utf-8"))
    workflow["on"] = workflow.pop(True)  # PyYAML (YAML 1.1) reads the key `on` as True
    if "defaults" in workflow:
        raise WorkflowError(f"{path.name}: `defaults:` is not supported by this runner")
    return workflow


def value(expression: str, context: Context) -> object:
    """A context value, a literal, or the negation of either."""
    expression = expression.strip()
    if expression.startswith("!"):
        return not value(expression[1:], context)
    literals: dict[str, object] = {"true": True, "false": False}
    if expression in literals:
        return literals[expression]
    if expression in context:
        return context[expression]
    raise WorkflowError(f"unknown expression ${{{{ {expression} }}}}: give it in the context")


def condition(text: object, context: Context) -> bool:
    """An ``if:``: with or without ``${{ }}``, as GitHub accepts both."""
    if isinstance(text, bool):
        return text
    match = EXPRESSION.fullmatch(str(text).strip())
    return bool(value(match.group(1) if match else str(text), context))


def as_text(item: object) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    return "" if item is None else str(item)


def substitute(text: object, context: Context) -> str:
    return EXPRESSION.sub(lambda m: as_text(value(m.group(1), context)), as_text(text))


def job_order(jobs: Mapping[str, Any]) -> list[str]:
    """Job names, each after the jobs it ``needs``."""
    order: list[str] = []

    def visit(name: str, seen: tuple[str, ...]) -> None:
        if name in seen:
            raise WorkflowError(f"jobs needing each other: {' -> '.join((*seen, name))}")
        needs = jobs[name].get("needs", [])
        for need in [needs] if isinstance(needs, str) else needs:
            visit(need, (*seen, name))
        if name not in order:
            order.append(name)

    for name in jobs:
        visit(name, ())
    return order


def action_name(uses: str) -> str:
    return uses.split("@", 1)[0]


def make_venv(venv: Path) -> None:
    """A fresh virtual environment, as ``actions/setup-python`` gives a fresh Python."""
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)


@dataclass
class Runner:
    """One machine of a workflow run: the checkout, the Python, the temporary folder."""

    repository: Path
    venv: Path
    context: Context
    extra_env: Mapping[str, str]
    temp: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="runner-temp-")))

    def base_environment(self) -> dict[str, str]:
        env = {key: item for key, item in os.environ.items() if key not in LEAKING}
        env.update(self.extra_env)
        env.update(
            CI="true",
            GITHUB_ACTIONS="true",
            GITHUB_WORKSPACE=str(self.repository),
            RUNNER_TEMP=str(self.temp),
            GITHUB_STEP_SUMMARY=str(self.temp / "step_summary.md"),
            PATH=f"{self.venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        )
        for name in RUNNER_ENV_FILES:
            env[name] = str(self.temp / name.lower())
        return env

    def environment(self, *scopes: Mapping[str, object]) -> dict[str, str]:
        env = self.base_environment()
        for scope in scopes:
            env.update({key: substitute(item, self.context) for key, item in scope.items()})
        return env

    def shell(
        self, step: Mapping[str, Any], env: dict[str, str], label: str, minutes: float
    ) -> str:
        """Run a `run:` step; return its output, raise WorkflowError if it fails."""
        if step.get("shell", "bash") != "bash":
            raise WorkflowError(f"{label}: shell {step['shell']!r} is not supported")
        script = self.temp / "step.sh"
        script.write_text(substitute(step["run"], self.context), encoding="utf-8")
        for name in RUNNER_ENV_FILES:
            Path(env[name]).write_text("", encoding="utf-8")
        done = subprocess.run(
            [*BASH, str(script)], cwd=self.repository, env=env, capture_output=True,
            text=True, timeout=60 * minutes,
        )  # fmt: skip
        output = done.stdout + done.stderr
        if done.returncode != 0:
            raise WorkflowError(
                f"{label} failed (exit {done.returncode}):\n{step['run']}\n--- output ---\n"
                + output
            )
        for name in RUNNER_ENV_FILES:
            if Path(env[name]).read_text("utf-8"):
                raise WorkflowError(f"{label} writes ${name}, which this runner does not apply")
        return output

    def action(self, step: Mapping[str, Any], run: WorkflowRun) -> None:
        """What a `uses:` step means here: a fresh Python, an uploaded folder, or nothing."""
        action = step["uses"].split("@", 1)[0]
        options = step.get("with", {})
        if action == "actions/setup-python":
            make_venv(self.venv)
        elif action in UPLOADS:
            name = substitute(options.get("name", UPLOADS[action]), self.context)
            run.uploads[name] = self.repository / substitute(options["path"], self.context)
        elif action not in GITHUB_SIDE:
            raise WorkflowError(f"unknown action {step['uses']}: teach this runner what it does")

    def job(self, name: str, job: Mapping[str, Any], workflow_env: Mapping[str, object],
            run: WorkflowRun) -> None:  # fmt: skip
        for index, step in enumerate(job["steps"]):
            label = f"{name} › {step.get('name', step.get('uses', f'step {index + 1}'))}"
            if set(step) - STEP_KEYS:
                raise WorkflowError(f"{label}: keys {sorted(set(step) - STEP_KEYS)} unsupported")
            if "if" in step and not condition(step["if"], self.context):
                run.steps.append((name, label, "skipped"))
            elif "uses" in step:
                self.action(step, run)
                run.steps.append((name, label, "uses"))
            else:
                env = self.environment(workflow_env, job.get("env", {}), step.get("env", {}))
                minutes = float(step.get("timeout-minutes", job.get("timeout-minutes", 360)))
                run.outputs[label] = self.shell(step, env, label, minutes)
                run.steps.append((name, label, "success"))


def run_workflow(
    path: Path, repository: Path, venv: Path, context: Context, extra_env: Mapping[str, str] = {}
) -> WorkflowRun:
    """Run ``path``'s jobs in ``repository``; raise WorkflowError at the first failing step.

    Every job shares ``venv`` and the checkout, where GitHub gives each a new machine."""
    workflow = load_workflow(path)
    runner = Runner(repository, venv, context, extra_env)
    summary = runner.temp / "step_summary.md"
    summary.write_text("", encoding="utf-8")
    run = WorkflowRun()
    try:
        for name in job_order(workflow["jobs"]):
            job = workflow["jobs"][name]
            if "if" not in job or condition(job["if"], context):
                runner.job(name, job, workflow.get("env", {}), run)
        run.summary = summary.read_text("utf-8")
    finally:
        shutil.rmtree(runner.temp)
    return run
