"""Chinese word segmentation as the reference's JiebaTokenizer does it: cppjieba's maximum-probability (MP)
segmentation over the user's dictionary file, its HMM segmentation (Viterbi over the BEMS states of the user's
model file) and their mix (MP, then HMM over each run of single characters).

The Python ``jieba`` package shares the dictionary format but not these rules (it weighs unknown characters
differently, groups letters and digits in MP mode, splits at other separators and breaks ties the other way), so
the rules are written here; the dictionary and model are always the user's files, as in the reference.
"""
import math

_SEPARATORS = frozenset(" \t\n\uff0c\u3002")     # cppjieba's pre-filter separators: space, tab, newline, '，', '。'
_MAX_WORD_LENGTH = 512
_MIN_DOUBLE = -3.14e100
_B, _E, _M, _S = range(4)


def _lines(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().split("\n")
    except (OSError, UnicodeDecodeError) as e:
        raise RuntimeError(f"JiebaTokenizer: cannot read the {what} file {path}: {e}") from None


class Dictionary:
    """cppjieba's dictionary: ``word freq tag`` lines; weight = log(freq / total)."""

    def __init__(self, path):
        words = {}
        for line in _lines(path, "MP dictionary"):
            if not line:
                continue
            parts = line.split(" ")
            if len(parts) != 3:
                raise RuntimeError(f"JiebaTokenizer: each line of the MP dictionary should be 'word freq tag', "
                                   f"but got: {line!r}.")
            words[parts[0]] = float(parts[1])
        self.freq_sum = sum(words.values())
        self.weights = {w: math.log(f / self.freq_sum) for w, f in words.items()}
        ordered = sorted(self.weights.values())
        self.min_weight = ordered[0] if ordered else 0.0
        self.user_default_weight = ordered[len(ordered) // 2] if ordered else 0.0   # the median weight
        self.max_len = max((len(w) for w in words), default=1)

    def add_word(self, word, freq):
        self.weights[word] = math.log(freq / self.freq_sum) if freq else self.user_default_weight
        self.max_len = max(self.max_len, len(word))

    def cut(self, text):
        """MP segmentation of ``text`` (no separators in it): a list of (start, end) character ranges."""
        n = len(text)
        limit = min(_MAX_WORD_LENGTH, self.max_len)
        best = [0.0] * (n + 1)
        choice = [1] * n
        for i in range(n - 1, -1, -1):
            top, top_len = None, 1
            for length in range(1, min(limit, n - i) + 1):
                weight = self.weights.get(text[i:i + length])
                if weight is None:
                    if length > 1:
                        continue
                    weight = self.min_weight
                val = weight + best[i + length]
                if top is None or val > top:
                    top, top_len = val, length
            best[i], choice[i] = top, top_len
        spans, i = [], 0
        while i < n:
            spans.append((i, i + choice[i]))
            i += choice[i]
        return spans


class HmmModel:
    """cppjieba's HMM model file: start, transition and B/E/M/S emission log-probabilities."""

    def __init__(self, path):
        lines = [ln.strip() for ln in _lines(path, "HMM model")]
        lines = [ln for ln in lines if ln and not ln.startswith("#")]
        if len(lines) < 9:
            raise RuntimeError(f"JiebaTokenizer: the HMM model file {path} should hold 9 lines of probabilities, "
                               f"but got {len(lines)}.")
        self.start = [float(v) for v in lines[0].split(" ")]
        self.trans = [[float(v) for v in ln.split(" ")] for ln in lines[1:5]]
        self.emit = []
        for ln in lines[5:9]:
            table = {}
            for item in ln.split(","):
                ch, _, prob = item.partition(":")
                table[ch] = float(prob)
            self.emit.append(table)

    def _viterbi(self, text):
        n = len(text)
        weight = [[self.start[y] + self.emit[y].get(text[0], _MIN_DOUBLE) for y in range(4)]]
        path = [[-1] * 4]
        for x in range(1, n):
            row, back = [], []
            for y in range(4):
                emit = self.emit[y].get(text[x], _MIN_DOUBLE)
                top, arg = _MIN_DOUBLE, _E
                for prev in range(4):
                    val = weight[-1][prev] + self.trans[prev][y] + emit
                    if val > top:
                        top, arg = val, prev
                row.append(top)
                back.append(arg)
            weight.append(row)
            path.append(back)
        state = _E if weight[-1][_E] >= weight[-1][_S] else _S
        status = [0] * n
        for x in range(n - 1, -1, -1):
            status[x] = state
            state = path[x][state]
        return status

    def _internal(self, text, base, spans):
        left = 0
        for i, state in enumerate(self._viterbi(text)):
            if state in (_E, _S):
                spans.append((base + left, base + i + 1))
                left = i + 1

    def cut(self, text, base=0, spans=None):
        """HMM segmentation of ``text`` (ASCII letter runs and numbers kept whole): (start, end) ranges from
        ``base``."""
        spans = [] if spans is None else spans
        left = right = 0
        n = len(text)
        while right < n:
            if ord(text[right]) < 0x80:
                if left != right:
                    self._internal(text[left:right], base + left, spans)
                left = right
                right = _ascii_run(text, left)
                spans.append((base + left, base + right))
                left = right
            else:
                right += 1
        if left != right:
            self._internal(text[left:right], base + left, spans)
        return spans


def _ascii_run(text, i):
    """End of the ASCII token at ``i``: letters then letters/digits, or digits then digits/dots, or one char."""
    n = len(text)
    ch = text[i]
    if ch.isascii() and ch.isalpha():
        j = i + 1
        while j < n and text[j].isascii() and text[j].isalnum():
            j += 1
        return j
    if "0" <= ch <= "9":
        j = i + 1
        while j < n and ("0" <= text[j] <= "9" or text[j] == "."):
            j += 1
        return j
    return i + 1


def _ranges(text):
    """cppjieba's pre-filter: the runs between separators, each separator a range of its own."""
    start = 0
    for i, ch in enumerate(text):
        if ch in _SEPARATORS:
            if i > start:
                yield start, i
            yield i, i + 1
            start = i + 1
    if start < len(text):
        yield start, len(text)


def segment(text, mode, dictionary, hmm):
    """(start, end) character ranges of the words of ``text``; ``mode`` is 'MP', 'HMM' or 'MIX'."""
    spans = []
    for lo, hi in _ranges(text):
        part = text[lo:hi]
        if mode == "HMM":
            hmm.cut(part, lo, spans)
            continue
        words = [(lo + a, lo + b) for a, b in dictionary.cut(part)]
        if mode == "MP":
            spans.extend(words)
            continue
        i = 0
        while i < len(words):
            if words[i][1] - words[i][0] > 1:
                spans.append(words[i])
                i += 1
                continue
            j = i
            while j < len(words) and words[j][1] - words[j][0] == 1:
                j += 1
            hmm.cut(text[words[i][0]:words[j - 1][1]], words[i][0], spans)
            i = j
    return spans
