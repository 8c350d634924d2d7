"""The speech and music corpora readers: YesNo, LJSpeech, SpeechCommands, GTZAN, CMU Arctic, LibriTTS and
TED-LIUM.

Every reader gives ``waveform`` as float32 (channels, samples): the PCM samples divided by the largest positive
sample (16-bit: / 32767, as the reference reads wav files), and ``sample_rate`` as a scalar.
"""
import os
import wave

import numpy as np

from ._loaders_vision import _check_dir, _file_lines, _RecordSource
from ._pipeline import AudioBaseDataset
from .sources import _check_usage

__all__ = ["YesNoDataset", "LJSpeechDataset", "SpeechCommandsDataset", "GTZANDataset", "CMUArcticDataset",
           "LibriTTSDataset", "TedliumDataset"]

_SCALE = {1: 127.0, 2: 32767.0, 4: 2147483647.0}   # the reference divides by the largest positive sample


def _read_wav(path):
    """(waveform float32 (channels, frames), sample rate) of a PCM wav file."""
    try:
        with wave.open(path, "rb") as w:
            channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
            data = w.readframes(w.getnframes())
    except (OSError, EOFError, wave.Error) as e:
        raise RuntimeError(f"Invalid file, failed to read wav file: {path}: {e}") from None
    if width not in _SCALE:
        raise RuntimeError(f"Invalid file, {path} has {8 * width}-bit samples: 8, 16 or 32-bit PCM is supported.")
    if width == 1:
        samples = np.frombuffer(data, np.uint8).astype(np.float32) - 128.0
    else:
        samples = np.frombuffer(data, {2: "<i2", 4: "<i4"}[width]).astype(np.float64)
    wav = (samples / _SCALE[width]).astype(np.float32).reshape(-1, channels).T
    return np.ascontiguousarray(wav), rate


class _AudioSource(_RecordSource, AudioBaseDataset):
    def __init__(self, dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, cache):
        _check_dir(dataset_dir)
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, cache)
        self.dataset_dir = dataset_dir


class _AudioSplitSource(_AudioSource):
    """An audio corpus read by ``usage``, one of ``_usages``."""

    _usages = ()

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        usage = _check_usage(usage, list(self._usages))
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache)
        self.usage = usage


class YesNoDataset(_AudioSource):
    """YesNo: every ``*.wav`` of ``dataset_dir`` (in the folder's listing order, as the reference reads it):
    ``waveform``, ``sample_rate`` int32 and ``label`` int32 (the 0/1 words of the file name)."""

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None, sampler=None,
                 num_shards=None, shard_id=None, cache=None):
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache)

    _columns_ = ("waveform", "sample_rate", "label")

    def _records(self):
        return [f for f in os.listdir(self.dataset_dir) if f.endswith(".wav")]

    def _read(self, name):
        wav, rate = _read_wav(os.path.join(self.dataset_dir, name))
        try:
            label = [int(x) for x in name[:-4].split("_")]
        except ValueError:
            raise RuntimeError(f"Invalid file name, the YesNo file {name} should be 0/1 words joined by '_'.") from None
        return [wav, np.array(rate, np.int32), np.array(label, np.int32)]


class LJSpeechDataset(_AudioSource):
    """LJSpeech: the lines of ``metadata.csv`` (``id|transcription|normalized``) with ``wavs/{id}.wav``:
    ``waveform``, ``sample_rate`` int32, ``transcription``, ``normalized_transcription``."""

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None, sampler=None,
                 num_shards=None, shard_id=None, cache=None):
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache)

    _columns_ = ("waveform", "sample_rate", "transcription", "normalized_transcription")

    def _records(self):
        path = os.path.join(self.dataset_dir, "metadata.csv")
        recs = []
        for line in _file_lines(path, f"Invalid file, failed to open LJSpeech metadata file: {path}"):
            line = line.rstrip("\r\n")
            if not line:
                continue
            parts = line.split("|")
            if len(parts) < 3:
                raise RuntimeError(f"Invalid data, the line '{line}' of {path} should have 3 fields joined by "
                                   "'|'.")
            recs.append(parts[:3])
        return recs

    def _read(self, rec):
        wav, rate = _read_wav(os.path.join(self.dataset_dir, "wavs", rec[0] + ".wav"))
        return [wav, np.array(rate, np.int32), np.array(rec[1]), np.array(rec[2])]


class SpeechCommandsDataset(_AudioSplitSource):
    """Speech Commands: ``{label}/{speaker}_nohash_{n}.wav`` (``_background_noise_`` left out), split by
    ``testing_list.txt`` / ``validation_list.txt``: ``waveform``, ``sample_rate`` int32, ``label``,
    ``speaker_id``, ``utterance_number`` int32. The dataset size counts every file of the corpus whatever
    ``usage``, as the reference's does."""

    _usages = ("train", "test", "valid", "all")
    _total = None  # the corpus's file count, set when the records are listed

    _columns_ = ("waveform", "sample_rate", "label", "speaker_id", "utterance_number")

    def _list(self, name):
        path = os.path.join(self.dataset_dir, name)
        if not os.path.isfile(path):
            return set()
        with open(path, encoding="utf-8") as f:
            return {line.strip() for line in f if line.strip()}

    def _records(self):
        files = []
        for label in sorted(os.listdir(self.dataset_dir)):
            folder = os.path.join(self.dataset_dir, label)
            if label == "_background_noise_" or not os.path.isdir(folder):
                continue
            files.extend(f"{label}/{f}" for f in sorted(os.listdir(folder)) if f.endswith(".wav"))
        self._total = len(files)
        if self.usage == "all":
            return files
        test, valid = self._list("testing_list.txt"), self._list("validation_list.txt")
        if self.usage == "test":
            return [f for f in files if f in test]
        if self.usage == "valid":
            return [f for f in files if f in valid]
        return [f for f in files if f not in test and f not in valid]

    def _size(self):
        self._all()
        return len(self.sampler.indices(self._total, 0))

    def _read(self, rel):
        wav, rate = _read_wav(os.path.join(self.dataset_dir, rel))
        label, name = rel.split("/")
        parts = name[:-4].split("_nohash_")
        if len(parts) != 2 or not parts[1].isdigit():
            raise RuntimeError(f"Invalid file name, the Speech Commands file {rel} should be named "
                               "{speaker}_nohash_{number}.wav.")
        return [wav, np.array(rate, np.int32), np.array(label), np.array(parts[0]), np.array(int(parts[1]), np.int32)]


_GENRES = ("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock")


def _spans(text):
    """'29-49 73-97' -> the numbers of those inclusive spans."""
    out = []
    for part in text.split():
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


# the filtered GTZAN split the reference reads for usage train/valid/test (file numbers per genre, in _GENRES order)
_GTZAN_SPLIT = {
    "train": ["29-49 73-97", "30-33 43-48 50-67 80-99", "19-26 28-29 65-99",
              "5 15-20 22-37 39-45 47 49 53-54 56-57 59 61 70 73-74 89", "2-25 28-29 31-38 41-42 55-61 77-80",
              "0-1 11-24 41 47-72", "2-3 5 21 24 35 46-57 59-66 69 71-72 79-80 84 86 89-99",
              "2-9 11-12 16-20 23-29 31-36 38-42 44 46 49-50 80 97-99",
              "0-2 4 6 9 11-12 14-32 42-45 49-51 54-60 63 69", "0-9 16-26 57-70 91-99"],
    "valid": ["0-11 50-60", "0-10 68-76", "0-7 9-18 27 41-42 45 49", "0 2-4 6-14 46 48 52 67-68 72 75 90 95",
              "81-98", "2-10 25-32", "0-1 6-11 16-20 36-37 68 76-77 81-82", "10 53 55 58-62 81 83-86",
              "61-62 70 72 74 76-78 85 92-99", "38 49-56 71-85"],
    "test": ["12-28 61-72 98-99", "11-29 34-41 49 77-79", "30-40 43-44 46-48 50-51 53-64",
             "1 21 58 62-66 69 76-88 91-94 96-97 99", "0 26-27 30 40 43-45 51-54 62-75 99", "73-99",
             "12-15 22-23 25-33 38-39 67 70 73-75 78 83 85 87-88", "0-1 13-14 43 63-66 69-79 82 88-96",
             "34-40 46-48 52-53 64-68 71 79 82-84 87-90", "10-15 27-37 39-48 86-90"],
}


class GTZANDataset(_AudioSplitSource):
    """GTZAN: ``{genre}/{genre}.{nnnnn}.wav`` (22050 Hz) for the ten genres: ``waveform``, ``sample_rate``
    uint32, ``label`` (the genre); ``usage`` train/valid/test reads the filtered split of the corpus, ``all``
    every file."""

    _usages = ("train", "valid", "test", "all")

    _columns_ = ("waveform", "sample_rate", "label")

    def _records(self):
        if self.usage == "all":
            recs = []
            for g in _GENRES:
                folder = os.path.join(self.dataset_dir, g)
                if os.path.isdir(folder):
                    recs.extend((g, f) for f in sorted(os.listdir(folder)) if f.endswith(".wav"))
            return recs
        recs = []
        for g, spans in zip(_GENRES, _GTZAN_SPLIT[self.usage]):
            for n in _spans(spans):
                name = f"{g}.{n:05d}.wav"
                if os.path.isfile(os.path.join(self.dataset_dir, g, name)):
                    recs.append((g, name))
        return recs

    def _read(self, rec):
        path = os.path.join(self.dataset_dir, *rec)
        wav, rate = _read_wav(path)
        if rate != 22050:
            raise RuntimeError(f"Invalid file, sampling rate of GTZAN wav file must be 22050, file path: {path}")
        return [wav, np.array(rate, np.uint32), np.array(rec[0])]


_CMU_NAMES = ['aew', 'ahw', 'aup', 'awb', 'axb', 'bdl', 'clb', 'eey', 'fem', 'gka', 'jmk', 'ksp', 'ljm', 'lnh', 'rms',
              'rxr', 'slp', 'slt']


class CMUArcticDataset(_AudioSource):
    """CMU Arctic: the utterances of ``cmu_us_{name}_arctic/etc/txt.done.data`` (``( arctic_a0001 "text" )``)
    with ``wav/arctic_a0001.wav``: ``waveform``, ``sample_rate`` uint32, ``transcript``, ``utterance_id``
    (``a0001``)."""

    def __init__(self, dataset_dir, name=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        if name is not None:
            if not isinstance(name, str):
                raise TypeError(f"Argument name with value {name!r} is not of type [<class 'str'>], but got "
                                f"{type(name)}.")
            if name not in _CMU_NAMES:
                raise ValueError(f"Input name is not within the valid set of {_CMU_NAMES}.")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache)
        self.name = "aew" if name is None else name

    _columns_ = ("waveform", "sample_rate", "transcript", "utterance_id")

    def _folder(self):
        return os.path.join(self.dataset_dir, f"cmu_us_{self.name}_arctic")

    def _records(self):
        path = os.path.join(self._folder(), "etc", "txt.done.data")
        recs = []
        for line in _file_lines(path, f"Invalid file, failed to open CMUArctic transcript file: {path}"):
            line = line.strip()
            if not line:
                continue
            body = line.strip("()").strip()
            utt, _, text = body.partition(" ")
            recs.append((utt, text.strip().strip('"')))
        return recs

    def _read(self, rec):
        wav, rate = _read_wav(os.path.join(self._folder(), "wav", rec[0] + ".wav"))
        utt = rec[0].split("_", 1)[1] if "_" in rec[0] else rec[0]
        return [wav, np.array(rate, np.uint32), np.array(rec[1]), np.array(utt)]


_LIBRI_USAGES = ["dev-clean", "dev-other", "test-clean", "test-other", "train-clean-100", "train-clean-360",
                 "train-other-500"]


class LibriTTSDataset(_AudioSplitSource):
    """LibriTTS: ``{usage}/{speaker}/{chapter}/`` with ``{speaker}_{chapter}.trans.tsv`` (``utterance<TAB>original
    <TAB>normalized``) and the utterances' wav files: ``waveform``, ``sample_rate`` uint32, ``original_text``,
    ``normalized_text``, ``speaker_id``/``chapter_id`` uint32, ``utterance_id``."""

    _usages = (*_LIBRI_USAGES, "all")

    _columns_ = ("waveform", "sample_rate", "original_text", "normalized_text", "speaker_id", "chapter_id",
                 "utterance_id")

    def _records(self):
        recs = []
        for u in (_LIBRI_USAGES if self.usage == "all" else [self.usage]):
            root = os.path.join(self.dataset_dir, u)
            if not os.path.isdir(root):
                if self.usage == "all":
                    continue
                raise RuntimeError(f"Invalid path, failed to open dir: {root}, not exists or permission denied.")
            for spk in sorted(os.listdir(root)):
                for ch in sorted(os.listdir(os.path.join(root, spk))):
                    folder = os.path.join(root, spk, ch)
                    trans = os.path.join(folder, f"{spk}_{ch}.trans.tsv")
                    for line in _file_lines(trans, f"Invalid file, failed to open LibriTTS transcript file: {trans}"):
                        parts = line.rstrip("\r\n").split("\t")
                        if len(parts) >= 3:
                            recs.append((folder, parts[0], parts[1], parts[2]))
        return recs

    def _read(self, rec):
        folder, utt, original, normalized = rec
        wav, rate = _read_wav(os.path.join(folder, utt + ".wav"))
        spk, ch = utt.split("_")[:2]
        return [wav, np.array(rate, np.uint32), np.array(original), np.array(normalized), np.array(int(spk), np.uint32),
                np.array(int(ch), np.uint32), np.array(utt)]


def _read_sph(path):
    """(int16 samples, sample rate) of a NIST SPHERE file of 16-bit PCM."""
    with open(path, "rb") as f:
        data = f.read()
    if not data.startswith(b"NIST_1A"):
        raise RuntimeError(f"Invalid file, {path} is not a NIST SPHERE (.sph) file.")
    lines = data[:1024].split(b"\n")
    size = int(lines[1].strip() or 1024)
    fields = {}
    for line in data[:size].split(b"\n")[2:]:
        parts = line.split()
        if len(parts) == 3:
            fields[parts[0].decode()] = parts[2].decode()
    width = int(fields.get("sample_n_bytes", 2))
    if width != 2:
        raise RuntimeError(f"Invalid file, {path} has {8 * width}-bit samples: 16-bit PCM is supported.")
    order = "<i2" if fields.get("sample_byte_format", "01") == "01" else ">i2"
    return np.frombuffer(data[size:], order), int(fields.get("sample_rate", 16000))


class TedliumDataset(_AudioSource):
    """TED-LIUM releases 1-3: the segments of ``{usage}/stm/{talk}.stm`` (release 3: ``data/``) cut from
    ``sph/{talk}.sph``: ``waveform`` (the segment's samples / 32767), ``sample_rate`` int32, ``transcript``,
    ``talk_id``, ``speaker_id``, ``identifier``; rows go line by line across the talks (every talk's first
    segment, then every second one, ...), as the reference lists them."""

    def __init__(self, dataset_dir, release, usage=None, extensions=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        if not isinstance(release, str):
            raise TypeError(f"Argument release with value {release!r} is not of type [<class 'str'>], but got "
                            f"{type(release)}.")
        if release not in ("release1", "release2", "release3"):
            raise ValueError("Input release is not within the valid set of ['release1', 'release2', 'release3'].")
        usage = _check_usage(usage, ["all"] if release == "release3" else ["train", "test", "dev", "all"])
        if extensions is not None and not isinstance(extensions, str):
            raise TypeError(f"Argument extensions with value {extensions!r} is not of type [<class 'str'>], but got "
                            f"{type(extensions)}.")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache)
        self.release, self.usage = release, usage
        self.extensions = ".sph" if extensions is None else extensions

    _columns_ = ("waveform", "sample_rate", "transcript", "talk_id", "speaker_id", "identifier")

    def _records(self):
        if self.extensions != ".sph":
            raise RuntimeError(f"TedliumNode: extension {self.extensions} is not supported.")
        if self.release == "release3":
            folders = ["data"]
        else:
            folders = ["train", "dev", "test"] if self.usage == "all" else [self.usage]
        segments = []
        talk = 0
        for u in folders:
            stm_dir = os.path.join(self.dataset_dir, u, "stm")
            if not os.path.isdir(stm_dir):
                raise RuntimeError(f"Invalid file, failed to open folder: {stm_dir}")
            for name in sorted(f for f in os.listdir(stm_dir) if f.endswith(".stm")):
                with open(os.path.join(stm_dir, name), encoding="utf-8") as f:
                    lines = [line.split(" ", 6) for line in f.read().splitlines() if line.strip()]
                sph = os.path.join(self.dataset_dir, u, "sph", name[:-4] + self.extensions)
                for k, parts in enumerate(lines):
                    if len(parts) < 7:
                        raise RuntimeError(f"Invalid data, the line {k + 1} of {os.path.join(stm_dir, name)} should "
                                           "have 7 fields.")
                    segments.append((k, talk, sph, parts))
                talk += 1
        segments.sort(key=lambda s: (s[0], s[1]))
        return [s[2:] for s in segments]

    def _read(self, rec):
        path, parts = rec
        samples, rate = _read_sph(path)
        start, end = int(float(parts[3]) * rate), int(float(parts[4]) * rate)
        wav = (samples[start:end].astype(np.float64) / 32767.0).astype(np.float32).reshape(1, -1)
        return [wav, np.array(rate, np.int32), np.array(parts[6]), np.array(parts[0]), np.array(parts[2]),
                np.array(parts[5])]
