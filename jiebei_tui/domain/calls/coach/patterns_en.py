"""English wording of each situation, as regular expressions over the comparable form of a line.

Lower case, one space between words (:mod:`.normalize`). Words are bounded with look-arounds, not
``\\b``: a line may run an English word straight into Chinese characters (上门tomorrow), which
``\\b`` would not see as a boundary. As in Chinese, a pattern needs the act (visit your home,
contact your family), never the bare topic (visit the app, your family situation). The few pinyin
words here (shangmen, qisu) are Chinese committed before the input method converted it.
"""

from __future__ import annotations

from collections.abc import Mapping

from jiebei_tui.domain.calls.coach.situations import Situation

W = "(?![a-z])"  # end of a word
B = "(?<![a-z])"  # start of a word
ANY_WORD = r"(?:[a-z'-]+\s+)"
PLACE = (
    "(?:home|house|door|doorstep|place|flat|apartment|address|office|workplace|work|company|job|"
    "hometown|parents'? (?:home|house)|family home)"
)
PEOPLE = (
    "(?:family(?: members)?|wife|husband|partner|spouse|parents|mother|mom|mum|father|dad|relatives|kids|"
    "children|son|daughter|brother|sister|siblings|employer|boss|manager|supervisor|colleagues|co-?workers|"
    "workplace|hr|human resources|office|company|friends|neighbou?rs|contacts|contact list|phone contacts|"
    "emergency contacts?|references?|guarantor|landlord)"
)
CONTACT_VERB = (
    "(?:contact(?:ed|ing|s)?|call(?:ed|ing|s)?|phon(?:e|ed|ing)|ring(?:ing)?|rang|text(?:ed|ing)?|"
    r"messag(?:e|ed|ing)|tell(?:ing)?|told|inform(?:ed|ing)?|notif(?:y|ied|ying)|email(?:ed|ing)?|"
    r"reach(?:ed|ing)?\s+out\s+to|get(?:ting)?\s+in\s+touch\s+with|got\s+in\s+touch\s+with|"
    r"(?:speak|spoke|talk(?:ed)?)\s+(?:to|with)|write\s+to|wrote\s+to)"
)
PAY_VERB = r"(?:pay|paid|paying|transfer(?:red|ring)?|send|sent|wire[ds]?|deposit(?:ed)?|remit(?:ted)?|put)"
SECRET = (
    r"(?:verification\s+code|verify\s+code|security\s+code|sms\s+code|otp|one[- ]time\s+(?:password|code|pin)|"
    r"(?:[a-z0-9]+-digit\s+)code|yan\s?zheng\s?ma|code\s+(?:in|from)\s+(?:the|your)\s+(?:sms|text|message)|passcode|password|pin(?:\s+code|\s+number)?|cvv|(?:bank\s+)?card\s+number|"
    r"id(?:\s+card)?\s+(?:number|photo|picture|copy)|id\s+card|identity\s+card|passport(?:\s+(?:photo|number|copy))?|"
    r"(?:photo|picture|copy|scan|image)\s+of\s+(?:your|the)\s+(?:id|id\s+card|identity\s+card|passport|bank\s+card))"
)
ASK_VERB = r"(?:give|tell|send|read|share|provide|forward|text|show|need|want|confirm|repeat|upload|take)"
INSULT = (
    "(?:idiot|stupid|moron|scum|loser|deadbeat|liar|thief|cheat|fraudster|bitch|bastard|asshole|trash|garbage|"
    "worthless|shameless|pathetic|parasite|pig|dog|useless)"
)

PATTERNS: Mapping[Situation, tuple[str, ...]] = {
    Situation.VISIT: (
        rf"{B}(?:home|house|field|on-?site|site|door-to-door|in-person)\s+visits?{W}",
        rf"{B}visit(?:s|ed|ing)?\s+(?:you|me|(?:your|my)\s+{ANY_WORD}?{PLACE}|(?:your|my)\s+(?:family|parents|wife|husband)){W}",
        rf"{B}(?:come|coming|came|go|going|be|stop(?:ping)?\s+by|drop(?:ping)?\s+by|show(?:ing)?\s+up|turn(?:ing)?\s+up|"
        rf"knock(?:ing)?|send(?:ing)?\s+(?:someone|somebody|people|an?\s+agent|a\s+team|our\s+staff|staff|a\s+collector)|"
        rf"(?:be\s+)?waiting)\s+(?:round\s+|over\s+|right\s+)?(?:to|at|on|by|outside)\s+(?:your|my)\s+{PLACE}{W}",
        rf"{B}(?:see|meet|find)\s+you\s+in\s+person{W}",
        rf"{B}shang\s?men{W}",
    ),
    Situation.THIRD_PARTIES: (
        rf"{B}{CONTACT_VERB}\s+(?:all\s+)?(?:of\s+)?(?:your|my)\s+{ANY_WORD}?{PEOPLE}{W}",
        rf"{B}(?:let|make\s+sure)\s+(?:your|my)\s+{ANY_WORD}?{PEOPLE}\s+{ANY_WORD}?know{W}",
        rf"{B}your\s+{ANY_WORD}?{PEOPLE}\s+(?:will|are\s+going\s+to|is\s+going\s+to|would|already)\s+{ANY_WORD}?"
        rf"(?:know|hear|be\s+(?:told|called|contacted|informed|notified)|get\s+(?:a\s+call|calls|messages|texts)){W}",
        rf"{B}everyone\s+(?:in|on)\s+your\s+(?:contacts?|contact\s+list|phone(?:\s?book)?|address\s+book){W}",
    ),
    Situation.AUTHORITY_CLAIM: (
        rf"{B}(?:this\s+is|i\s+am|i'm|we\s+are|we're)\s+(?:a\s+)?(?:police\s+officer|officer|judge|inspector|constable|"
        rf"sergeant|detective){W}",
        rf"{B}(?:this\s+is|i\s+am|i'm|we\s+are|we're|calling(?:\s+you)?\s+from|here\s+from|on\s+behalf\s+of|speaking\s+for)"
        rf"\s+(?:the\s+)?(?:(?:local|district|city|county|municipal|intermediate|people'?s|[a-z]+\s+district|[a-z]+\s+city)\s+)?"
        rf"(?:court|police|public\s+security\s+bureau|procuratorate|prosecutor'?s?\s+office){W}",
        rf"{B}(?:officer|judge)\s+[a-z]+\s+(?:from|of)\s+the\s+(?:court|police){W}",
    ),
    Situation.LEGAL_THREAT: (
        rf"{B}(?:sue|suing|sued)\s+(?:you|your){W}",
        rf"{B}(?:law\s?suits?|legal\s+(?:action|proceedings|steps)|litigation|courts?|summons|subpoena|warrant|"
        rf"police|cops|arrest(?:ed)?|jail|prison|criminal|crime|fraud\s+(?:charges?|case)|prosecut[a-z]*|"
        rf"black\s?list(?:ed)?|bailiffs?|lawyer'?s\s+letter|attorney'?s\s+letter|legal\s+letter|"
        rf"(?:dishonest|defaulters?)\s+(?:debtor\s+)?list|travel\s+ban){W}",
        rf"{B}(?:seize|freeze|freezing|frozen)\s+your\s+{ANY_WORD}?(?:accounts?|assets|property|salary|cards?){W}",
        rf"{B}(?:qi\s?su|fa\s?yuan|bao\s?jing|zuo\s?lao|hei\s?ming\s?dan){W}",
    ),
    Situation.PERSONAL_ACCOUNT: (
        rf"{B}{PAY_VERB}\s+{ANY_WORD}{{0,4}}?(?:to|into|in|on)\s+(?:my|this|that|his|her|a|our|the\s+following)\s+"
        rf"(?:[a-z]+'s\s+)?(?:own\s+)?(?:(?:personal|private|bank)\s+)*(?:account|card|wechat|alipay|qr\s+code){W}",
        rf"{B}(?:use|using)\s+my\s+(?:own\s+)?(?:(?:personal|private|bank)\s+)*(?:account|card){W}",
        rf"{B}(?:transfer|send|wire|pay)\s+(?:the\s+money\s+|it\s+|the\s+amount\s+)?(?:directly\s+)?to\s+me{W}",
        rf"{B}pay\s+me{W}",
        rf"{B}(?:wechat\s+(?:pay|transfer|red\s+packet)|alipay\s+transfer){W}",
        rf"{B}{PAY_VERB}\s+{ANY_WORD}{{0,3}}?(?:by|via|on|through|with)\s+wechat{W}",
        rf"{B}(?:scan|use)\s+(?:my|this|the|our)\s+qr\s+code{W}|{B}qr\s+code\s+to\s+(?:re)?pay{W}",
        rf"{B}{PAY_VERB}\s+{ANY_WORD}{{0,3}}?(?:to|into)\s+(?:a|the)\s+third[- ]party{W}|{B}third[- ]party\s+account{W}",
        rf"{B}(?:personal|private)\s+(?:bank\s+)?account\s+(?:number\s+)?(?:to|for)\s+(?:re)?pay",
        rf"{B}(?:account|card)\s+number\s+(?:i|we)\s+(?:will\s+|'ll\s+)?(?:send|text|give|message){W}",
    ),
    Situation.NEW_LOAN: (
        rf"{B}(?:take|taking|took|get|getting|apply\s+for|applying\s+for|borrow|borrowing)\s+(?:out\s+)?"
        rf"(?:another|a\s+new|a\s+second|one\s+more|a\s+further|a\s+quick|a\s+payday|an\s+online)\s+loan{W}",
        rf"{B}borrow(?:ing)?\s+{ANY_WORD}{{0,4}}?(?:to|and)\s+(?:re)?pay{W}",
        rf"{B}(?:new|another)\s+loans?\s+to\s+(?:re)?pay{W}|{B}payday\s+loans?{W}|{B}loan\s+apps?{W}|{B}cash\s+advance{W}",
        rf"{B}(?:use|max\s+out|put\s+it\s+on)\s+(?:your|a|another)\s+credit\s+card{W}|{B}credit\s+cards?\s+to\s+(?:re)?pay{W}",
        rf"{B}pay\s+(?:it\s+)?(?:with|by|using)\s+(?:a|your)\s+credit\s+card{W}",
        rf"{B}(?:another|other)\s+(?:lending\s+)?(?:apps?|platforms?|lenders?)\s+to\s+(?:borrow|pay|repay){W}",
        rf"{B}rob\s+peter\s+to\s+pay\s+paul{W}",
        rf"{B}(?:get|take|apply\s+for)\s+(?:out\s+)?(?:a|another|a\s+new)\s+loan\s+{ANY_WORD}{{0,4}}?(?:and|to)\s+(?:re)?pay{W}",
    ),
    Situation.PRIVATE_INFO: (
        rf"{B}{ASK_VERB}\s+(?:me\s+|us\s+)?{ANY_WORD}{{0,2}}?(?:your|the)\s+{ANY_WORD}{{0,2}}?{SECRET}{W}",
        rf"{B}{ASK_VERB}\s+(?:me\s+|us\s+)?(?:an?\s+)?{SECRET}{W}",
        rf"{B}what(?:'s|\s+is)\s+(?:your|the)\s+{ANY_WORD}?{SECRET}{W}",
        rf"{B}{SECRET}\s+{ANY_WORD}{{0,3}}?to\s+(?:me|us){W}",
        rf"{B}(?:screen\s?shar[a-z]*|share\s+your\s+screen|remote\s+(?:access|control|desktop)|"
        rf"face\s+(?:scan|verification|recognition)|selfie\s+with){W}",
        rf"{B}(?:install|download)\s+(?:this|our|an?|that)\s+{ANY_WORD}?(?:app|software){W}",
        rf"{B}(?:give|send|tell|share|provide|forward)\s+(?:me|us)\s+{ANY_WORD}?(?:your|the)\s+"
        rf"(?:contacts|contact\s+list|phone\s?book|address\s+book|"
        rf"(?:family|parents|wife|husband|friends|colleagues|boss|employer|emergency\s+contacts?)(?:'s|')?\s+"
        rf"(?:(?:phone|mobile|contact)\s+)?(?:numbers?|details|contacts?)){W}",
    ),
    Situation.THREATS: (
        rf"{B}you(?:'re|\s+are)?\s+(?:a\s+|an\s+|such\s+an?\s+|so\s+|fucking\s+|bloody\s+|nothing\s+but\s+an?\s+|just\s+an?\s+)?"
        rf"{INSULT}{W}",
        rf"{B}(?:fuck[a-z]*|shit(?:head)?|bitch|bastard|asshole|motherfucker|scumbag|piece\s+of\s+(?:shit|trash|garbage)|"
        rf"son\s+of\s+a\s+bitch){W}",
        rf"{B}(?:you'?ll|you\s+will|you're\s+going\s+to)\s+(?:regret|be\s+sorry){W}|{B}we\s+know\s+where\s+you\s+(?:live|work){W}",
        rf"{B}watch\s+your\s+back{W}|{B}(?:you'?d|you\s+had)\s+better\s+watch\s+(?:out|yourself){W}",
        rf"{B}(?:hurt|kill|beat)\s+you(?:\s+up)?{W}|{B}break\s+your\s+(?:legs?|arms?|neck){W}|{B}pay\s+for\s+this{W}",
        rf"{B}make\s+your\s+life\s+(?:hell|miserable|difficult){W}|{B}ruin\s+your\s+(?:life|reputation|career|family){W}",
        rf"{B}expose\s+you{W}|{B}shame\s+you{W}|{B}teach\s+you\s+a\s+lesson{W}",
        rf"{B}post\s+your\s+(?:photos?|pictures?|details|name|information|id)\s+(?:online|on\s+the\s+internet|everywhere){W}",
        rf"{B}(?:face|suffer|there\s+will\s+be)\s+(?:the\s+)?consequences{W}",
        rf"{B}your\s+(?:family|kids|children|wife|husband)(?:'s)?\s+(?:safety|won'?t\s+be\s+safe){W}",
        rf"{B}something\s+(?:bad\s+)?(?:will|might|could)\s+happen\s+to\s+(?:you|your){W}",
        rf"{B}we(?:\s+will|'ll)\s+(?:come\s+for|get)\s+you{W}",
        rf"{B}or\s+else\s*(?:[.!?]|$)",
    ),
}
