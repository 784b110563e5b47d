"""`kiruna-bot`: serve, ask, build the index, evaluate."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.config import Settings

if TYPE_CHECKING:
    from bot.chat.pipeline import Pipeline
    from bot.content import ContentDesk
    from bot.wiring import Bot

app = typer.Typer(
    pretty_exceptions_enable=False,
    help="Kiruna vision bot: answers questions by quoting Kiruna kommun's vision.",
    no_args_is_help=True,
)
index_app = typer.Typer(help="Build and inspect the search index.", no_args_is_help=True)
app.add_typer(index_app, name="index")
scope_app = typer.Typer(help="Train the out-of-scope model.", no_args_is_help=True)
app.add_typer(scope_app, name="scope")
ranker_app = typer.Typer(help="Train the ranker.", no_args_is_help=True)
app.add_typer(ranker_app, name="ranker")
translations_app = typer.Typer(help="Fill, export and import the translation memory.", no_args_is_help=True)
app.add_typer(translations_app, name="translations")
corpus_app = typer.Typer(
    help="Import a changed page, review what changed, publish or roll back (the database holds the versions).",
    no_args_is_help=True,
)
app.add_typer(corpus_app, name="corpus")
topics_app = typer.Typer(help="Staff's pointers for topics the page does not cover.", no_args_is_help=True)
app.add_typer(topics_app, name="topics")


def _settings(**overrides: object) -> Settings:
    try:
        return Settings.model_validate({k: v for k, v in overrides.items() if v is not None})
    except Exception as exc:  # pydantic's ValidationError: show it, not a traceback
        typer.echo(f"configuration error: {exc}", err=True)
        raise typer.Exit(2) from exc


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@index_app.command("build")
def index_build() -> None:
    """(Re)build the index of the published corpus and its curated translations."""
    from bot.wiring import build, build_phrases, index_path, load_resources, make_seeded_embedder

    settings = _settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    resources = load_resources(settings)
    embedder = make_seeded_embedder(settings)
    manifest = build(settings, resources, embedder)
    build_phrases(settings, embedder)
    typer.echo(
        f"built {manifest.entry_count} entries for {manifest.chunk_count} chunks "
        f"({manifest.dense_index}, {manifest.embedder_id}) in {manifest.build_seconds:.2f}s "
        f"-> {index_path(settings, resources, embedder)}"
    )


@index_app.command("seed")
def index_seed() -> None:
    """Refresh the vector seed of the shipped texts (page, translations, thesaurus, small talk, reference questions)."""
    from bot.vector_seed import refresh_seed
    from index.embedders import make_embedder

    settings = _settings()
    seed, embedded = refresh_seed(settings, make_embedder(settings.embedder, settings.threads))
    typer.echo(f"{len(seed.vectors)} vectors ({seed.embedder_id}), {embedded} embedded now -> {settings.vector_seed}")


@index_app.command("status")
def index_status() -> None:
    """Say whether the index on disk matches the corpus and the configured embedder."""
    from bot.wiring import load_resources, open_index
    from index.embedders import make_embedder
    from index.manifest import IndexMismatch, IndexMissing

    settings = _settings()
    resources = load_resources(settings)
    try:
        idx = open_index(settings, resources, make_embedder(settings.embedder, settings.threads))
    except (IndexMissing, IndexMismatch) as exc:
        raise _fail(str(exc)) from exc
    typer.echo(json.dumps(idx.manifest.__dict__, indent=2, ensure_ascii=False))


def _open_bot(settings: Settings) -> Bot:
    from bot.wiring import build_bot
    from corpus.errors import CorpusError
    from index.embedders import EmbedderError

    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return build_bot(settings, build_if_needed=True)
    except (CorpusError, EmbedderError) as exc:
        raise _fail(str(exc)) from exc


def _open_pipeline(settings: Settings) -> Pipeline:
    from bot.wiring import load_pipeline
    from corpus.errors import CorpusError
    from index.embedders import EmbedderError

    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return load_pipeline(settings, build_if_needed=True)
    except (CorpusError, EmbedderError) as exc:
        raise _fail(str(exc)) from exc


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in any language.")],
    lang: Annotated[str | None, typer.Option(help="Answer language code (sv, en, fi, …).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer object as JSON.")] = False,
) -> None:
    """Ask one question and print the answer (the same object as POST /v1/chat)."""
    import anyio
    from pydantic import ValidationError

    from bot.chat.answer import ChatRequest

    try:
        request = ChatRequest.model_validate({"message": question, "lang": lang})
    except ValidationError as exc:
        raise _fail("; ".join(e["msg"] for e in exc.errors()), 2) from exc
    chat = _open_bot(_settings()).chat
    answer = anyio.run(lambda: chat.answer(request))
    typer.echo(answer.model_dump_json(indent=2) if as_json else answer.answer)


@app.command("eval")
def eval_cmd(
    cases: Annotated[
        Path | None,
        typer.Option(help="A JSONL set: answer-level cases (with `facts`) or chunk-level ones (with `answer`)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
    show_failures: Annotated[bool, typer.Option("--failures", help="List the cases that failed.")] = False,
    chunks: Annotated[
        bool, typer.Option("--chunks", help="The chunk-level table (recall@k, MRR) of the built-in chunk set.")
    ] = False,
    compare_translations: Annotated[
        bool,
        typer.Option("--compare-translations", help="Chunk recall also with an index built without the translations."),
    ] = False,
    ablation: Annotated[
        bool, typer.Option("--ablation", help="Chunk recall with dense evidence only, lexical only, and both.")
    ] = False,
) -> None:
    """What residents read: facts in the quotes, lists, several parts, small talk, dialogues, answer
    language, refusals, verbatim quotes, per language; chunk recall@1 as a secondary figure."""
    import tempfile

    import anyio

    from bot.evaluation.answer_eval import run_answer_eval
    from bot.evaluation.answer_report import render_answer_table
    from bot.evaluation.answer_set import DEV_SET, is_answer_set, load_answer_cases
    from bot.evaluation.dataset import BUILTIN_EVAL_SET, load_cases
    from bot.evaluation.report import render_comparison, render_table
    from bot.evaluation.runner import run_eval

    settings = _settings()
    chat = _open_bot(settings).chat
    answer_level = not (chunks or ablation or compare_translations) and (cases is None or is_answer_set(cases))
    if answer_level:
        answers = anyio.run(run_answer_eval, chat, load_answer_cases(cases or DEV_SET))
        chunk_report = anyio.run(run_eval, chat, load_cases()) if cases is None else None
        if as_json:
            out = {"answers": answers.to_dict(), "chunks": chunk_report.to_dict() if chunk_report else None}
            typer.echo(json.dumps(out, indent=2, ensure_ascii=False))
            return
        typer.echo(render_answer_table(answers, show_failures=show_failures))
        if chunk_report is not None:
            o = chunk_report.overall
            typer.echo(
                f"chunk recall (secondary, built-in chunk set of {o.questions}): R@1 {o.recall_at_1:.3f}, "
                f"R@3 {o.recall_at_3:.3f}, MRR {o.mrr:.3f}"
            )
        return
    eval_cases = load_cases(cases or BUILTIN_EVAL_SET)
    report = anyio.run(run_eval, chat, eval_cases)
    if ablation:
        from bot.evaluation.report import render_ablation

        variants = {}
        for name, off in (
            ("dense only", ("lexical", "types")),
            ("lexical only", ("dense", "types")),
            ("no types", ("types",)),
        ):
            variants[name] = anyio.run(run_eval, chat.variant(ranker=chat.ranker.without(*off)), eval_cases)
        variants["hybrid"] = report
        typer.echo(render_ablation(variants))
        return
    if compare_translations:
        with tempfile.TemporaryDirectory() as tmp:
            empty = Path(tmp) / "none"
            empty.mkdir()
            bare = Settings.model_validate(
                {**settings.model_dump(), "data_dir": Path(tmp), "translations_dir": empty, "database_url": None}
            )
            without = anyio.run(run_eval, _open_bot(bare).chat, eval_cases)
        if as_json:
            typer.echo(
                json.dumps({"with": report.to_dict(), "without": without.to_dict()}, indent=2, ensure_ascii=False)
            )
        else:
            typer.echo(render_comparison(without, report))
        return
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(render_table(report, show_failures=show_failures))


@ranker_app.command("train")
def ranker_train(
    output: Annotated[
        Path | None, typer.Option(help="Where to write the ranker (default: the configured one).")
    ] = None,
    l2: Annotated[float, typer.Option(help="L2 regularization.")] = 0.001,
) -> None:
    """Learn the ranker's weights from bot/evaluation/training/*.jsonl (the eval sets are never used)."""
    from bot.evaluation.ranker_training import train_ranker
    from bot.evaluation.scope_training import training_cases

    settings = _settings()
    ranker = train_ranker(_open_pipeline(settings), training_cases(), l2=l2)
    target = output or settings.ranker_model
    ranker.save(target)
    typer.echo(f"ranker ({ranker.trained_on}) -> {target}")
    typer.echo("retrain the scope model next: kiruna-bot scope train")


@scope_app.command("train")
def scope_train(
    output: Annotated[
        Path | None, typer.Option(help="Where to write the model (default: the configured scope model).")
    ] = None,
    use_embedding: Annotated[
        bool, typer.Option("--embedding/--no-embedding", help="Use the question embedding as features.")
    ] = True,
    max_false_refusal: Annotated[
        float, typer.Option(help="Threshold: refuse at most this share of in-scope eval questions.")
    ] = 0.04,
) -> None:
    """Train on bot/evaluation/training/*.jsonl, calibrate the threshold on the eval set, write the model."""
    from bot.chat.dialogue import load_dialogue_cues
    from bot.evaluation.dataset import load_cases
    from bot.evaluation.scope_training import (
        smalltalk_negatives,
        train_list_model,
        train_scope_model,
        training_cases,
    )

    settings = _settings()
    pipeline = _open_pipeline(settings)
    lists = train_list_model(pipeline, training_cases())
    lists.save(settings.list_model)
    typer.echo(f"list model ({lists.trained_on}) -> {settings.list_model}")
    model = train_scope_model(
        pipeline,
        training_cases() + smalltalk_negatives(load_dialogue_cues(settings.dialogue_cues_dir)),
        load_cases(),
        use_embedding=use_embedding,
        max_false_refusal=max_false_refusal,
    )
    target = output or settings.scope_model
    model.save(target)
    typer.echo(f"scope model ({model.trained_on}), threshold {model.threshold:.3f} -> {target}")


@translations_app.command("prefetch")
def translations_prefetch(
    lang: Annotated[list[str], typer.Option(help="Target language code; repeat for several.")],
) -> None:
    """Translate every corpus sentence missing from the memory through the provider, and store it."""
    from bot.wiring import translation_admin

    admin = translation_admin(_settings())
    for code in lang:
        try:
            done = admin.prefetch(code)
        except ValueError as exc:
            raise _fail(str(exc)) from exc
        for failure in done.failures:
            typer.echo(f"  {code}: {failure}", err=True)
        typer.echo(f"{code}: {done.added} added, {done.already} already in memory, {len(done.failures)} failed")


# Where `translations export` writes and `translations import` reads.
PoDir = Annotated[Path | None, typer.Option("--dir", help="Folder of PO files (default: the configured one).")]


@translations_app.command("export")
def translations_export(
    directory: PoDir = None,
) -> None:
    """Write the memory's translations of the current corpus to one PO file per language."""
    from bot.wiring import translation_admin

    settings = _settings()
    target = directory or settings.translations_dir
    for code, (done, total) in translation_admin(settings).export(target).items():
        typer.echo(f"{code}: {done}/{total} -> {target / (code + '.po')}")


@translations_app.command("import")
def translations_import(
    directory: PoDir = None,
) -> None:
    """Load PO files into the memory; the files win over what the memory holds."""
    from bot.wiring import translation_admin

    settings = _settings()
    try:
        imported = translation_admin(settings).import_(directory or settings.translations_dir)
    except ValueError as exc:  # a file named for no supported language, or not a PO file
        raise _fail(str(exc), 2) from exc
    for code, count in imported.items():
        typer.echo(f"{code}: {count} imported")


def _desk(settings: Settings) -> ContentDesk:
    from bot.wiring import content_desk
    from corpus.loader import CorpusError

    try:
        return content_desk(settings)
    except CorpusError as exc:
        raise _fail(str(exc)) from exc


By = Annotated[str, typer.Option("--by", help="Who does it (recorded with the version or publication).")]


@corpus_app.command("import")
def corpus_import(
    source: Annotated[str, typer.Argument(help="A saved page (.html), page text (.txt), Markdown (.md), or a URL.")],
    doc: Annotated[
        str | None, typer.Option(help="The document it is a version of (default: found by URL or title).")
    ] = None,
    by: By = "cli",
) -> None:
    """Store a new version of a document (not published yet) and show what changed against the published one."""
    from bot.content import ContentError
    from bot.content_json import diff_summary
    from bot.fetching import FetchError

    desk = _desk(_settings())
    try:
        if source.startswith(("http://", "https://")):
            result = desk.import_url(source, by, doc_id=doc)
        else:
            path = Path(source)
            if not path.is_file():
                raise _fail(f"no such file: {source}", 2)
            result = desk.import_file(path, by, doc_id=doc)
    except (ContentError, FetchError) as exc:
        raise _fail(str(exc)) from exc
    v = result.version
    state = "new version" if result.created else "already imported as"
    typer.echo(f"{v.doc_id}: {state} {v.id} (number {v.number}); published: {result.published or 'none'}")
    typer.echo(diff_summary(result.diff))
    typer.echo(f"review: kiruna-bot corpus diff {v.id}; publish: kiruna-bot corpus publish {v.id}")


@corpus_app.command("diff")
def corpus_diff(
    version: Annotated[str, typer.Argument(help="The version to review.")],
    against: Annotated[str | None, typer.Option(help="Compare with this version (default: the published one).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the review as JSON.")] = False,
) -> None:
    """Sentences added, removed and changed; stale translations per language; eval cases and logged answers affected."""
    from bot.content import ContentError
    from bot.content_json import review_json, review_text

    desk = _desk(_settings())
    try:
        report = desk.review(version, against)
    except KeyError as exc:
        raise _fail(f"no version {exc.args[0]}") from exc
    except ContentError as exc:
        raise _fail(str(exc)) from exc
    typer.echo(json.dumps(review_json(report), indent=2, ensure_ascii=False) if as_json else review_text(report))


def _publish(version: str, by: str, rollback: bool) -> None:
    from bot.content import ContentError
    from bot.storage.documents import PublishConflict

    desk = _desk(_settings())
    try:
        pub = desk.rollback(version, by, wait=True) if rollback else desk.publish(version, by, wait=True)
    except KeyError as exc:
        raise _fail(f"no version {exc.args[0]}") from exc
    except (ContentError, PublishConflict) as exc:
        raise _fail(str(exc)) from exc
    if pub.state != "published":
        raise _fail(f"{pub.action} of {version} failed: {pub.error}")
    typer.echo(f"{pub.doc_id}: {version} is published ({pub.action}); running workers follow within seconds")


@corpus_app.command("publish")
def corpus_publish(version: Annotated[str, typer.Argument(help="The version to publish.")], by: By = "cli") -> None:
    """Build the version's index, then publish it; running servers swap it in without a restart."""
    _publish(version, by, rollback=False)


@corpus_app.command("rollback")
def corpus_rollback(version: Annotated[str, typer.Argument(help="An earlier version.")], by: By = "cli") -> None:
    """Publish an earlier version again, the same way."""
    _publish(version, by, rollback=True)


@corpus_app.command("versions")
def corpus_versions(doc: Annotated[str | None, typer.Option(help="Only this document.")] = None) -> None:
    """Every stored version, newest first, and which is published."""
    desk = _desk(_settings())
    published = desk.published()
    for v in desk.versions(doc):
        mark = "*" if published.get(v.doc_id) == v.id else " "
        typer.echo(
            f"{mark} {v.doc_id} {v.id} #{v.number} {v.imported_at:%Y-%m-%d %H:%M} by {v.imported_by} "
            f"(last modified {v.source.last_modified or '-'}; from {v.origin})"
        )
    typer.echo("* published")


@topics_app.command("calibrate")
def topics_calibrate(
    output: Annotated[Path | None, typer.Option(help="Where to write the model (default: the configured one).")] = None,
) -> None:
    """Calibrate the pointer threshold on bot/evaluation/pointer_set.json and the eval set, and write it."""
    from bot.evaluation.pointer_calibration import calibrate_pointers
    from bot.wiring import page_questions

    settings = _settings()
    calibration = calibrate_pointers(_open_pipeline(settings), page_questions())
    target = output or settings.pointer_model
    calibration.model.save(target)
    typer.echo(json.dumps(calibration.summary(), indent=2, ensure_ascii=False))
    typer.echo(f"pointer model ({calibration.model.trained_on}) -> {target}")


@app.command()
def bench(
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    quick: Annotated[bool, typer.Option(help="Short runs and small corpora (a smoke test, not figures).")] = False,
) -> None:
    """Measure latency, throughput, cold start, build time, scaling and memory on this machine."""
    from api import bench as benchmark

    result = benchmark.run(_settings(), quick=quick)
    typer.echo(json.dumps(result, indent=2) if as_json else benchmark.render(result))


@app.command()
def purge() -> None:
    """Delete logged questions older than the retention period (KIRUNA_BOT_RETENTION_DAYS)."""
    from bot.storage.db import Database
    from bot.storage.questions import QuestionLog

    settings = _settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    removed = QuestionLog(Database(settings.database)).purge(settings.retention_days)
    typer.echo(f"purged {removed} questions older than {settings.retention_days} days")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1)] = 1,
    build: Annotated[
        bool | None, typer.Option("--build/--no-build", help="Build a missing or stale index before serving.")
    ] = None,
) -> None:
    """Serve the chat API, building the index first if it is missing or stale (unless --no-build)."""
    import os
    import secrets
    import shutil
    import tempfile

    import uvicorn

    from api.app import DataDirError, ensure_data_dir, unwritable
    from api.logging_setup import configure_logging

    settings = _settings(host=host, port=port, build_on_start=build)
    try:
        ensure_data_dir(settings)
    except DataDirError as exc:
        raise _fail(str(exc), 2) from exc
    from bot.storage.db import Database
    from bot.wiring import ensure_index

    if settings.build_on_start:
        try:
            ensure_index(settings)  # a missing or stale index is built once, before any worker starts
        except OSError as exc:
            raise _fail(
                f"cannot build the index in {settings.index_dir}: {exc.strerror or exc}; build it where the "
                "data dir is writable (kiruna-bot index build), then serve with --no-build",
                2,
            ) from exc
    Database(settings.database).dispose()  # migrations run once, before the workers start
    # Workers read their settings from the environment: pass on what the command line changed.
    os.environ["KIRUNA_BOT_HOST"] = settings.host
    os.environ["KIRUNA_BOT_PORT"] = str(settings.port)
    writable = unwritable(settings.data_dir) is None
    if settings.rate_limit_secret is None and not writable:
        # no file for the rate-limit secret: one for this run, shared by its workers, never written
        os.environ["KIRUNA_BOT_RATE_LIMIT_SECRET"] = secrets.token_hex(32)
    if workers > 1:
        metrics_dir = settings.data_dir / "metrics" if writable else Path(tempfile.mkdtemp(prefix="kiruna-metrics-"))
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir()
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    _raise_file_limit(settings.max_connections + 256)
    uvicorn.run(
        "api.app:app_factory",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers,
        log_config=configure_logging(),
        timeout_graceful_shutdown=20,
        server_header=False,
        proxy_headers=False,  # the app trusts forwarded headers only from KIRUNA_BOT_TRUSTED_PROXIES
        forwarded_allow_ips="",
        http="api.protocol:GuardedHttpToolsProtocol",  # header deadline and connection cap
    )


def _raise_file_limit(wanted: int) -> None:
    """Open connections need file descriptors: raise the soft limit toward `wanted`, within the hard one."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


# Startup errors that are the operator's to fix: one line naming the file and what to do, exit 2.
def _startup_errors() -> tuple[type[Exception], ...]:
    from api.app import DataDirError
    from bot.storage.db import StorageUnavailable
    from corpus.errors import CorpusError
    from index.embedders import EmbedderError

    return (CorpusError, EmbedderError, StorageUnavailable, DataDirError)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("faiss.loader", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        app()
    except SystemExit:  # how every command ends: not a startup error (naming those imports the app)
        raise
    except _startup_errors() as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
