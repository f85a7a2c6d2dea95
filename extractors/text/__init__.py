"""Text repair for scraped Chinese news: mojibake, misaligned GBK, pinyin annotations, width, script.

>>> r = repair("零售每份3元??梢云圃?、破季訂閱。 可以破月、破季訂閱。")
>>> r.text
'零售每份3元。可以破月、破季订阅。'
>>> r.repairs, r.script
(['gbk-shift', 't2s'], 'hant')
"""

from extractors.text.pipeline import STEPS, Change, RepairConfig, Repaired, explain, repair
from extractors.text.script import is_traditional, to_simplified

__all__ = ["STEPS", "Change", "RepairConfig", "Repaired", "explain", "is_traditional", "repair", "to_simplified"]
