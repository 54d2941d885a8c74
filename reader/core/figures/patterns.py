"""Regular-expression fragments (plain strings) shared by the figure lexers and the value parser.

A figure is a whole token: it never starts right after a letter, a digit or `_` (`A320`, `Fab2`),
nor after a word joined by `-`/`.` (`COVID-19`, `EX-2M`, `v1.2`), and it never ends inside a
word or a longer number (`5G`, `3D`, `90s`). Only the digits of a figure are ASCII-bounded: Chinese
text puts numbers straight against Chinese characters (`人民幣13億元`, `領克08`).
"""

from __future__ import annotations

DG = "0-9\uff10-\uff19"  # ASCII and full-width digits, for use inside a character class
D = f"[{DG}]"
NUM = rf"(?:{D}{{1,3}}(?:,{D}{{3}})+(?:\.{D}+)?|{D}+(?:\.{D}+)?)"
FW = "[\uff10-\uff19]"  # full-width digits
# START and END, in almost every lexer rule, keep ASCII and full-width characters in classes of
# their own: Python compiles a class that mixes them into a 64K-entry table, which made building
# the lexers (before a file's first paint) markedly slower. Same matches either way.
START = (
    rf"(?<![A-Za-z0-9_#@/\\])(?<!{FW})"
    rf"(?:(?<![A-Za-z0-9][-.,])(?<!{FW}[-.,])|(?<=mid-)|(?<=Mid-)|(?<=early-)|(?<=late-)|(?<=end-)"
    rf"|(?<=pre-)|(?<=post-))"
)
END = rf"(?![A-Za-z0-9_]|{FW}|[.,]{D})"
WORD_END = r"(?![A-Za-z0-9_])"
YEAR = rf"(?:[1\uff11][9\uff19]|[2\uff12][0\uff10]){D}{{2}}"
YY = rf"['\u2019]{D}{{2}}(?![A-Za-z0-9_'\u2019])"  # '26
RANGE_EN = r"\s?(?:to|through|-|\u2013|\u2014|~)\s?"
RANGE_ZH = r"\s*(?:至|到|-|\u2013|\u2014|~|\uff5e|－)\s*"

# --- money -----------------------------------------------------------------------------------

CUR_PREFIX = (
    r"(?:US\$|HK\$|NT\$|S\$|C\$|A\$|RMB|Rmb|CNY|USD|HKD|TWD|SGD|CAD|AUD|EUR|GBP|JPY|CHF|KRW|INR"
    r"|\$|\u20ac|\u00a3|\u00a5|\uffe5|\u20a9|\u20b9)"
)
CUR_SUFFIX_EN = (
    r"(?i:yuan|renminbi|RMB|US\s+dollars?|Hong\s+Kong\s+dollars?|HK\s+dollars?|dollars?|euros?|yen"
    r"|pounds(?:\s+sterling)?|cents|won|rupees)"
)
SCALE_LONG = r"(?:\s|-)(?i:thousand|million|billion|trillion)"
SCALE_SHORT = r"(?:\s?(?:mln|bln|mn|bn)|[MBKmbk])"
PER_SHARE = r"(?:\s(?:per|a)\s(?:diluted\s|basic\s|ordinary\s)?(?:share|ADS|ADR)\b)?"

CN_SCALE = r"(?:百萬|百万|千萬|千万|十億|十亿|百億|百亿|千億|千亿|萬億|万亿|萬|万|億|亿|千(?![瓦克米]))"
CN_CUR_PREFIX = r"(?:人民幣|人民币|RMB|US\$|HK\$|USD|\$|\uff04|\u00a5|\uffe5)"
CN_CUR_SUFFIX = (
    r"(?:美元|美金|港元|港幣|港币|歐元|欧元|日元|日圓|日圆|英鎊|英镑|新台幣|新台币|台幣|台币"
    r"|人民幣|人民币|元)(?:人民幣|人民币)?"
)

# --- percentages -----------------------------------------------------------------------------

PCT_EN = (
    r"(?:\s?[%\uff05]|\s(?i:percent|per\s?cent|pct)\b|[\s-](?i:percentage\s+points?|basis\s+points?)\b"
    r"|\s?(?i:bps|bp)\b|-\s?(?i:percentage)(?=[\s-]))"
)
PCT_ZH = r"(?:\s*[%\uff05]|\s*[個个]?(?:百分點|百分点|基點|基点))"
CN_NUMERAL = "零〇一二兩两三四五六七八九十百千萬万億亿"

# --- quantities ------------------------------------------------------------------------------

_UNITS_EN = (
    "patent applications|design wins|watt[ -]hours?|milliampere[ -]hours?|kilowatt[ -]hours?|"
    "megawatt[ -]hours?|gigawatt[ -]hours?|"
    "square feet|square meters|square metres|vehicles?|cars?|units?|patents?|applications|brands?|OEMs?|"
    "automakers|customers?|clients|employees|engineers|people|staff|models?|programs?|programmes|"
    "projects?|platforms?|products?|lines|sites|factories|plants|stores|shops|outlets|countries|"
    "cities|markets|users|subscribers|members|accounts|devices|phones|smartphones|handsets|chips|"
    "wafers|cells|batteries|modules|samples|orders|shipments|wins|deals|agreements|contracts|"
    "partners|suppliers|SKUs|controllers|computers|servers|systems|solutions|years?|months?|"
    "weeks?|days?|hours?|minutes|seconds|quarters|times|Wh|kWh|MWh|GWh|mAh|volts?|watts?|"
    "kilowatts?|megawatts?|gigawatts?|nanometers?|nanometres?|nm|miles|kilometers|kilometres|km|"
    "meters|metres|tons|tonnes|kilograms|kg|liters|litres|shares|ADSs|locations|offices|centers|"
    "centres|seats|passengers|trips|rides|downloads|transactions|items|titles|games|apps|languages"
)
UNIT_EN = "(?:" + "|".join(sorted(_UNITS_EN.split("|"), key=len, reverse=True)) + ")"
# Words that never sit between a number and its unit noun (`800 or so watt-hours` is no quantity).
_STOP = (
    "or|and|to|of|in|on|at|the|a|an|for|from|by|with|per|than|as|so|is|was|are|were|be|been|over|"
    "under|into|year|our|their|your|my|his|her|its|this|that|these|those|most|all|some|many|any|"
    "each|every|other|such|more|less|few|no|not|about|around|across|during|since|until|we|they|you|"
    "it|which|who|when|while|where|if|but|also|only|just|up|down|out|off|new|last|next|same|prior|"
    "previous|whole|entire|full|first|second|third|fourth|each|half|quarter|month|week|day|time"
)
MOD_EN = rf"(?:(?!(?:{_STOP})\b)[a-z][a-z]+(?:-[a-z]+)?|[A-Z]{{2,5}}(?![a-z]))"

_UNITS_ZH = (
    "毫安培小時|毫安培小时|毫安培時|毫安培时|毫安時|毫安时|千瓦時|千瓦时|瓦時|瓦时|千瓦|瓦|伏特|伏|"
    "百萬瓦時|百万瓦时|百萬瓦|百万瓦|兆瓦時|兆瓦时|兆瓦|吉瓦時|吉瓦时|吉瓦|"
    "年代|奈米|納米|纳米|公里|英里|公尺|公斤|公噸|公吨|噸|吨|個月|个月|小時|小时|分鐘|分钟|週|周|天|年|"
    "輛|辆|台|臺|部|個|个|家|項|项|名|位|人|款|條|条|件|套|顆|颗|片|塊|块|張|张|枚|座|間|间|所|"
    "種|种|次|倍|批|份|筆|笔|隻|輪|轮|股"
)
UNIT_ZH = (
    "(?:"
    + "|".join(sorted(_UNITS_ZH.split("|"), key=len, reverse=True))
    + rf"|(?:mAh|kWh|MWh|GWh|Wh|nm|km|kg){WORD_END})"
)
# Nouns kept in a Chinese quantity (`598 項註冊專利`); most nouns start compounds, so only a few.
NOUN_ZH = r"(?:(?:註冊|注册)?(?:專利|专利)|員工|员工|客戶|客户|品牌)"

# --- periods ---------------------------------------------------------------------------------

ORD_Q = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
ORD_H = r"(?i:first|second|1st|2nd|back|front|later|latter)"
MONTH_FULL = "January|February|March|April|June|July|August|September|October|November|December"
MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# `May` is a month only after a word that introduces a date, or before a day/year.
MAY = (
    r"(?:(?<=\bin )|(?<=\bIn )|(?<=\bof )|(?<=since )|(?<=\bby )|(?<=early )|(?<=\blate )|(?<=mid-)"
    r"|(?<=until )|(?<=\bfrom )|(?<=\bnext )|(?<=\blast )|(?<=\bthis )|(?<=through )|(?<=Since )"
    r"|(?<=\bend of )|(?<=\bto ))May|May(?=\s+[0-9])"
)
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
# `... of 2024`, `... 2024`, `... of fiscal 2025`, `... '24`, `... FY25`
YEAR_TAIL = (
    rf"(?:\s(?:of\s)?(?:(?i:fiscal|calendar)(?:\s(?i:year))?\s)?{YEAR}{END}|\s?{YY}"
    rf"|\s?(?:FY|CY)\s?(?:{YEAR}|{D}{{2}}){END})"
)
CN_QUARTER = r"(?:第\s*[一二三四1-4]\s*季(?:度)?|(?<![上下本前後后這这每同當当])[一二三四]季度)"
CN_HALF = r"(?:[上下]半年(?:度)?)"
CN_FY = r"(?:全年(?:度)?|財年|财年|財政年度|财政年度|會計年度|会计年度)"
CN_MONTH = rf"(?:(?:1[0-2]|0?[1-9])\s*月(?:份)?(?:\s*{DAY}\s*[日號号])?)"

# --- numbers in words: figures only with a scale, a percent or a currency ----------------------

WORD_NUM_EN = (
    "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
SPELLED_EN = rf"(?i:{WORD_NUM_EN}(?:[\s-](?:and\s)?{WORD_NUM_EN})*)(?![A-Za-z])"
CN_WORD_DIGIT = "一二兩两三四五六七八九十"
# `兩百萬`, `三千萬美元`: a Chinese numeral with a scale (it starts with a digit word, not 百/千).
CN_SPELLED = rf"(?<![{CN_WORD_DIGIT}百千萬万億亿])[{CN_WORD_DIGIT}][{CN_WORD_DIGIT}百千]*[萬万億亿]"
# `三成` (30%), but not 成長, 成功, 成為…
CN_TENTHS = rf"(?<![{CN_WORD_DIGIT}])[一二兩两三四五六七八九]成(?![長长功為为立本員员熟果交績绩不])"

# --- words that may start a figure (kept out of the fast plain-text rule) ----------------------

STARTER_WORD = (
    r"(?:(?:Q[1-4]|H[12]|FY|CY|RMB|Rmb|CNY|USD|US|HK|NT|HKD|TWD|SGD|CAD|AUD|EUR|GBP|JPY|CHF|KRW|INR"
    r"|[SCA](?=\$))(?![a-z])"
    rf"|(?i:first|second|third|fourth|back|front|later|latter|full|fiscal|quarter)\b|(?:{MONTH_FULL}|May|{MONTH_ABBR})\b)"
)
SAFE_WORD = rf"(?!{STARTER_WORD})[A-Za-z_][A-Za-z0-9_]*"
