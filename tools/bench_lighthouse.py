"""The Lighthouse part of ``make bench`` (``tools/bench.py --lighthouse-only``).

Builds the demo site (or takes a built one, ``--site DIR``), serves it on 127.0.0.1 from a
small threaded HTTP server that compresses text files with gzip, as GitHub Pages does, and runs
Lighthouse (``tools/lighthouse``, pinned, with Debian's Chromium) on six pages, as a phone and
as a desktop, three times each. It keeps the median of each category score, of LCP and TBT,
of Lighthouse's CPU benchmark (``environment.benchmarkIndex``), and the JavaScript of each page:
the requests of the ``network-requests`` audit that are scripts (``resourceType`` Script, or a
JavaScript MIME type: the search worker's imports are typed Other), uncompressed
(``resourceSize``) and as transferred (``transferSize``, gzip and headers).

    python tools/bench_lighthouse.py --site /tmp/site-before --commit 0af5326 \
        --json tools/lighthouse/before-0af5326.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
BEFORE = ROOT / "tools" / "lighthouse" / "before-0af5326.json"
RUNS = 3
FORM_FACTORS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOAL = 90  # issue 12: mobile performance at least this on every page measured
SLOWER = 0.8  # a before measured on a machine this much slower (CPU index) is said so
# Page label (as the docs table shows it) → path in the site (the same at commit 0af5326,
# before issue 12).
PAGES = {
    "Accueil": "index.html",
    "Tableau opérationnel": "tableaux/operationnel.html",
    "Tableau financier": "tableaux/financier.html",
    "Tableau business": "tableaux/business.html",
    "Indicateur adoption": "metriques/adoption.html",
    "Questionnaire hebdomadaire": "questionnaires/hebdomadaire.html",
}
GZIPPED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


# --- Serving -----------------------------------------------------------------------------


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text ones gzipped when the client accepts it (as GitHub Pages does)."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in GZIPPED and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free port of 127.0.0.1; yield its base URL."""

    def handler(*args: Any) -> GzipHandler:
        return GzipHandler(*args, directory=str(site))

    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# --- Running Lighthouse ------------------------------------------------------------------


def lighthouse_command(url: str, form_factor: str) -> list[str]:
    command = [str(LIGHTHOUSE), url, "--output=json", "--quiet"]
    command += ["--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    command += ["--only-categories=" + ",".join(CATEGORIES)]
    return command + (["--preset=desktop"] if form_factor == "desktop" else [])


def run_lighthouse(url: str, form_factor: str) -> dict[str, Any]:
    """One Lighthouse report of ``url``; a failed run stops the benchmark."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    done = subprocess.run(
        lighthouse_command(url, form_factor),
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse {url} ({form_factor}) failed:\n{done.stderr[-4000:]}")
    report: dict[str, Any] = json.loads(done.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse {url} ({form_factor}): {report['runtimeError']}")
    return report


def lighthouse_version() -> str:
    done = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)
    return done.stdout.strip()


# --- Reading a report --------------------------------------------------------------------


def is_script(request: dict[str, Any]) -> bool:
    """A JavaScript request of the ``network-requests`` audit (not an inline ``data:`` URL)."""
    if str(request.get("url", "")).startswith("data:"):
        return False
    return request.get("resourceType") == "Script" or "javascript" in request.get("mimeType", "")


def script_bytes(report: dict[str, Any]) -> tuple[int, int]:
    """Uncompressed and transferred bytes of the page's scripts."""
    requests = report["audits"]["network-requests"]["details"]["items"]
    scripts = [r for r in requests if is_script(r)]
    return (
        sum(int(r.get("resourceSize") or 0) for r in scripts),
        sum(int(r.get("transferSize") or 0) for r in scripts),
    )


def summary(report: dict[str, Any]) -> dict[str, float]:
    """What the table keeps of one report: scores out of 100, milliseconds, bytes."""
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    js, js_transfer = script_bytes(report)
    return scores | {
        "lcp_ms": report["audits"]["largest-contentful-paint"]["numericValue"],
        "tbt_ms": report["audits"]["total-blocking-time"]["numericValue"],
        "benchmark": report["environment"]["benchmarkIndex"],
        "js_bytes": js,
        "js_transfer": js_transfer,
    }


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median of each value over the runs."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


# --- Measuring a site --------------------------------------------------------------------


def measure_site(site: Path, runs: int = RUNS) -> dict[str, Any]:
    """Runs and medians of every page × form factor of the built ``site``."""
    load = load_average()
    pages: dict[str, Any] = {}
    with served(site) as base:
        for label, path in PAGES.items():
            pages[label] = {"path": path}
            for form_factor in FORM_FACTORS:
                done = [summary(run_lighthouse(base + path, form_factor)) for _ in range(runs)]
                pages[label][form_factor] = {"median": medians(done), "runs": done}
                print(label, form_factor, pages[label][form_factor]["median"], flush=True)
    measured = {"lighthouse": lighthouse_version(), "load": load, "load_end": load_average()}
    return measured | {"runs": runs, "pages": pages}


def build_demo(site: Path) -> Path:
    """Build the demo data into ``site`` with the repository's settings and docs."""
    from generator.website.build import build_site

    build_site(ROOT / "data", site, ROOT / "mkdocs.yml")
    return site


def measure_demo(runs: int = RUNS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="roi-bench-lighthouse-") as folder:
        return measure_site(build_demo(Path(folder) / "site"), runs)


def load_average() -> str:
    """The load averages over 1, 5 and 15 minutes, as the page shows them."""
    return " / ".join(number(value, 2) for value in os.getloadavg())


def all_benchmarks(measured: dict[str, Any]) -> list[float]:
    """Lighthouse's CPU benchmark of every run."""
    return [
        run["benchmark"]
        for page in measured["pages"].values()
        for form_factor in FORM_FACTORS
        for run in page[form_factor]["runs"]
    ]


# --- The docs section --------------------------------------------------------------------


def number(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def change(before: str | None, after: str) -> str:
    return after if before is None or before == after else f"{before} → {after}"


def cells(after: dict[str, float], before: dict[str, float] | None) -> list[str]:
    """Table cells of one page × form factor: each value before → after."""
    formats = [(name, lambda v: number(v)) for name in CATEGORIES] + [
        ("lcp_ms", lambda v: number(v / 1000, 1) + " s"),
        ("tbt_ms", lambda v: number(v) + " ms"),
        ("js_bytes", lambda v: number(v / 1000)),
        ("js_transfer", lambda v: number(v / 1000)),
    ]
    return [change(fmt(before[key]) if before else None, fmt(after[key])) for key, fmt in formats]


def table(after: dict[str, Any], before: dict[str, Any] | None) -> str:
    lines = [
        "| page | appareil | performance | accessibilité | bonnes pratiques | SEO | LCP | TBT "
        "| JS (ko) | JS transféré (ko) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    names = {"mobile": "mobile", "desktop": "ordinateur"}
    for label, page in after["pages"].items():
        old = before["pages"].get(label) if before else None
        for form_factor in FORM_FACTORS:
            values = cells(page[form_factor]["median"], old[form_factor]["median"] if old else None)
            lines.append(f"| {label} | {names[form_factor]} | " + " | ".join(values) + " |")
    return "\n".join(lines)


def benchmark_text(measured: dict[str, Any]) -> str:
    values = all_benchmarks(measured)
    return (
        f"médiane {number(statistics.median(values))} (de {number(min(values))} à "
        f"{number(max(values))}, charge moyenne au lancement : {measured['load']}"
        + (f", à la fin : {measured['load_end']})" if "load_end" in measured else ")")
    )


def below_goal(measured: dict[str, Any]) -> list[str]:
    """Pages whose median mobile performance is under the goal."""
    return [
        label
        for label, page in measured["pages"].items()
        if page["mobile"]["median"]["performance"] < GOAL
    ]


def section(after: dict[str, Any], before: dict[str, Any] | None) -> str:
    """The Lighthouse section of ``docs/performance.md``."""
    missing = below_goal(after)
    goal = f"Objectif (performance mobile ≥ {GOAL} sur chaque page mesurée) : " + (
        "atteint." if not missing else "pas atteint pour " + ", ".join(missing) + "."
    )
    compared = (
        f"Chaque case donne la valeur avant → après le chantier de l'issue 12 (commit "
        f"{before['commit']}, mesuré de la même façon : indice CPU "
        f"{benchmark_text(before)}) ; une seule valeur quand elle n'a pas changé."
        if before
        else ""
    )
    slower = (
        " L'avant a été mesuré sur une machine plus lente (indice CPU médian "
        f"{number(statistics.median(all_benchmarks(before)))} contre "
        f"{number(statistics.median(all_benchmarks(after)))}) : ses scores de performance en "
        "sont abaissés ; les octets de JavaScript, l'accessibilité et le SEO n'en dépendent pas."
        if before and statistics.median(all_benchmarks(before)) < SLOWER * statistics.median(
            all_benchmarks(after))
        else ""
    )  # fmt: skip
    return f"""
## Lighthouse

{table(after, before)}

{goal} {compared}{slower}

Méthode : le site de démonstration est construit puis servi sur 127.0.0.1 par un petit
serveur HTTP qui compresse en gzip les fichiers texte, comme GitHub Pages ; Lighthouse
{after.get("lighthouse", "12")} (`tools/lighthouse`) mesure chaque page avec Chromium sans
écran, en mobile (son profil par défaut : téléphone simulé, réseau 4G lent et processeur
ralenti ×4 simulés) et en ordinateur (`--preset=desktop`), trois fois ; le tableau donne les
médianes. LCP : affichage du plus grand élément ; TBT : temps pendant lequel le fil principal
est bloqué. « JS » : octets des scripts demandés par la page, décompressés, et transférés
(compressés, en-têtes compris). La machine est partagée et bruyante : l'indice de processeur
mesuré par Lighthouse (`benchmarkIndex`, plus haut = plus rapide) y varie du simple au
triple ; après : {benchmark_text(after)}.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the demo)")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--json", type=Path, help="write the runs and medians here")
    parser.add_argument("--commit", default="", help="recorded in the JSON")
    args = parser.parse_args(argv)
    if args.site:
        measured = measure_site(args.site.resolve(), args.runs)
    else:
        measured = measure_demo(args.runs)
    measured["commit"] = args.commit
    text = json.dumps(measured, indent=1, ensure_ascii=False) + "\n"
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
