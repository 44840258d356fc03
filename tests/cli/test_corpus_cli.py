"""The corpus pipeline: normalisation with original line numbers, segmentation and its cache, statistics."""

from __future__ import annotations

import pandas as pd

from tests.helpers import nqpf_cli


def test_cli_corpus():
    out = nqpf_cli("corpus", "cooccurrence", "--format", "csv")
    assert out.returncode == 0
    df = pd.read_csv(pd.io.common.StringIO(out.stdout))
    assert list(df.columns) == ["term", "数据", "算力", "算法"]
    bad = nqpf_cli("corpus", "keywords", "--k", "0")
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    bad = nqpf_cli("corpus", "tokens", "--seed", "042")
    assert bad.returncode != 0 and "unknown seed" in bad.stderr
