"""The words in the catalogs: real Traditional Chinese with mainland vocabulary, one term per thing,
and no claim the fact table does not make, in every language.

Each check is a small function; the tests run it over every catalog, and also over a few bad
samples, so that a check which could never fail would show up here.
"""

from __future__ import annotations

import gettext
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import opencc
import pytest
from babel.messages.extract import extract_from_file

from jiebei_tui import i18n
from jiebei_tui.argparse_i18n import ARGPARSE_MESSAGES, NOT_SHOWN_TO_USERS, argparse_language
from jiebei_tui.domain.calls.flags import RED_FLAGS
from jiebei_tui.domain.facts import fact
from jiebei_tui.locale import catalogs

TO_TRADITIONAL = opencc.OpenCC("s2t")
TO_SIMPLIFIED = opencc.OpenCC("t2s")

# Standard traditional characters that OpenCC's s2t would still replace in our sentences: it picks
# an archaic variant, or the wrong one of two characters that share a simplified form.
TRADITIONAL_AS_WRITTEN: dict[str, str] = {
    "才": "才 (only then) is standard; 纔 is an archaic variant",
    "只": "只讀 (read-only): 只 'only'; 隻 is the measure word",
    "吃": "吃 is standard; 喫 is an archaic variant",
    "了": "了解, as written on the mainland and in Hong Kong; 瞭解 is the Taiwan form",
}

# Taiwan usage -> the mainland word the users know (written in traditional characters).
TAIWAN_TERMS: dict[str, str] = {
    "資訊": "信息",
    "簡訊": "短信",
    "記憶體": "內存",
    "螢幕": "屏幕",
    "使用者": "用戶",
    "程式": "程序",
    "計畫": "計劃",
    "透過": "通過",
    "資料夾": "文件夾",
    "資料": "數據 (data) or 材料 (documents)",
    "檔案": "文件",
    "檔名": "文件名",
    "軟體": "軟件",
    "網路": "網絡",
    "預設": "默認",
    "設定": "設置",
    "儲存": "保存",
    "匯出": "導出",
    "匯入": "導入",
    "磁碟": "磁盤",
    "訊息": "消息 or 信息",
    "搜尋": "搜索",
    "檢視": "查看",
    "選單": "菜單",
    "視窗": "窗口",
    "伺服器": "服務器",
    "登入": "登錄",
    "專案": "項目",
    "介面": "界面",
    "列印": "打印",
    "滑鼠": "鼠標",
    "硬碟": "硬盤",
    "游標": "光標",
    "字元": "字符",
    "貼上": "粘貼",
    "網際網路": "互聯網",
    "影片": "視頻",
    "品質": "質量",
    "範本": "模板",
    # OpenCC s2twp's own mistakes seen in this catalog
    "隻讀": "只讀",
    "許可權": "權限",
    "個人資訊保護法": "個人信息保護法",
    "帳": "賬 (one choice: 賬戶, 賬單, 賬號)",
}

BANNED_TERMS: dict[str, str] = {
    "红旗": "危险信号 (红旗 is a national, positive symbol)",
    "紅旗": "危險信號",
    "工作簿": "a spreadsheet word: 应对助手 / 你的记录",
    "帐": "账 (one choice: 账户, 账单, 账号)",
}

QUOTES: dict[str, tuple[str, str]] = {
    # language: (quotes it uses, quotes it must not use)
    "zh_Hans": ("“”", "「」『』\"'"),
    "zh_Hant": ("「」", "“”‘’\"'"),
}

# Claims the fact table does not allow, in any language (message ids and translations).
_CAP_24 = re.compile(r"24\s*%|百分之二十四|24\s*厘")
_ONE_POINT_FIVE = re.compile(r"(?<![\d.])1\.5(?!\d)|一点五倍|一點五倍")
_CONTRACT = re.compile(r"contract|合同", re.IGNORECASE)
_EXAMPLE = re.compile(r"\be\.g\.|for example|\bif\b|例如|比如|如果", re.IGNORECASE)
_FIXED_TERMS = re.compile(
    r"(可以?|能|最长|最長|最多|最高)\s*(分|延期|延長|延长|展期)\s*\d+\s*(期|个月|個月)"
    r"|分\s*\d+\s*期"
    r"|\d+\s*[/、,，或]\s*\d+\s*(期|个月|個月)"
    r"|\b(up to|at most|a maximum of)\s+\d+\s+(months|instalments|installments)"
    r"|\b\d+\s*(,|or|and)\s*\d+\s+(months|instalments|installments)",
    re.IGNORECASE,
)
_PROMISES = re.compile(
    r"(?<![不未])一定|保证|保證|肯定能|必定|必然|绝对能|絕對能|包你|稳过|穩過|百分之百"
    r"|\bguarantee|\bwill (definitely|certainly|surely)\b|\bwill be (approved|accepted|waived|forgiven|granted)\b"
    r"|\bpromise (you|that)\b",
    re.IGNORECASE,
)
_SHAMING = re.compile(
    r"老赖|老賴|失信|丢人|丟人|丢脸|丟臉|可耻|可恥|羞耻|羞恥|活该|活該|赖账|賴賬|賴帳|没出息|沒出息|不要脸|不要臉|败家|敗家"
    # words a collector throws at the user (the call coach recognises them; the app never says them)
    r"|人渣|废物|廢物|窝囊废|窩囊廢|白眼狼|穷鬼|窮鬼|社死"
    r"|\bshame|\bdeadbeat|\bdisgrace|\birresponsible|\bloser\b|\blazy\b|\bscum|\bworthless\b|\bpathetic\b",
    re.IGNORECASE,
)
# Legal conclusions the fact table does not draw (the call coach quotes rules, it never reassures or judges):
# 民事证据规定 is a source's name, 民事纠纷 a conclusion.
_LEGAL_CONCLUSIONS = re.compile(
    r"不会坐牢|不會坐牢|不用坐牢|不会被起诉|不會被起訴|不能起诉|不能起訴|无权起诉|無權起訴|不会被抓|不會被抓|不构成犯罪|不構成犯罪"
    r"|民事(?:纠纷|糾紛|问题|問題|案件)|不是刑事|不会上门|不會上門"
    r"|\bwon'?t go to (?:jail|prison)|\bcannot sue|\bcan'?t sue|\bno right to sue|\bnot a crime|\bcivil (?:matter|dispute)",
    re.IGNORECASE,
)


# ----- checks ---------------------------------------------------------------------------------


def simplified_characters(text: str) -> list[str]:
    """Characters of a Traditional text that OpenCC (phrase-aware) would convert as simplified."""
    converted = TO_TRADITIONAL.convert(text)
    if len(converted) != len(text):
        return [text]
    return [old for old, new in zip(text, converted, strict=True) if old != new and old not in TRADITIONAL_AS_WRITTEN]


def traditional_characters(text: str) -> list[str]:
    """Characters of a Simplified text that OpenCC would convert as traditional."""
    converted = TO_SIMPLIFIED.convert(text)
    if len(converted) != len(text):
        return [text]
    return [old for old, new in zip(text, converted, strict=True) if old != new]


def taiwan_terms(text: str) -> list[str]:
    return [f"{term} (mainland: {word})" for term, word in TAIWAN_TERMS.items() if term in text]


def banned_terms(text: str) -> list[str]:
    return [f"{term} ({instead})" for term, instead in BANNED_TERMS.items() if term in text]


def wrong_quotes(text: str, language: str) -> list[str]:
    return [mark for mark in QUOTES[language][1] if mark in text]


def forbidden_claims(text: str) -> list[str]:
    found = []
    if _CAP_24.search(text):
        found.append("a 24% cap")
    if _ONE_POINT_FIVE.search(text) and not (_CONTRACT.search(text) and _EXAMPLE.search(text)):
        found.append("1.5 stated as fact (only as an example of what to copy from the contract)")
    if match := _FIXED_TERMS.search(text):
        found.append(f"fixed loan terms: {match.group(0)!r}")
    if match := _PROMISES.search(text):
        found.append(f"a promised outcome: {match.group(0)!r}")
    if match := _SHAMING.search(text):
        found.append(f"a shaming word: {match.group(0)!r}")
    if match := _LEGAL_CONCLUSIONS.search(text):
        found.append(f"a legal conclusion the fact table does not draw: {match.group(0)!r}")
    return found


# ----- the catalogs ---------------------------------------------------------------------------


def translations(language: str) -> Iterator[tuple[str, str]]:
    """(English message id, one translation) for every message of a catalog."""
    for message in catalogs.load(language):
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        for text in strings:
            yield msgid, str(text)


def translation_of(language: str, msgid: str) -> str:
    message = catalogs.load(language).get(msgid)
    assert message is not None and message.string, f"{language}: no translation of {msgid!r}"
    return str(message.string)


def every_text() -> Iterator[tuple[str, str, str]]:
    """(catalog, message id, text) for the English ids and both translations."""
    for msgid, _text in translations("zh_Hans"):
        yield "en", msgid, msgid
    for language in catalogs.TRANSLATED_LANGUAGES:
        for msgid, text in translations(language):
            yield language, msgid, text


def _report(found: Sequence[tuple[str, object]]) -> str:
    return "\n".join(f"{msgid!r}: {problem}" for msgid, problem in found)


def test_zh_hant_has_no_simplified_characters() -> None:
    found = [(msgid, chars) for msgid, text in translations("zh_Hant") if (chars := simplified_characters(text))]
    assert not found, _report(found)


def test_zh_hans_has_no_traditional_characters() -> None:
    found = [(msgid, chars) for msgid, text in translations("zh_Hans") if (chars := traditional_characters(text))]
    assert not found, _report(found)


def test_zh_hant_uses_mainland_vocabulary() -> None:
    found = [(msgid, terms) for msgid, text in translations("zh_Hant") if (terms := taiwan_terms(text))]
    assert not found, _report(found)


@pytest.mark.parametrize("language", catalogs.TRANSLATED_LANGUAGES)
def test_one_term_per_thing(language: str) -> None:
    found = [(msgid, terms) for msgid, text in translations(language) if (terms := banned_terms(text))]
    assert not found, _report(found)


@pytest.mark.parametrize("language", catalogs.TRANSLATED_LANGUAGES)
def test_one_quote_style_per_script(language: str) -> None:
    found = [(msgid, marks) for msgid, text in translations(language) if (marks := wrong_quotes(text, language))]
    assert not found, _report(found)


def test_no_catalog_claims_what_the_fact_table_does_not() -> None:
    found = [
        (f"{language} {msgid}", claims) for language, msgid, text in every_text() if (claims := forbidden_claims(text))
    ]
    assert not found, _report(found)


@pytest.mark.parametrize("language", catalogs.TRANSLATED_LANGUAGES)
def test_each_flag_text_keeps_the_users_own_voice(language: str) -> None:
    """A flag says 我 (the user's own log); the rule or warning shown after it must not switch to 你."""
    found = []
    for flag in RED_FLAGS:
        parts = [
            flag.label,
            *(fact(key).statement for key in flag.fact_keys),
            *(fact(key).source for key in flag.fact_keys),
        ]
        if flag.warning:
            parts.append(flag.warning)
        text = "：".join(translation_of(language, part) for part in parts)
        if "你" in text:
            found.append((flag.key, text))
    assert not found, _report(found)


_PERCENT = re.compile(r"%(?:\(\w+\))?[#0\- +]*\d*(?:\.\d+)?[sdrifx%]")


@pytest.mark.parametrize("language", catalogs.TRANSLATED_LANGUAGES)
def test_percent_placeholders_survive_translation(language: str) -> None:
    """argparse fills its messages with %-placeholders; the catalog check only compares {braces}."""
    found = []
    for msgid, text in translations(language):
        if "%(" in msgid or re.search(r"%[sr]", msgid):
            if sorted(_PERCENT.findall(msgid)) != sorted(_PERCENT.findall(text)):
                found.append((msgid, text))
    assert not found, _report(found)


# ----- the checks themselves can fail ---------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "text"),
    [
        (simplified_characters, "數据文件夾"),
        (simplified_characters, "请先保存"),
        (traditional_characters, "數据"),
        (taiwan_terms, "資料資料夾是隻讀的"),
        (taiwan_terms, "沒有寫入數據文件夾的許可權"),
        (taiwan_terms, "《個人資訊保護法》"),
        (taiwan_terms, "個人帳戶"),
        (banned_terms, "这些红旗违反的规定"),
        (banned_terms, "借唄逾期工作簿"),
        (forbidden_claims, "罚息按日利率的 1.5 倍计算"),
        (forbidden_claims, "Penalty interest is the daily rate × 1.5."),
        (forbidden_claims, "年化利率不能超过 24%"),
        (forbidden_claims, "借呗可以分 12 期还"),
        (forbidden_claims, "Jiebei lets you defer up to 3 months"),
        (forbidden_claims, "按这个方案一定能协商成功"),
        (forbidden_claims, "Your request will be approved."),
        (forbidden_claims, "别当老赖"),
        (forbidden_claims, "There is no shame in asking."),
        (forbidden_claims, "别理他，这种人渣"),
        (forbidden_claims, "Ignore that scum."),
        (forbidden_claims, "逾期是民事纠纷，你不会坐牢"),
        (forbidden_claims, "They cannot sue you for this."),
        (forbidden_claims, "別擔心，他們不會上門"),
    ],
)
def test_each_check_catches_a_bad_sample(check: object, text: str) -> None:
    assert callable(check)
    assert check(text)


@pytest.mark.parametrize(
    "text",
    [
        "請填寫合同裡的倍數，例如 1.5（留空表示 1）",
        "Enter a multiplier from {minimum} to {maximum}. If the contract says the rate is raised by 50%, enter 1.5",
        "不一定",
        "還剩幾期，例如 12",
        "每天最多撥打 6 次",
        "《民事证据规定》第十四条",
        "法院、公安、刑事责任或黑名单",
    ],
)
def test_allowed_wording_passes(text: str) -> None:
    assert not forbidden_claims(text)


def test_wrong_quotes_are_caught() -> None:
    assert wrong_quotes("例如“輸錯了”", "zh_Hant") == ["“", "”"]
    assert wrong_quotes("例如「输错了」", "zh_Hans") == ["「", "」"]


# ----- argparse in the UI language -------------------------------------------------------------


def _argparse_messages_shown_to_users() -> set[str]:
    import argparse

    found = set()
    for _line, message, _comments, _context in extract_from_file(
        "python", argparse.__file__, keywords={"_": None, "ngettext": (1, 2)}
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found - NOT_SHOWN_TO_USERS


def test_every_argparse_message_a_user_can_see_is_in_the_catalogs() -> None:
    shown = _argparse_messages_shown_to_users()
    assert shown - set(ARGPARSE_MESSAGES) == set(), "argparse shows these untranslated; add them to argparse_i18n"
    assert set(ARGPARSE_MESSAGES) - shown == set(), "not (or no longer) argparse's exact words"


@pytest.mark.parametrize(
    ("language", "usage", "options"),
    [("zh-Hans", "用法：", "选项"), ("zh-Hant", "用法：", "選項"), ("en", "usage: ", "options")],
)
def test_argparse_speaks_the_language_only_inside_the_block(language: str, usage: str, options: str) -> None:
    import argparse

    domain_before = gettext.textdomain()
    language_before = os.environ.get("LANGUAGE")
    with argparse_language(language):
        text = argparse.ArgumentParser(prog="x").format_help()
    assert text.startswith(usage) and f"\n{options}:" in text
    assert gettext.textdomain() == domain_before
    assert os.environ.get("LANGUAGE") == language_before
    assert argparse.ArgumentParser(prog="x").format_help().startswith("usage: ")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jiebei_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent,
        env=dict(os.environ),
    )


@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [
        ("zh-Hans", "jiebei-tui: 无法识别的参数：--bogus（可运行 jiebei-tui --help 查看用法）", "unrecognized"),
        ("zh-Hant", "jiebei-tui: 無法識別的參數：--bogus（可運行 jiebei-tui --help 查看用法）", "unrecognized"),
        ("en", "jiebei-tui: unrecognized arguments: --bogus (see jiebei-tui --help)", "無法"),
    ],
)
def test_command_line_errors_in_the_ui_language(language: str, expected: str, english: str) -> None:
    result = _run("--lang", language, "--bogus")
    assert result.returncode == 2
    assert result.stderr.strip() == expected
    assert english not in result.stderr


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh-Hans", ["参数 --format：无效的选择：'pdf'（可选：'json', 'markdown', 'ics'）"]),
        ("zh-Hant", ["參數 --format：無效的選擇：'pdf'（可選：'json', 'markdown', 'ics'）"]),
        ("en", ["argument --format: invalid choice: 'pdf' (choose from 'json', 'markdown', 'ics')"]),
    ],
)
def test_invalid_choice_in_the_ui_language(language: str, words: list[str]) -> None:
    result = _run("export", "--lang", language, "--format", "pdf")
    assert result.returncode == 2
    assert all(word in result.stderr for word in words), result.stderr


@pytest.mark.parametrize(
    ("language", "present"),
    [
        ("zh-Hans", ["用法：jiebei-tui", "选项:", "命令:", "显示本帮助信息并退出", "显示程序版本号并退出"]),
        ("zh-Hant", ["用法：jiebei-tui", "選項:", "命令:", "顯示本幫助信息並退出", "顯示程序版本號並退出"]),
        ("en", ["usage: jiebei-tui", "options:", "commands:", "show this help message and exit"]),
    ],
)
def test_help_in_the_ui_language(language: str, present: list[str]) -> None:
    result = _run("--help", "--lang", language)
    assert result.returncode == 0
    missing = [word for word in present if word not in result.stdout]
    assert not missing, result.stdout
    if language != "en":
        english = ["usage:", "options:", "positional arguments", "show this help", "show program's"]
        assert not [word for word in english if word in result.stdout], result.stdout


def test_the_language_switch_itself_is_unchanged_by_parsing() -> None:
    """Parsing in one language leaves the app's own catalogs alone (they are chained separately)."""
    i18n.set_language("zh-Hant")
    with argparse_language("en"):
        pass
    assert i18n._("Save") == "保存"
