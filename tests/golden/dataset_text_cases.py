"""Cases shared by gen_dataset_text.py (run on MindSpore 2.7.1) and tests/test_dataset_text.py (lightspore).

Each case is (name, expression). The expression is evaluated with ``text``, ``ds``, ``ms``, ``np`` and the
objects of ``scope()`` in scope; its value (arrays, tuples of arrays, dicts, Python values) or its exception
is recorded by ``encode``. ``make_files(root)`` writes the small IMDB / PennTreebank / IWSLT trees the reader
cases read (the same bytes on both sides).
"""
import importlib
import os

import numpy as np


def make_files(root):
    imdb = os.path.join(root, "imdb")
    for usage in ("train", "test"):
        for lab in ("pos", "neg"):
            d = os.path.join(imdb, usage, lab)
            os.makedirs(d, exist_ok=True)
            for k in (2, 10, 1):
                with open(os.path.join(d, f"{k}_{k % 10}.txt"), "w", encoding="utf-8") as f:
                    f.write(f" {usage} {lab} review {k}.<br />Second  line é\n")
    ptb = os.path.join(root, "ptb")
    os.makedirs(ptb, exist_ok=True)
    for usage in ("train", "test", "valid"):
        with open(os.path.join(ptb, f"ptb.{usage}.txt"), "w", encoding="utf-8") as f:
            f.write(f" {usage} one <unk> \n {usage} two N\n\n {usage} three\n")
    d = os.path.join(root, "iwslt2016", "texts", "de", "en", "de-en")
    os.makedirs(d, exist_ok=True)
    for lang in ("de", "en"):
        with open(os.path.join(d, f"train.tags.de-en.{lang}"), "w", encoding="utf-8") as f:
            f.write(f"<url>http://x</url>\n<keywords>k</keywords>\n{lang} train a\n  {lang} train b  \n"
                    f"<talkid>1</talkid>\n{lang} train c\n")
        for s in ("dev2010", "tst2010", "tst2011", "tst2012", "tst2013", "tst2014"):
            with open(os.path.join(d, f"IWSLT16.TED.{s}.de-en.{lang}.xml"), "w", encoding="utf-8") as f:
                f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<mteval>\n<srcset setid="x" srclang="{lang}">\n'
                        f'<doc docid="1" genre="lectures">\n<url>u</url>\n<description>d</description>\n'
                        f'<seg id="1"> {lang} {s} one </seg>\n<seg id="2">{lang} {s} two &amp; more</seg>\n'
                        f'</doc>\n</srcset>\n</mteval>\n')
    d = os.path.join(root, "iwslt2017", "texts", "DeEnItNlRo", "DeEnItNlRo", "DeEnItNlRo-DeEnItNlRo")
    os.makedirs(d, exist_ok=True)
    for lang in ("de", "en"):
        with open(os.path.join(d, f"train.tags.de-en.{lang}"), "w", encoding="utf-8") as f:
            f.write(f"<url>http://x</url>\n{lang} t17 a\n{lang} t17 b\n")
        for s in ("dev2010", "tst2010"):
            with open(os.path.join(d, f"IWSLT17.TED.{s}.de-en.{lang}.xml"), "w", encoding="utf-8") as f:
                f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<mteval>\n<srcset setid="x" srclang="{lang}">\n'
                        f'<doc docid="1">\n<seg id="1">{lang} {s} x</seg>\n</doc>\n</srcset>\n</mteval>\n')
    with open(os.path.join(root, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("a,1\nb,2\n c\nd\n\nb\n")
    vec = os.path.join(root, "vec")
    os.makedirs(vec, exist_ok=True)
    files = {"ft.vec": "3 4\nthe 0.1 0.2 0.3 0.4\nHello 1 2 3 4\n, -0.5 0.5 -1e-3 7\n",
             "glove.6B.3d.txt": "the 0.1 0.2 0.3\nhello 1 2 3\nworld 4 5 6\n",
             "bad.txt": "the 0.1 0.2 0.3\nhello 1 2 3\nbad 1 2\n",
             "charNgram.txt": "1gram-a 0.5 0.5\n2gram-ab 1 1\n3gram-abc 2 2\n2gram-#BEGIN#x 3 3\n"}
    for name, content in files.items():
        with open(os.path.join(vec, name), "w", encoding="utf-8") as f:
            f.write(content)


def scope(text, ds, ms, root):
    """The names the expressions use, built with the given modules (reference or lightspore)."""
    def rows(dataset):
        out = [dataset.get_col_names(), dataset.get_dataset_size()]
        for row in dataset.create_tuple_iterator(output_numpy=True, num_epochs=1):
            out.append([encode(x) for x in row])
        return out

    def tokenized():
        data = ds.NumpySlicesDataset({"t": [" b a c a", "b d"], "u": ["x a", "e e e e"]}, shuffle=False)
        return data.map(text.WhitespaceTokenizer(), input_columns="t").map(text.WhitespaceTokenizer(),
                                                                             input_columns="u")

    def mod(path):
        """A dataset submodule by its path under mindspore.dataset (or lightspore.dataset)."""
        return importlib.import_module(ds.__name__ + path)

    def callback_events(step_size, epochs, rows=5):
        """The DSCallback hook calls of a map over ``rows`` rows, per hook kind (their interleaving is the
        engine's)."""
        events = {}
        base = mod(".callback").DSCallback

        class CB(base):
            def _log(self, kind, c):
                events.setdefault(kind, []).append([c.cur_epoch_num, c.cur_step_num_in_epoch, c.cur_step_num])

            def ds_begin(self, c):
                self._log("begin", c)

            def ds_epoch_begin(self, c):
                self._log("epoch_begin", c)

            def ds_epoch_end(self, c):
                self._log("epoch_end", c)

            def ds_step_begin(self, c):
                self._log("step_begin", c)

            def ds_step_end(self, c):
                self._log("step_end", c)
        d = ds.NumpySlicesDataset({"a": list(range(rows))}, shuffle=False).map(lambda x: x * 2, input_columns="a",
                                                                               callbacks=[CB(step_size)])
        it = d.create_tuple_iterator(num_epochs=epochs, output_numpy=True)
        values = [[int(r[0]) for r in it] for _ in range(epochs)]
        import time
        time.sleep(0.3)   # the reference's epoch_end hook runs on its pipeline thread
        return {"values": values, "events": events}

    vocab = text.Vocab.from_list(["home", "the", "world", "a"], ["<pad>", "<unk>"], True)
    wp_vocab = text.Vocab.from_list(["hel", "##lo", "world", "##s", "[UNK]", "un", "##aff", "##able", "hi", ",",
                                     "[CLS]"])
    return {"text": text, "ds": ds, "ms": ms, "np": np, "ROOT": root, "rows": rows, "tokenized": tokenized, "mod": mod,
            "callback_events": callback_events,
            "VOCAB": vocab, "WPV": wp_vocab}


CASES = [
    # vocabularies
    ("vocab_list", "VOCAB.vocab()"),
    ("vocab_list_last", "text.Vocab.from_list(['b', 'a'], ['<pad>'], False).vocab()"),
    ("vocab_list_dup", "text.Vocab.from_list(['b', 'b'])"),
    ("vocab_list_type", "text.Vocab.from_list('ab')"),
    ("vocab_list_special_dup", "text.Vocab.from_list(['a'], ['a'])"),
    ("vocab_dict", "text.Vocab.from_dict({'a': 3, 'b': 0}).vocab()"),
    ("vocab_dict_neg", "text.Vocab.from_dict({'a': -1})"),
    ("vocab_t2i", "VOCAB.tokens_to_ids(['home', 'zz'])"),
    ("vocab_t2i_one", "VOCAB.tokens_to_ids('home')"),
    ("vocab_t2i_np", "VOCAB.tokens_to_ids(np.array(['world', 'a']))"),
    ("vocab_t2i_bad", "VOCAB.tokens_to_ids(1)"),
    ("vocab_i2t", "VOCAB.ids_to_tokens([0, 2, 99])"),
    ("vocab_i2t_one", "VOCAB.ids_to_tokens(2)"),
    ("vocab_i2t_neg", "VOCAB.ids_to_tokens([-1])"),
    ("vocab_unbuilt", "text.Vocab().vocab()"),
    ("vocab_dataset", "text.Vocab.from_dataset(tokenized(), None, None, None, ['<p>'], True).vocab()"),
    ("vocab_dataset_range_topk", "text.Vocab.from_dataset(tokenized(), ['t'], (1, 2), 2, None, False).vocab()"),
    ("vocab_dataset_col_str", "text.Vocab.from_dataset(tokenized(), 't', None, None, ['<p>'], False).vocab()"),
    ("vocab_dataset_bad_range", "text.Vocab.from_dataset(tokenized(), None, (3, 1))"),
    ("vocab_dataset_bad_topk", "text.Vocab.from_dataset(tokenized(), None, None, 0)"),
    ("vocab_file", "text.Vocab.from_file(ROOT + '/vocab.txt').vocab()"),
    ("vocab_file_delim_size", "text.Vocab.from_file(ROOT + '/vocab.txt', ',', 2, ['<s>'], True).vocab()"),
    ("vocab_file_dup", "text.Vocab.from_file(ROOT + '/vocab.txt', ',')"),
    # Lookup
    ("lookup", "text.Lookup(VOCAB, '<unk>')(np.array(['home', 'zz', 'the']))"),
    ("lookup_scalar", "text.Lookup(VOCAB, '<unk>')('home')"),
    ("lookup_2d_int64", "text.Lookup(VOCAB, '<unk>', ms.int64)(np.array([['home', 'zz'], ['a', 'the']]))"),
    ("lookup_float", "text.Lookup(VOCAB, '<unk>', ms.float32)(np.array(['home']))"),
    ("lookup_bool", "text.Lookup(VOCAB, '<unk>', ms.bool_)(np.array(['home', '<pad>']))"),
    ("lookup_bytes", "text.Lookup(VOCAB)(np.array([b'world']))"),
    ("lookup_no_unk", "text.Lookup(VOCAB)(np.array(['zz']))"),
    ("lookup_bad_unk", "text.Lookup(VOCAB, 'qq')(np.array(['zz']))"),
    ("lookup_not_vocab", "text.Lookup({'a': 1})"),
    ("lookup_int_input", "text.Lookup(VOCAB, '<unk>')(np.array([1, 2]))"),
    ("lookup_dtype_str", "text.Lookup(VOCAB, '<unk>', 'int32')"),
    # sequence shaping
    ("addtoken", "text.AddToken('TOK', True)(np.array(['a', 'b']))"),
    ("addtoken_end", "text.AddToken('TOK', False)(np.array(['a', 'b']))"),
    ("addtoken_2d", "text.AddToken('TOK')(np.array([['a', 'b'], ['c', 'd']]))"),
    ("addtoken_scalar", "text.AddToken('TOK')('a')"),
    ("addtoken_int", "text.AddToken('x')(np.array([1, 2]))"),
    ("addtoken_bad", "text.AddToken(1)"),
    ("truncate", "text.Truncate(2)(np.array(['a', 'b', 'c']))"),
    ("truncate_int", "text.Truncate(2)(np.array([1, 2, 3]))"),
    ("truncate_2d", "text.Truncate(2)(np.array([[1, 2, 3], [4, 5, 6]]))"),
    ("truncate_zero", "text.Truncate(0)"),
    ("truncate_3d", "text.Truncate(2)(np.zeros((2, 2, 2)))"),
    ("truncate_pair", "text.TruncateSequencePair(4)(np.array([1, 2, 3]), np.array([4, 5, 6]))"),
    ("truncate_pair_str", "text.TruncateSequencePair(3)(np.array(['a', 'b', 'c']), np.array(['d']))"),
    ("truncate_pair_long", "text.TruncateSequencePair(9)(np.array([1, 2]), np.array([3]))"),
    ("sliding", "text.SlidingWindow(2, 0)(np.array([1, 2, 3, 4]))"),
    ("sliding_str", "text.SlidingWindow(3)(np.array(['a', 'b', 'c', 'd']))"),
    ("sliding_wide", "text.SlidingWindow(5)(np.array([1, 2, 3]))"),
    ("sliding_2d", "text.SlidingWindow(2, 1)(np.array([[1, 2, 3], [4, 5, 6]]))"),
    ("sliding_zero", "text.SlidingWindow(0)"),
    ("padend_str", "ds.transforms.PadEnd([4], '<pad>')(np.array(['a', 'b']))"),
    ("ngram", "text.Ngram([2, 3])(np.array(['a', 'b', 'c', 'd']))"),
    ("ngram_pad", "text.Ngram(2, ('_', 1), ('-', 1), '+')(np.array(['a', 'b', 'c']))"),
    ("ngram_short", "text.Ngram(3)(np.array(['a']))"),
    ("ngram_multi", "text.Ngram([1, 3])(np.array(['a', 'b']))"),
    ("ngram_bad_pad", "text.Ngram(2, ('a',))"),
    ("ngram_zero", "text.Ngram([0])"),
    # ToNumber
    ("tonumber_int32", "text.ToNumber(ms.int32)(np.array(['1', '-2', '30']))"),
    ("tonumber_float32", "text.ToNumber(ms.float32)(np.array(['1.5', '-2e3', '0.1']))"),
    ("tonumber_float64", "text.ToNumber(ms.float64)(np.array([['0.1', '7']]))"),
    ("tonumber_int8_prefix", "text.ToNumber(ms.int8)(np.array([' 12', '1.5']))"),
    ("tonumber_int64_max", "text.ToNumber(ms.int64)(np.array(['9223372036854775807', '0x10']))"),
    ("tonumber_uint8_over", "text.ToNumber(ms.uint8)(np.array(['300']))"),
    ("tonumber_uint32_neg", "text.ToNumber(ms.uint32)(np.array(['-1']))"),
    ("tonumber_float16_over", "text.ToNumber(ms.float16)(np.array(['1.5', '70000']))"),
    ("tonumber_bad", "text.ToNumber(ms.int32)(np.array(['x']))"),
    ("tonumber_int_input", "text.ToNumber(ms.int32)(np.array([1]))"),
    ("tonumber_string_type", "text.ToNumber(ms.string)"),
    ("tonumber_bool_type", "text.ToNumber(ms.bool_)"),
    # tokenizers
    ("unicode_char", "text.UnicodeCharTokenizer()(np.array('héllo 世'))"),
    ("unicode_char_offsets", "text.UnicodeCharTokenizer(True)('héllo')"),
    ("unicode_char_empty", "text.UnicodeCharTokenizer()('')"),
    ("whitespace", "text.WhitespaceTokenizer()('  hello  world\\tfoo\\n')"),
    ("whitespace_offsets", "text.WhitespaceTokenizer(True)(' ab  cé d')"),
    ("whitespace_blank", "text.WhitespaceTokenizer()('   ')"),
    ("whitespace_2d", "text.WhitespaceTokenizer()(np.array(['a b', 'c']))"),
    ("regex_tokenizer", "text.RegexTokenizer(r'\\s+')('a b  c')"),
    ("regex_tokenizer_keep", "text.RegexTokenizer(r'\\s+', r'\\s+')('a b  c')"),
    ("regex_tokenizer_offsets", "text.RegexTokenizer(r'\\s+', '', True)('a bé  c')"),
    ("basic", "text.BasicTokenizer()('Hello, World! 你好 ÀB')"),
    ("basic_lower", "text.BasicTokenizer(lower_case=True)('Hello, World! 你好 ÀB')"),
    ("basic_offsets", "text.BasicTokenizer(with_offsets=True)('Hi, yo 你')"),
    ("basic_preserve", "text.BasicTokenizer()('[CLS] Hi [unused12] [MASK]x')"),
    ("basic_no_preserve", "text.BasicTokenizer(lower_case=True, preserve_unused_token=False)('[CLS] Hi')"),
    ("basic_keep_ws", "text.BasicTokenizer(keep_whitespace=True)('a  b\\tc')"),
    ("basic_nfkc", "text.BasicTokenizer(normalization_form=text.NormalizeForm.NFKC)('ﬁ x')"),
    ("wordpiece", "text.WordpieceTokenizer(WPV)(np.array(['hello', 'worlds', 'xyz', 'unaffable']))"),
    ("wordpiece_offsets", "text.WordpieceTokenizer(WPV, with_offsets=True)(np.array(['hello', 'xyz']))"),
    ("wordpiece_no_unk",
     "text.WordpieceTokenizer(text.Vocab.from_list(['a']), unknown_token='')(np.array(['ab', 'a']))"),
    ("wordpiece_max_bytes",
     "text.WordpieceTokenizer(text.Vocab.from_list(['a', '##a']), max_bytes_per_token=2)(np.array(['aaa', 'aa']))"),
    ("bert", "text.BertTokenizer(WPV)('Hello worlds, unaffable')"),
    ("bert_lower_offsets", "text.BertTokenizer(WPV, lower_case=True, with_offsets=True)('HELLO, Hi unaffable')"),
    # argument checks of the BERT-family tokenizers (several wrong arguments: the first the reference checks wins)
    ("tokenizer_arg_basic_form", "text.BasicTokenizer(normalization_form=1)"),
    ("tokenizer_arg_basic_ws", "text.BasicTokenizer(keep_whitespace=None)"),
    ("tokenizer_arg_basic_order", "text.BasicTokenizer(preserve_unused_token=1, with_offsets=1)"),
    ("tokenizer_arg_basic_offsets", "text.BasicTokenizer(with_offsets=1, normalization_form=1)"),
    ("tokenizer_arg_wp_none", "text.WordpieceTokenizer(None)"),
    ("tokenizer_arg_wp_vocab", "text.WordpieceTokenizer(1)"),
    ("tokenizer_arg_wp_suffix", "text.WordpieceTokenizer(WPV, suffix_indicator=1)"),
    ("tokenizer_arg_wp_max_str", "text.WordpieceTokenizer(WPV, max_bytes_per_token='a')"),
    ("tokenizer_arg_wp_max_neg", "text.WordpieceTokenizer(WPV, max_bytes_per_token=-1)"),
    ("tokenizer_arg_wp_max_big", "text.WordpieceTokenizer(WPV, max_bytes_per_token=5000000000)"),
    ("tokenizer_arg_wp_max_uint32", "text.WordpieceTokenizer(WPV, max_bytes_per_token=3000000000).max_bytes_per_token"),
    ("tokenizer_arg_wp_order", "text.WordpieceTokenizer(WPV, unknown_token=None, max_bytes_per_token=-1)"),
    ("tokenizer_arg_wp_offsets", "text.WordpieceTokenizer(WPV, with_offsets=1, max_bytes_per_token=-1)"),
    ("tokenizer_arg_bert_none", "text.BertTokenizer(None)"),
    ("tokenizer_arg_bert_vocab", "text.BertTokenizer(1)"),
    ("tokenizer_arg_bert_max_str", "text.BertTokenizer(WPV, max_bytes_per_token='a', unknown_token=1)"),
    ("tokenizer_arg_bert_max_neg", "text.BertTokenizer(WPV, max_bytes_per_token=-1, unknown_token=1)"),
    ("tokenizer_arg_bert_unknown", "text.BertTokenizer(WPV, unknown_token=1, lower_case=1)"),
    ("tokenizer_arg_bert_order", "text.BertTokenizer(WPV, keep_whitespace=1, lower_case=2)"),
    ("tokenizer_arg_bert_preserve", "text.BertTokenizer(WPV, preserve_unused_token=1, with_offsets=1)"),
    ("tokenizer_arg_bert_offsets", "text.BertTokenizer(WPV, with_offsets=1, normalization_form=1)"),
    ("tokenizer_arg_bert_form", "text.BertTokenizer(WPV, normalization_form=1)"),
    ("python_tokenizer", "text.PythonTokenizer(lambda s: s.split('-'))(np.array('a-b-c'))"),
    ("python_tokenizer_str", "text.PythonTokenizer(lambda s: s.split('-'))('a-b-c')"),
    # string transforms
    ("casefold", "text.CaseFold()(np.array(['HeLLo Straße', 'ΣΑ']))"),
    ("casefold_int", "text.CaseFold()(np.array([1]))"),
    ("normalize_nfkc", "text.NormalizeUTF8(text.NormalizeForm.NFKC)(np.array(['ﬁ①']))"),
    ("normalize_nfd", "text.NormalizeUTF8(text.NormalizeForm.NFD)(np.array('é'))"),
    ("regex_replace", "text.RegexReplace('a+', 'X')(np.array(['caaab aa']))"),
    ("regex_replace_first", "text.RegexReplace('a+', 'X', False)(np.array('caaab aa'))"),
    ("regex_replace_groups", "text.RegexReplace(r'(\\w)(\\d)', r'$2$1')(np.array(['a1 b2']))"),
    ("to_str", "text.to_str(np.array([b'a', b'bc']))"),
    ("to_bytes", "text.to_bytes(np.array(['a', 'bc']))"),
    ("to_str_bad", "text.to_str([b'a'])"),
    # readers
    ("imdb_all", "rows(ds.IMDBDataset(ROOT + '/imdb', shuffle=False))"),
    ("imdb_test", "rows(ds.IMDBDataset(ROOT + '/imdb', usage='test', shuffle=False))"),
    ("imdb_samples", "rows(ds.IMDBDataset(ROOT + '/imdb', usage='train', num_samples=2, shuffle=False))"),
    ("imdb_missing", "ds.IMDBDataset(ROOT + '/nope')"),
    ("imdb_usage", "ds.IMDBDataset(ROOT + '/imdb', usage='valid')"),
    ("ptb_all", "rows(ds.PennTreebankDataset(ROOT + '/ptb', shuffle=False))"),
    ("ptb_one_worker", "rows(ds.PennTreebankDataset(ROOT + '/ptb', shuffle=False, num_parallel_workers=1))"),
    ("ptb_valid", "rows(ds.PennTreebankDataset(ROOT + '/ptb', usage='valid', shuffle=False))"),
    ("iwslt16_all", "rows(ds.IWSLT2016Dataset(ROOT + '/iwslt2016', shuffle=False))"),
    ("iwslt16_one_worker", "rows(ds.IWSLT2016Dataset(ROOT + '/iwslt2016', shuffle=False, num_parallel_workers=1))"),
    ("iwslt16_valid", "rows(ds.IWSLT2016Dataset(ROOT + '/iwslt2016', usage='valid', valid_set='tst2010', "
                      "shuffle=False))"),
    ("iwslt16_train", "rows(ds.IWSLT2016Dataset(ROOT + '/iwslt2016', usage='train', shuffle=False))"),
    ("iwslt17_all", "rows(ds.IWSLT2017Dataset(ROOT + '/iwslt2017', shuffle=False))"),
    ("ptb_shuffle_int", "ds.PennTreebankDataset(ROOT + '/ptb', shuffle=1)"),
    ("ptb_shuffle_before_files", "ds.PennTreebankDataset(ROOT + '/imdb', shuffle=1)"),
    ("iwslt16_shuffle_before_files", "ds.IWSLT2016Dataset(ROOT + '/imdb', shuffle=1)"),
    ("ptb_shuffle_str", "ds.PennTreebankDataset(ROOT + '/ptb', shuffle='global')"),
    ("iwslt16_shuffle_int", "ds.IWSLT2016Dataset(ROOT + '/iwslt2016', shuffle=1)"),
    ("iwslt17_shuffle_int", "ds.IWSLT2017Dataset(ROOT + '/iwslt2017', shuffle=1)"),
    ("textfile_shuffle_int", "ds.TextFileDataset(ROOT + '/ptb/ptb.train.txt', shuffle=1)"),
    ("imdb_shuffle_int", "ds.IMDBDataset(ROOT + '/imdb', shuffle=1)"),
    ("iwslt17_test", "rows(ds.IWSLT2017Dataset(ROOT + '/iwslt2017', usage='test', shuffle=False))"),
    # the pre-2.0 keyword of map/batch is a TypeError in 2.7.1
    ("map_column_order", "ds.NumpySlicesDataset({'a': [1, 2]}, shuffle=False).map(lambda x: x, input_columns='a', "
                         "column_order=['a'])"),
    ("batch_column_order", "ds.NumpySlicesDataset({'a': [1, 2]}, shuffle=False).batch(1, column_order=['a'])"),
    ("map_unknown_keyword", "ds.NumpySlicesDataset({'a': [1, 2]}, shuffle=False).map(lambda x: x, foo=1)"),
    # mirror paths: the legacy transforms modules and the engine / core modules
    ("py_normalize_chw", "mod('.vision.py_transforms').Normalize([0.5, 0.4, 0.3], [0.2, 0.25, 0.5])"
                         "(np.arange(12, dtype=np.float32).reshape(3, 2, 2) / 12)"),
    ("py_totensor", "mod('.vision.py_transforms').ToTensor()(np.arange(12, dtype=np.uint8).reshape(2, 2, 3))"),
    ("py_hwc2chw", "mod('.vision.py_transforms').HWC2CHW()(np.arange(12, dtype=np.uint8).reshape(2, 2, 3))"),
    ("c_typecast", "mod('.transforms.c_transforms').TypeCast(ms.int16)(np.array([1.7, -2.2]))"),
    ("c_padend", "mod('.transforms.c_transforms').PadEnd([3], 0)(np.array([1, 2]))"),
    ("c_vision_resize", "mod('.vision.c_transforms').Resize((2, 3))(np.arange(48, dtype=np.uint8).reshape(4, 4, 3))"),
    ("py_compose", "mod('.transforms.py_transforms').Compose([lambda x: x + 1, lambda x: x * 2])(np.array([1, 2]))"),
    ("engine_names", "sorted(n for n in ['TakeDataset', 'MapDataset', 'BatchDataset', 'TextBaseDataset', "
                     "'GeneratorDataset', 'IMDBDataset', 'MindDataset', 'TFRecordDataset', 'DistributedSampler'] "
                     "if getattr(mod('.engine'), n) is getattr(ds, n))"),
    ("datatypes", "[str(mod('.core.datatypes').mstype_to_detype(t)) for t in (ms.int32, ms.float16, ms.string, "
                  "ms.bool_)] + [str(mod('.core.datatypes').nptype_to_detype(np.uint8))]"),
    ("datatypes_bad", "mod('.core.datatypes').mstype_to_detype('int32')"),
    # word vectors
    ("to_vectors", "text.ToVectors(text.Vectors.from_file(ROOT + '/vec/ft.vec'))(np.array(['the', 'hello', 'Hello', "
                   "'zz', ',']))"),
    ("to_vectors_lower_unk", "text.ToVectors(text.Vectors.from_file(ROOT + '/vec/ft.vec'), unk_init=[9, 9, 9, 9], "
                             "lower_case_backup=True)(np.array(['THE', 'zz']))"),
    ("to_vectors_scalar", "text.ToVectors(text.Vectors.from_file(ROOT + '/vec/ft.vec'))('the')"),
    ("to_vectors_max", "text.ToVectors(text.Vectors.from_file(ROOT + '/vec/ft.vec', max_vectors=1))"
                       "(np.array(['the', 'Hello']))"),
    ("to_vectors_2d", "text.ToVectors(text.Vectors.from_file(ROOT + '/vec/ft.vec'))(np.array([['the', 'zz']]))"),
    ("to_vectors_unk_len", "text.ToVectors(text.Vectors.from_file(ROOT + '/vec/ft.vec'), unk_init=[1.0])"
                           "(np.array(['zz']))"),
    ("glove", "text.ToVectors(text.GloVe.from_file(ROOT + '/vec/glove.6B.3d.txt'))(np.array(['world', 'x']))"),
    ("glove_bad_name", "text.GloVe.from_file(ROOT + '/vec/bad.txt')"),
    ("vectors_bad_dims", "text.ToVectors(text.Vectors.from_file(ROOT + '/vec/bad.txt'))(np.array(['the']))"),
    ("fasttext", "text.ToVectors(text.FastText.from_file(ROOT + '/vec/ft.vec'))(np.array(['Hello']))"),
    ("fasttext_bad_name", "text.FastText.from_file(ROOT + '/vec/glove.6B.3d.txt')"),
    ("charngram", "text.ToVectors(text.CharNGram.from_file(ROOT + '/vec/charNgram.txt'))"
                  "(np.array(['abc', 'a', 'zz', 'x', 'xab']))"),
    # dataset callbacks
    ("ds_callback_steps", "callback_events(2, 2)"),
    ("ds_callback_every_row", "callback_events(1, 1, 3)"),
    ("ds_callback_bad_step", "mod('.callback').DSCallback(0)"),
    ("ds_callback_not_callback", "ds.NumpySlicesDataset({'a': [1]}).map(lambda x: x, callbacks=[print])"),
    ("pipeline_lookup", "rows(ds.NumpySlicesDataset({'t': ['home a', 'the zz']}, shuffle=False)"
                        ".map(text.WhitespaceTokenizer(), 't').map(text.Lookup(VOCAB, '<unk>'), 't'))"),
]


def encode(value):
    """A JSON form of a case's value."""
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "S":
            vals = [v.decode("latin-1") for v in value.reshape(-1).tolist()]
            return {"dtype": str(value.dtype), "shape": list(value.shape), "bytes": vals}
        return {"dtype": str(value.dtype), "shape": list(value.shape), "values": value.tolist()}
    if isinstance(value, tuple):
        return {"tuple": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"dict": sorted([k, v] for k, v in value.items())}
    if isinstance(value, (list, int, str, float)) or value is None:
        return {"py": value}
    return {"object": type(value).__name__}


def encode_error(e):
    msg = str(e)
    i = msg.find("[ERROR] ")
    if i >= 0:
        msg = msg[i + 8:]
    return {"error": type(e).__name__, "msg": msg.split("\n")[0].strip()}
