"""Split a plain-text mail body into the newest message and the quoted history below (or above) it.

Each line gets a mark: ``s`` (a splitter: "On ... wrote:", "-----Original Message-----", an
Outlook "From: / Sent:" header block, a forwarded-message banner, or a marker placed by the HTML
converter), ``q`` (a ``>`` quoted line), ``e`` (empty) or ``t`` (text). The newest message is what
comes before the first splitter; a splitter followed only by quoted lines and then text (a reply
written *below* the quote) keeps that text too. Without any splitter, ``>`` lines are the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Line markers emitted by the HTML converter (private-use characters, never in real text).
STRONG_MARK = "\ue000"  # a quote container: gmail_quote, blockquote type=cite, OLK section...
WEAK_MARK = "\ue001"  # a plain <blockquote>: a quote only if nothing better is found

_WROTE = (
    r"wrote|sent|a écrit|a ecrit|schrieb|escribió|escribio|ha scritto|schreef|escreveu|skrev|"
    r"kirjoitti|írta|napisał\(a\)|napisała|napisał|написал\(а\)|написала|написал|yazdı|"
    r"het volgende geschreven|geschreven|写道|寫道|のメッセージ|が書きました|작성"
)
# "On <date>, <person> wrote:" and its translations; may end the line or be followed by dashes.
_RE_ATTRIBUTION = re.compile(
    rf"(?:^|[\s\-])(?:{_WROTE})\s*(?:[:：]|-{{2,}}|\.{{3}})?\s*-*\s*$", re.IGNORECASE
)
_RE_WROTE_ANYWHERE = re.compile(rf"(?:{_WROTE})", re.IGNORECASE)
_RE_ATTR_START = re.compile(
    r"^\s*-*\s*(?:On|Le|Am|El|Il|Op|Em|Den|På|W dniu|Dne|在|于)\b|^\s*在|^\s*\d", re.IGNORECASE
)
_RE_ORIGINAL = re.compile(
    r"^\s*[-_=*]{2,}\s*(?:Original Message|Original|Reply Message|Forwarded message|"
    r"Forwarded Message|Ursprüngliche Nachricht|Antwort Nachricht|Weitergeleitete Nachricht|"
    r"Oprindelig meddelelse|Message d'origine|Message original|Message transféré|"
    r"Mensaje original|Mensaje reenviado|Messaggio originale|Messaggio inoltrato|"
    r"Oorspronkelijk bericht|Doorgestuurd bericht|Исходное сообщение|Пересылаемое сообщение|"
    r"原始邮件|原始郵件|原邮件|转发的邮件|轉寄的郵件|转发邮件|元のメッセージ|転送されたメッセージ|"
    r"원본 메시지|전달된 메시지)\s*[-_=*]*\s*$"
    r"|^\s*(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|"
    r"Début du message réexpédié|Inicio del mensaje reenviado|以下是转发的邮件|转发的邮件)\s*[:：]",
    re.IGNORECASE,
)
_FROM_KEYS = (
    r"From|De|Von|Van|Da|Fra|Från|Od|От|Kimden|Lähettäjä|发件人|發件人|寄件者|寄件人|差出人|"
    r"送信者|보낸 사람|보낸사람"
)
_OTHER_KEYS = (
    r"Date|Sent|To|Cc|Subject|Envoyé|Gesendet|Datum|Fecha|Enviado|Inviato|Data|Sendt|Skickat|"
    r"Verzonden|Wysłano|Отправлено|Дата|À|A|An|Para|Aan|Til|Till|Do|Кому|Tema|Objet|Betreff|"
    r"Asunto|Oggetto|Onderwerp|Emne|Ämne|Temat|Тема|Konu|发送时间|發送時間|时间|時間|日期|"
    r"收件人|收件者|抄送|副本|主题|主旨|主題|送信日時|日時|宛先|件名|보낸 날짜|받는 사람|제목"
)
_RE_FROM_LINE = re.compile(rf"^\s*\*?\s*(?:{_FROM_KEYS})\s*\*?\s*[:：]", re.IGNORECASE)
_RE_DATE_LINE = re.compile(
    r"^\s*\*?\s*(?:Date|Sent|Datum|Gesendet|Envoyé|发送时间|發送時間|日期|Дата|Отправлено)"
    r"\s*\*?\s*[:：]",
    re.IGNORECASE,
)
_RE_HEADER_LINE = re.compile(
    rf"^\s*\*?\s*(?:{_FROM_KEYS}|{_OTHER_KEYS})\s*\*?\s*[:：]", re.IGNORECASE
)
_RE_SIG_DASHES = re.compile(r"^-- ?$")
_RE_MOBILE_SIG = re.compile(
    r"^\s*(?:Sent from my |Sent from Mail for|Sent with |Get Outlook for|Envoyé de mon|"
    r"Von meinem .* gesendet|Enviado desde mi|发自我的|發自我的|从我的.*发送|iPhoneから送信)",
    re.IGNORECASE,
)
_MAX_LINE = 400


@dataclass(frozen=True)
class ReplySplit:
    """The newest message and the quoted history (both plain text, stripped)."""

    newest: str
    quoted: str


def split_reply(text: str) -> ReplySplit:
    """Split a plain-text body into (newest message, quoted history)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return split_lines(lines)


def split_lines(lines: list[str]) -> ReplySplit:
    """Split already-separated lines; lines equal to STRONG_MARK / WEAK_MARK are markers."""
    marks = _mark_lines(lines)
    first = marks.find("s")
    if first < 0:
        weak = marks.find("w")
        cut = weak if weak >= 0 else len(lines)
        pairs = list(zip(lines[:cut], marks[:cut], strict=True))
        newest = [ln for ln, m in pairs if m != "q"]
        quoted = [ln for ln, m in pairs if m == "q"] + lines[cut:]
        return _result(newest, quoted)
    # A reply written below the quote: splitter, quoted lines, then only text.
    tail = re.fullmatch(r"s+[qe]*q[qe]*([te]*t[te]*)", marks[first:])
    if tail:
        end = first + tail.start(1)
        return _result(lines[:first] + lines[end:], lines[first:end])
    return _result(lines[:first], lines[first:])


def split_signature(text: str) -> tuple[str, str]:
    """Split the newest message into (body, signature): "-- " delimiter or a mobile sign-off."""
    lines = text.split("\n")
    start = max(0, len(lines) - 15)
    for i in range(len(lines) - 1, start - 1, -1):
        if _RE_SIG_DASHES.match(lines[i]) or _RE_MOBILE_SIG.match(lines[i]):
            return "\n".join(lines[:i]).strip(), "\n".join(lines[i:]).strip()
    return text.strip(), ""


def _result(newest: list[str], quoted: list[str]) -> ReplySplit:
    def clean(part: list[str]) -> str:
        kept = [ln for ln in part if ln not in (STRONG_MARK, WEAK_MARK)]
        return "\n".join(kept).strip("\n").strip()

    return ReplySplit(clean(newest), clean(quoted))


def _mark_lines(lines: list[str]) -> str:
    marks = [_mark(ln) for ln in lines]
    n = len(lines)
    for i in range(n):
        if marks[i] != "t":
            continue
        line = lines[i][:_MAX_LINE]
        if _RE_ORIGINAL.search(line) or _is_attribution(line) or _is_header_block(i, lines):
            marks[i] = "s"
        elif _RE_ATTR_START.match(line):
            # "On <date>, Somebody <" + "x@y.z>" + "wrote:" spread over up to three lines.
            joined = line
            for j in range(i + 1, min(i + 3, n)):
                if not lines[j].strip():
                    break
                joined += " " + lines[j][:_MAX_LINE].strip()
                if _is_attribution(joined):
                    for k in range(i, j + 1):
                        marks[k] = "s"
                    break
    # An attribution line (ending with ":") right before a quote: "02.04.2012 X <a@b> 写道：".
    for i in range(n):
        if marks[i] not in "qw" or (i > 0 and marks[i - 1] in "qw"):
            continue
        j = i - 1
        while j >= 0 and marks[j] == "e" and i - j <= 2:
            j -= 1
        if j < 0 or marks[j] != "t":
            continue
        candidate = lines[j].strip()
        if candidate.endswith((":", "：")) and _looks_like_attribution(candidate):
            marks[j] = "s"
            if j > 0 and marks[j - 1] == "t" and lines[j - 1].strip().endswith(("<", ",", '"')):
                marks[j - 1] = "s"
    return "".join(marks)


def _mark(line: str) -> str:
    if line == STRONG_MARK:
        return "s"
    if line == WEAK_MARK:
        return "w"
    stripped = line.strip()
    if not stripped:
        return "e"
    if stripped.startswith(">") and not stripped.startswith(">>> >>>"):
        return "q"
    return "t"


def _looks_like_attribution(text: str) -> bool:
    return len(text) <= 300 and (
        "@" in text or bool(re.search(r"\d", text)) or bool(_RE_ATTRIBUTION.search(text))
    )


def _is_attribution(line: str) -> bool:
    if len(line) > 300:
        return False
    if _RE_ATTRIBUTION.search(line) and _looks_like_attribution(line):
        # "X wrote:" needs a date/address or a known opener ("On", "Le", "在"...) to count.
        return bool(_RE_ATTR_START.match(line) or "@" in line or re.search(r"\d", line))
    # "Am <date> schrieb X <x@y>:", "2024年3月1日 山田 <y@x.jp>:": opener ... ending with ":".
    return bool(
        line.rstrip().endswith((":", "："))
        and _RE_ATTR_START.match(line)
        and (_RE_WROTE_ANYWHERE.search(line) or ("@" in line and re.search(r"\d", line)))
    )


def _is_header_block(i: int, lines: list[str]) -> bool:
    """ "From: ..." or "Date: ..." followed within a few lines by another header line."""
    line = lines[i][:_MAX_LINE]
    if not (_RE_FROM_LINE.match(line) or _RE_DATE_LINE.match(line)):
        return False
    return any(
        _RE_HEADER_LINE.match(lines[j][:_MAX_LINE]) for j in range(i + 1, min(i + 6, len(lines)))
    )
