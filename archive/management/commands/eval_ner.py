import json
import lzma
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.extraction.conll import TYPES, evaluate, read_conll, score
from archive.extraction.extractor import default_extractor


class Command(BaseCommand):
    help = (
        "Score the entity extractor on CoNLL-2003-format text (plain or .xz): exact-span "
        "precision, recall and F1 for PER, ORG and LOC and micro-averaged over them "
        "(MISC ignored)."
    )

    def add_arguments(self, parser):
        parser.add_argument("conll_file", help="CoNLL-2003 file, e.g. valid.txt.xz")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the figures as JSON."
        )

    def handle(self, *args, conll_file, as_json, **options):
        path = Path(conll_file)
        if not path.is_file():
            raise CommandError(f"CoNLL file not found: {conll_file}")
        try:
            docs = read_conll(path)
        except (OSError, UnicodeDecodeError, EOFError, lzma.LZMAError) as error:
            raise CommandError(f"Cannot read CoNLL file {conll_file}: {error}") from error
        if not docs:
            raise CommandError(f"No CoNLL documents in {conll_file}")
        figures = score(evaluate(docs, default_extractor()))
        if as_json:
            self.stdout.write(json.dumps(figures))
            return
        self.stdout.write(f"{len(docs)} documents in {conll_file}")
        self.stdout.write(f"{'type':<6}{'precision':>10}{'recall':>10}{'F1':>10}")
        for name in (*TYPES, "micro"):
            f = figures[name]
            self.stdout.write(
                f"{name:<6}{f['precision']:>10.4f}{f['recall']:>10.4f}{f['f1']:>10.4f}"
            )
