"""What turns a match back into calm talk: negation, the user as the one who acts, the user's own voice.

A collector who says 我们不会上门 or "we will not contact your family" says the opposite of the
situation; a collector who says 您可以联系家人商量 gives the user advice. Each check reads only the
clause around the match (up to the nearest comma or full stop), so 不还就上门 (negation in the
condition) still counts while 不会上门 does not. Between a negation and the matched words only
"filler" words may stand (会, 要, 去, 再; will, going to, ever): any other word ends its reach.
"""

from __future__ import annotations

from jiebei_tui.domain.calls.coach.patterns_zh import STOP

ZH_NEGATION = (
    "(?:千万不要|千万别|从来没有|从来没|从来不|从没|并没有|并没|并不|并非|绝不|从不|不会让|不会叫|不会要求|不会再|"
    "不存在|不涉及|不构成|不属于|谈不上|不需要|不打算|不准备|不建议|不可能|不可以|不至于|不允许|不提倡|不鼓励|不支持|不接受|不得|不会|不要|不用|不必|"
    "不需|不想|不能|不是|不再|无需|无须|没有|请勿|严禁|禁止|拒绝|没|未|别|勿|不)"
)
ZH_FILLER = (
    "(?:已经|打算|准备|可能|需要|必要|直接|真的|马上|立即|立刻|主动|随便|轻易|一定|他们|我们|说过|讲过|提过|"
    "提起|提交|申请|采取|进入|发起|通过|任何|这样的|那种|相关的|相关|要求|引导|诱导|鼓励|推荐|建议|担心|害怕|相信|听信|理会|"
    "会|要|去|来|用|再|是|到|想|必|给|向|对|把|跟|和|帮|你|您|他|她|说|走|能|过|有|人|劝|怕)*"
)
# 是不是 / 会不会 are questions, 不得不 is "have to": neither is a negation.
ZH_NOT_NEGATION = (
    ("是不是", "是否"),
    ("会不会", "是否"),
    ("要不要", "是否"),
    ("能不能", "是否"),
    ("有没有", "是否"),
    ("想不想", "是否"),
    ("可不可以", "是否"),
    ("不得不", "只能"),
    ("不能不", "只能"),
    ("不会不", "只能"),
    ("不可能不", "只能"),
)
ZH_NEGATED_BEFORE = f"{ZH_NEGATION}{ZH_FILLER}$"
# 上门是不会的: the negation after the words (matched at the end of the words, hence no ^).
ZH_NEGATED_AFTER = f"(?:的事|这种事|这事)?(?:是|我们是)?(?:不会|不可能|没有|不存在|没必要)(?:的|发生的?|了)?(?:[{STOP}]|$)"

EN_NEGATION = (
    r"(?:(?<![a-z])not|n't|(?<![a-z])never|(?<![a-z])no\s+one|(?<![a-z])nobody|(?<![a-z])no\s+longer|"
    r"(?<![a-z])no|(?<![a-z])without|(?<![a-z])avoid|(?<![a-z])refuse)"
)
EN_FILLER = (
    r"(?:(?:going|planning|planned|intending|trying|want|wanting|need|needed|have|has|had|be|been|being|is|are|"
    r"was|were|am|to|will|would|ever|yet|any|actually|come|coming|a|an|the|plan|plans|ask|asks|asked|asking|"
    r"you|your|us|we|our|file|filed|filing|take|taken|taking|start|started|bring|brought|report|reported|send|"
    r"sent|call|called|involve|involved|legal|do|does|did|allowed|permitted|supposed|really|anyone|anybody|one|"
    r"by|about|of|at|all|use|used|need)\s+)*"
)
EN_NEGATED_BEFORE = rf"{EN_NEGATION}\s+{EN_FILLER}$"

# The user (你, please) is the one who acts: 你可以联系家人 / "you can tell your family".
USER_ACTS_BEFORE = (
    "(?:请|你|您)(?:自己|可以|可|能|也可以|也|最好|需要|要|得|先|就|去|来|跟|和|再|尽快|赶紧|马上|不妨|应该|一定要|务必)*$"
    r"|(?<![a-z])(?:you|please)\s+(?:(?:can|could|may|might|should|need|have|to|want|also|first|just|better|must|"
    r"try|will)\s+)*$"
)
# ... to ask them for help: 联系家人帮忙 / "call your family for help" (unless the caller is the one acting).
HELP_AFTER = r"帮|借|凑|商量|想办法|筹|一起想|(?<![a-z])(?:help|lend|borrow|discuss|together)"
CALLER_ACTS = r"我们|我|(?<![a-z])(?:we|i'll|i\s+will|our)(?![a-z])"

# A plain line in the user's own voice (我说…, I told them…) is not the collector speaking.
USER_VOICE = (
    "^(?:我(?:说|问|告诉|回答|答|回|表示|拒绝|解释|要求|打算|准备|自己|(?:跟|和|对|请|让)(?:他|她|对方))"
    r"|i\s+(?:said|told|asked|answered|replied|refused|explained|will|plan)(?![a-z])|me\s*:)"
)
