"""``deskmate translate --to LANG TEXT|FILE|-`` and ``deskmate glossary``."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from rich.table import Table

from assistant.cli.context import CliContext
from assistant.cli.streaming import run_events

# One word ending in a document extension: meant as a file, not as text to translate.
_FILE_LIKE = re.compile(r"\S+\.(?:txt|text|md|markdown|pdf|docx|html?|eml)", re.IGNORECASE)


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "translate", help="translate text or a document (zh, en, ja, ko, fr, de, es)"
    )
    p.add_argument("source", help="text, a file, or - for standard input")
    p.add_argument("--to", dest="target", default=None, help="target language (default: setting)")
    p.add_argument("--from", dest="source_lang", default=None, help="source language (detected)")
    p.add_argument(
        "--model",
        default=None,
        help="model id or .gguf path for this run only (`deskmate models use` sets the default)",
    )
    p.add_argument("--max-tokens", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=run)

    g = sub.add_parser("glossary", help="term pairs enforced when translating")
    g.add_argument("action", choices=("list", "add", "remove"))
    g.add_argument("pair", help="language pair, e.g. en-zh")
    g.add_argument("term", nargs="?")
    g.add_argument("translation", nargs="?")
    g.set_defaults(func=run_glossary)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError
    from assistant.tasks.translate import TranslateOptions, translate

    if args.model:
        from assistant.models.registry import resolve_model_path

        ctx.model_path = resolve_model_path(ctx.data_dir, args.model)
        if ctx.settings.get_str("remote_url"):
            raise UserError(
                "--model picks a local model, but the remote_url setting sends work to a server",
                hint="set remote_model to choose the server's model, or clear remote_url",
            )
    if args.source == "-":
        source: Path | str = sys.stdin.read()
    elif Path(args.source).is_file():
        source = Path(args.source)
    elif _FILE_LIKE.fullmatch(args.source):
        raise UserError(f"no such file: {args.source}")
    else:
        source = args.source
    options = TranslateOptions(
        target=args.target or ctx.settings.get_str("translate_target"),
        source=args.source_lang,
        max_tokens=args.max_tokens,
    )
    done = run_events(translate(ctx.core, source, options), ctx, stream=not ctx.json)
    if ctx.json:
        print(
            json.dumps(
                {"run_id": done.run_id, "translation": done.text, **done.data}, ensure_ascii=False
            )
        )
    else:
        for item in done.data.get("glossary_violations", []):
            ctx.err.print(
                f"[yellow]glossary: {item['term']!r} should be translated as "
                f"{item['expected']!r}, the translation does not use it[/yellow]",
                markup=True,
                highlight=False,
            )
        for sentence in done.data.get("untranslated", []):
            ctx.err.print(
                f"[yellow]kept untranslated (it gives the assistant orders): {sentence!r}[/yellow]",
                markup=True,
                highlight=False,
            )
    return 0


def _pair(text: str) -> tuple[str, str]:
    from assistant.errors import UserError
    from assistant.lang import normalize_language

    parts = text.replace(">", "-").split("-")
    if len(parts) != 2 or not all(parts):
        raise UserError(f"a language pair looks like en-zh, not {text!r}")
    return normalize_language(parts[0]), normalize_language(parts[1])


def run_glossary(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError

    src, tgt = _pair(args.pair)
    store = ctx.core.store
    if args.action == "add":
        if not args.term or not args.translation:
            raise UserError("usage: deskmate glossary add en-zh TERM TRANSLATION")
        store.glossary_add(src, tgt, args.term, args.translation)
    elif args.action == "remove":
        if not args.term:
            raise UserError("usage: deskmate glossary remove en-zh TERM")
        store.glossary_remove(src, tgt, args.term)
    pairs = store.glossary_list(src, tgt)
    if ctx.json:
        print(json.dumps([{"term": s, "translation": t} for s, t in pairs], ensure_ascii=False))
        return 0
    table = Table("term", "translation", title=f"glossary {src} → {tgt}")
    for term, translation in pairs:
        table.add_row(term, translation)
    ctx.out.print(table)
    return 0
