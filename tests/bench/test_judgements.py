from bench.judgements import precision


def test_precision_counts_only_judged_rows(tmp_path):
    path = tmp_path / "sample.tsv"
    path.write_text("id\tverdict\tnote\n1\tok\t\n2\twrong\tgeneric\n3\tok\t\n4\t\t\n")
    assert precision(path) == "3 judged, 2 right: precision 67%"
