"""Scope words: which part of a place's figures a sentence gives (市本级, 各县（市、区）, 中央预算单位, 乡镇).

>>> [m.group() for m in SCOPE.finditer("其中市本级19.6亿元，各县（市、区）48.82亿元，全市乡镇3亿元")]
['市本级', '各县（市、区）', '乡镇']
>>> bool(GROUP.match("县（市）区政府采购规模")), bool(GROUP.match("市本级政府采购规模"))
(True, False)
"""

from __future__ import annotations

import re

# the lower levels of a place taken together: 县区, 区（市）县, 县（市、区）, 盟市
UNIT = r"(?:[地市县区州盟旗][（(][市区县旗、]{1,5}[)）][区县]?|[市县区州盟旗][市县区州旗]区?)"
SCOPE = re.compile(r"(?=[自省市区县州盟旗中地各乡街])"  # (lets re skip text fast: the first characters of the words below)
                   r"(?:(?:自治区|地区|[省市区县州盟旗])本级|中央(?:本级|预算单位|国家机关|部门)|地方预算单位"
                   rf"|(?<![全本我该\w])各?{UNIT}(?:(?:及|和|、){UNIT})*"
                   r"|(?<![全本我该个])(?:乡镇|街道)(?!卫生院|中心|企业|财政|办事处|党委|干部|社区|居委|村|学校|小学|中学|医院|卫生|派出所))")
# (乡镇卫生院, 乡镇企业: bodies of that level, not the level's share of a place's figures)
# a figure of such a group of places (各区, 县（市）区), whose single places' figures are its parts
GROUP = re.compile(rf"各?{UNIT}|各[区县]|乡镇|街道")
