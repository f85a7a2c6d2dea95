"""The canonical-metric vocabulary (archive/metrics.toml): every example maps onto its entry, no
counterexample does, and the matching keeps qualified metrics apart."""

from __future__ import annotations

import pytest

from archive.metrics import canonical_metric, find_metric, parse_vocabulary, vocabulary

ENTRIES = vocabulary().metrics


def test_the_issue_metrics_are_in_the_vocabulary():
    names = {m.name for m in ENTRIES}
    assert {"政府采购规模", "节约资金", "资金节约率", "授予中小企业合同金额", "授予小微企业合同金额",
            "脱贫地区农副产品采购额", "832平台交易额", "政采贷放款额", "意向公开项目数"} <= names


@pytest.mark.parametrize("entry", ENTRIES, ids=[m.name for m in ENTRIES])
def test_examples_map_onto_their_entry_and_counterexamples_do_not(entry):
    assert entry.examples and entry.counterexamples, "every entry shows what it takes and what it leaves"
    assert [e for e in entry.examples if canonical_metric(e, entry.kind) != entry.name] == []
    assert [c for c in entry.counterexamples if canonical_metric(c, entry.kind) == entry.name] == []


def test_a_metric_maps_only_for_its_kind():
    assert canonical_metric("政府采购规模", "money") == "政府采购规模"
    assert canonical_metric("政府采购规模", "percent") is None  # 占政府采购规模的78.6%: a share, not the volume
    assert canonical_metric("资金节约率", "money") is None


def test_traditional_and_quoted_forms_fold_before_matching():
    assert canonical_metric("政府採購規模", "money") == "政府采购规模"
    assert canonical_metric("“832平臺”交易額", "money") == "832平台交易额"
    assert canonical_metric("全省 政府采购规模", "money") == "政府采购规模"


def test_qualifiers_keep_metrics_apart():
    for qualified in ("市本级政府采购规模", "自治区本级政府采购规模", "中央预算单位政府采购规模", "政府集中采购规模",
                      "分散采购规模", "进口产品采购规模", "框架协议采购规模"):
        assert canonical_metric(qualified, "money") != "政府采购规模", qualified


def test_a_lead_word_alone_is_not_dropped_to_nothing():
    assert vocabulary().normal("累计") == "累计"


def test_find_metric_takes_a_canonical_name_or_any_phrase_of_it():
    assert find_metric("脱贫地区农副产品采购额").name == "脱贫地区农副产品采购额"
    assert find_metric("貧困地區農副產品採購").name == "脱贫地区农副产品采购额"
    assert find_metric("金额") is None


def test_a_malformed_vocabulary_is_a_clear_error():
    with pytest.raises(ValueError, match="'x'"):
        parse_vocabulary('[[metric]]\nname = "x"\nkind = "money"\nnames = ["(unclosed"]\n')
    with pytest.raises(ValueError, match="twice"):
        parse_vocabulary('[[metric]]\nname = "x"\nkind = "money"\nnames = ["x"]\n' * 2)
