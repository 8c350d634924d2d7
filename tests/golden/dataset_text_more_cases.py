"""Cases of JiebaTokenizer, SentencePieceVocab / SentencePieceTokenizer, UnicodeScriptTokenizer and
FilterWikipediaXML, shared by gen_dataset_text.py (run on MindSpore 2.7.1) and tests/test_dataset_text.py, in the
form of dataset_text_cases.py. ``make_files(root)`` writes a user dictionary and a small corpus; the Jieba
dictionaries are the committed files under tests/golden/jieba/ (cppjieba's formats: ``word freq tag`` lines, and
the B/E/M/S HMM model, both cut from the tables of the ``jieba`` package to the characters of the sentences below;
'霜' and '杭' are left out of the HMM emissions on purpose)."""
import os
import random

import numpy as np

JIEBA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jieba")
SENTENCES = ["今天天气太好了我们一起去公园玩吧", "床前明月光，疑是地上霜。", "我爱北京天安门 and MindSpore 2.0.1版本",
             "南京市长江大桥", "小明硕士毕业于中国科学院计算所，后在日本京都大学深造", "他来到了网易杭研大厦",
             "工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作"]
WIKI = ("<page><title>Anarchism</title><text>'''Anarchism''' is a [[political philosophy|philosophy]] "
        "{{Anarchism sidebar}} of 1840 &amp; later.\n[[Image:A.jpg|thumb|left|200px|A caption]] See "
        "[http://example.org the site] and [[category:Politics|x]] [[fr:Anarchisme]] &lt;b&gt; R2-D2's "
        "Élan</text></page>")


def make_files(root):
    with open(os.path.join(root, "user_dict.txt"), "w", encoding="utf-8") as f:
        f.write("江大桥 20000\n天安门广场\n  \n北京天安 3\nbad line here\n")
    rng = random.Random(0)
    words = ("the quick brown fox jumps over lazy dog deep learning framework mindspore tensor graph kernel "
             "operator data pipeline text audio vision model train evaluate predict sentence piece unigram "
             "token").split()
    # Zipf-like word frequencies: the unigram trainer's piece scores then have no near-ties (the reference's build
    # of the sentencepiece library shifts every score by about 5e-4, which would reorder near-tied pieces)
    weights = [1.0 / (k + 1) for k in range(len(words))]
    lines = [" ".join(rng.choices(words, weights, k=rng.randint(4, 12))) for _ in range(300)]
    with open(os.path.join(root, "corpus.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.makedirs(os.path.join(root, "spm"), exist_ok=True)


def scope(text, ds, ms, root):
    hmm, mp = os.path.join(JIEBA, "hmm_model.utf8"), os.path.join(JIEBA, "jieba.dict.utf8")
    corpus = os.path.join(root, "corpus.txt")

    def jieba(mode=None, with_offsets=False, words=(), user_dict=None):
        op = text.JiebaTokenizer(hmm, mp, mode if mode is not None else text.JiebaMode.MIX, with_offsets)
        for w in words:
            op.add_word(*w)
        if user_dict is not None:
            op.add_dict(user_dict)
        return op

    def each(op, sentences=SENTENCES):
        return tuple(x for s in sentences for x in (lambda r: r if isinstance(r, tuple) else (r,))(op(np.array(s))))

    def spm(model_type, size, out=None):
        vocab = text.SentencePieceVocab.from_file([corpus], size, 0.9995, model_type, {})
        return text.SentencePieceTokenizer(vocab, out if out is not None else text.SPieceTokenizerOutType.STRING)

    def spm_saved(name):
        vocab = text.SentencePieceVocab.from_file([corpus], 50, 1.0, text.SentencePieceModel.BPE, {})
        text.SentencePieceVocab.save_model(vocab, os.path.join(root, "spm"), name)
        path = os.path.join(root, "spm", name)
        op = text.SentencePieceTokenizer(path, text.SPieceTokenizerOutType.INT)
        return oct(os.stat(path).st_mode & 0o777), op(np.array("deep learning with mindspore"))

    def spm_dataset(cols, model_type):
        with open(corpus, encoding="utf-8") as f:
            lines = f.read().split("\n")[:-1]
        data = ds.NumpySlicesDataset({"text": lines, "other": lines[::-1]}, shuffle=False)
        vocab = text.SentencePieceVocab.from_dataset(data, cols, 40, 0.9995, model_type, {})
        return text.SentencePieceTokenizer(vocab, text.SPieceTokenizerOutType.STRING)(
            np.array("the lazy dog trains a tensor"))

    def failure(fn):
        """The error type and the library's own words (after the source location, which names the build)."""
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - the error is the value
            return type(e).__name__, str(e).split("] ")[-1].split("\n")[0]
        return None

    return {"text": text, "ds": ds, "ms": ms, "np": np, "ROOT": root, "HMM": hmm, "MP": mp, "jieba": jieba,
            "failure": failure,
            "each": each, "SENT": SENTENCES, "spm": spm, "spm_saved": spm_saved, "spm_dataset": spm_dataset,
            "CORPUS": corpus, "WIKI": WIKI}


CASES = [
    # Jieba: cppjieba's MP, HMM and mixed segmentation over the committed dictionaries
    ("jieba_mix", "each(jieba())"),
    ("jieba_mp", "each(jieba(text.JiebaMode.MP))"),
    ("jieba_hmm", "each(jieba(text.JiebaMode.HMM))"),
    ("jieba_offsets", "each(jieba(with_offsets=True))"),
    ("jieba_mp_offsets", "each(jieba(text.JiebaMode.MP, True), SENT[2:4])"),
    ("jieba_empty", "jieba(with_offsets=True)(np.array(''))"),
    ("jieba_spaces", "jieba()(np.array('  天气 ， 好。。'))"),
    ("jieba_add_word", "each(jieba(words=[('江大桥', 20000), ('公园玩', None)]), SENT[::3])"),
    ("jieba_add_word_mp", "each(jieba(text.JiebaMode.MP, words=[('京都大', 1)], with_offsets=True), SENT[4:5])"),
    ("jieba_add_dict", "each(jieba(user_dict={'天安门广场': 5, '市长': 1000000}), SENT[2:4])"),
    ("jieba_add_dict_file", "each(jieba(user_dict=ROOT + '/user_dict.txt'), SENT[2:4])"),
    ("jieba_add_dict_bad", "jieba(user_dict=['a'])"),
    ("jieba_add_word_neg", "jieba(words=[('a', -1)])"),
    ("jieba_bad_path", "text.JiebaTokenizer(HMM, ROOT + '/missing.utf8')"),
    ("jieba_bad_mode", "text.JiebaTokenizer(HMM, MP, 'MIX')"),
    ("jieba_no_hmm", "text.JiebaTokenizer(None, MP)"),
    ("jieba_not_scalar", "jieba()(np.array(['天气', '好']))"),
    # SentencePiece (trained by the sentencepiece library with the reference's options)
    ("spm_unigram", "spm(text.SentencePieceModel.UNIGRAM, 50)(np.array('the quick mindspore tensor jumps'))"),
    ("spm_unigram_ids", "spm(text.SentencePieceModel.UNIGRAM, 50, text.SPieceTokenizerOutType.INT)"
                        "(np.array('the quick mindspore tensor jumps'))"),
    ("spm_bpe", "spm(text.SentencePieceModel.BPE, 60)(np.array('learning a deep graph pipeline'))"),
    ("spm_char", "spm(text.SentencePieceModel.CHAR, 30, text.SPieceTokenizerOutType.INT)(np.array('audio model'))"),
    ("spm_word", "spm(text.SentencePieceModel.WORD, 25)(np.array('the lazy unknownword dog'))"),
    ("spm_too_big", "failure(lambda: spm(text.SentencePieceModel.WORD, 60))"),
    ("spm_params", "text.SentencePieceTokenizer(text.SentencePieceVocab.from_file([CORPUS], 40, 0.9995, "
                   "text.SentencePieceModel.UNIGRAM, {'max_sentencepiece_length': 3, 'vocab_size': 10}), "
                   "text.SPieceTokenizerOutType.STRING)(np.array('deep learning framework'))"),
    ("spm_params_str", "text.SentencePieceTokenizer(text.SentencePieceVocab.from_file([CORPUS], 40, 0.9995, "
                       "text.SentencePieceModel.BPE, {'max_sentencepiece_length': '3', 'vocab_size': '10'}), "
                       "text.SPieceTokenizerOutType.STRING)(np.array('deep learning framework'))"),
    ("spm_saved", "spm_saved('m.model')"),
    ("spm_dataset", "spm_dataset(None, text.SentencePieceModel.BPE)"),
    ("spm_dataset_col", "spm_dataset(['other'], text.SentencePieceModel.UNIGRAM)"),
    ("spm_dataset_empty_cols", "spm_dataset([], text.SentencePieceModel.CHAR)"),
    ("spm_dataset_bad_col", "spm_dataset(['missing'], text.SentencePieceModel.CHAR)"),
    ("spm_not_scalar", "spm(text.SentencePieceModel.CHAR, 30)(np.array(['a b', 'c']))"),
    ("spm_bad_mode", "text.SentencePieceTokenizer(1, text.SPieceTokenizerOutType.INT)"),
    ("spm_bad_file_path", "text.SentencePieceVocab.from_file(CORPUS, 40, 0.9995, text.SentencePieceModel.BPE, {})"),
    ("spm_bad_coverage", "text.SentencePieceVocab.from_file([CORPUS], 40, 1, text.SentencePieceModel.BPE, {})"),
    # Unicode scripts
    ("script_basic", "text.UnicodeScriptTokenizer()(np.array('Hello 世界 123 abc'))"),
    ("script_offsets", "text.UnicodeScriptTokenizer(True, True)(np.array(' Hello,  World!\\t北京123abc Привет '))"),
    ("script_mixed", "text.UnicodeScriptTokenizer(with_offsets=True)(np.array('cafe\\u0301 مرحبا 😀😀 x1.5 ＡＢ'))"),
    ("script_keep_ws", "text.UnicodeScriptTokenizer(keep_whitespace=True)(np.array('a \\u3000 b\\u00a0c'))"),
    ("script_empty", "text.UnicodeScriptTokenizer(with_offsets=True)(np.array(''))"),
    ("script_only_space", "text.UnicodeScriptTokenizer()(np.array('   '))"),
    ("script_not_scalar", "text.UnicodeScriptTokenizer()(np.array(['a', 'b']))"),
    ("script_bad_arg", "text.UnicodeScriptTokenizer(keep_whitespace=1)"),
    # Wikipedia XML
    ("wiki", "text.FilterWikipediaXML()(np.array(WIKI))"),
    ("wiki_redirect", "text.FilterWikipediaXML()(np.array('#REDIRECT [[Other]]'))"),
    ("wiki_rows", "text.FilterWikipediaXML()(np.array(['Some Text 42', 'Second ONE']))"),
    ("wiki_plain", "text.FilterWikipediaXML()(np.array('  Hello,\\n\\n  World  {{tpl}} &nbsp;end  '))"),
    ("wiki_not_string", "text.FilterWikipediaXML()(np.array([1, 2]))"),
    # ICU replacement strings ($n groups, backslash escapes)
    ("regex_replace_escapes", "[text.RegexReplace(p, r)(np.array('abcab')).item() for p, r in [('a', '\\\\n'), "
                              "('(a)(b)', '$2$1'), ('b', '\\\\\\\\'), ('a', '$0-'), ('c', 'x\\\\$1'), "
                              "('(a)', '$10'), ('(b)|(z)', '[$2]')]]"),
]
