"""A typed line made comparable, with a map back to what was typed.

NFKC turns full-width letters and punctuation (，：？ＡＢ) into ASCII, casefold ignores case, a small
table turns the Traditional characters the patterns use into Simplified (上門 → 上门, 帳戶 → 账户),
format and control characters (zero-width spaces, bidi controls, a pasted ESC) go, and the spaces an
input method or a hurried typist puts between Chinese characters are dropped, while one space between two Latin words stays. ``index[i]``
is the position in the typed line of comparable character ``i``, so a match can show the user's
own words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Traditional (and variant) forms of the characters in patterns_zh, to the Simplified ones; the
# test_coach_normalize test checks with OpenCC that every pattern character is covered here.
_TRADITIONAL = (
    "丟並來個們偵備傳債價儘兒兩凍別剛動務勵勸匯區協員唄問喫單嗎噴嚴圖團執報塊墊婦媽孃學實寧審寶將專對導屬師帳幫幹幾廠廢廣張強"
    "後從惡愛態應戶掃掛採換擔擼擾敗數斷於曉會東條業構樂樓樣機檢檻權殘沒湊準溝潑為無煩爲牀牆獄現產當癟發監瞭確碼種窩窮筆簡籌紅"
    "級結絕絡給經維網緊線編繫纔羣聯聽腦膩臉臺舊萬著薦處號裏補裡複覈視親觸訊訓訟訪設許訴診詐話該認誘說説調談請講證識議讀讓豬負"
    "財貨責貸費貼資賤賬賴趕車軟載輔輕轉辦這連週進過遠還邊鄰釋銀錄錢鐵長門開闆關隨電響須預領頭頻額顏類飄飛飯養馬騙驗麼點"
)
_SIMPLIFIED = (
    "丢并来个们侦备传债价尽儿两冻别刚动务励劝汇区协员呗问吃单吗喷严图团执报块垫妇妈娘学实宁审宝将专对导属师帐帮干几厂废广张强"
    "后从恶爱态应户扫挂采换担撸扰败数断于晓会东条业构乐楼样机检槛权残没凑准沟泼为无烦为床墙狱现产当瘪发监了确码种窝穷笔简筹红"
    "级结绝络给经维网紧线编系才群联听脑腻脸台旧万着荐处号里补里复核视亲触讯训讼访设许诉诊诈话该认诱说说调谈请讲证识议读让猪负"
    "财货责贷费贴资贱账赖赶车软载辅轻转办这连周进过远还边邻释银录钱铁长门开板关随电响须预领头频额颜类飘飞饭养马骗验么点"
)


def _table() -> dict[int, str]:
    table = {}
    for old, new in zip(_TRADITIONAL, _SIMPLIFIED, strict=True):
        if old != new:
            table[ord(old)] = new
    return table


_TO_SIMPLIFIED = _table()
# Format characters (zero-width spaces, bidi controls) and the control characters a paste can carry
# (lines are stored as typed): neither is a word, so neither may keep two words from matching.
_DROPPED = frozenset({"Cf", "Cc"})
_CHAR_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 8192  # characters seen; a pasted essay in an unusual script cannot grow it without end


def _fold_char(char: str) -> str:
    folded = _CHAR_CACHE.get(char)
    if folded is None:
        folded = "".join(
            " " if part.isspace() else part
            for part in unicodedata.normalize("NFKC", char).casefold().translate(_TO_SIMPLIFIED)
            if part.isspace() or unicodedata.category(part) not in _DROPPED
        ).replace("\u2019", "'")
        if len(_CHAR_CACHE) < _CACHE_LIMIT:
            _CHAR_CACHE[char] = folded
    return folded


def _is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "'-")


@dataclass(frozen=True)
class Comparable:
    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the typed line behind comparable ``text[start:end]`` (``end`` > ``start``)."""
        return self.index[start], self.index[end - 1] + 1


def comparable(line: str) -> Comparable:
    """The line as the patterns read it."""
    chars: list[str] = []
    index: list[int] = []
    for position, char in enumerate(line):
        for part in _fold_char(char):
            chars.append(part)
            index.append(position)
    # A space survives only between two Latin words (and collapses to one).
    text: list[str] = []
    kept: list[int] = []
    pending_space = -1
    for char, position in zip(chars, index, strict=True):
        if char == " ":
            if pending_space < 0:
                pending_space = position
            continue
        if pending_space >= 0 and text and _is_word_char(text[-1]) and _is_word_char(char):
            text.append(" ")
            kept.append(pending_space)
        pending_space = -1
        text.append(char)
        kept.append(position)
    return Comparable("".join(text), tuple(kept))
