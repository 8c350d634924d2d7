"""What tests/golden/gen_realcode.py (the reference) and tests/test_realcode.py (lightspore) both run: the
text transforms written the way mindnlp writes its own (a subclass that defines only ``parse()``, returning an
engine operation), built over either framework's classes. Imports neither framework."""


def parse_only_transforms(text_tensor_operation, cde, normalize_form, normalize_table):
    """``(Lookup, Basic)``: the two parse-only transforms, subclasses of the framework's TextTensorOperation."""

    class Lookup(text_tensor_operation):
        def __init__(self, vocab, unk, dtype):
            super().__init__()
            self.args = (vocab, unk, dtype)

        def parse(self):
            return cde.LookupOperation(*self.args)

    class Basic(text_tensor_operation):
        def __init__(self, lower_case):
            super().__init__()
            self.lower_case = lower_case

        def parse(self):
            return cde.BasicTokenizerOperation(self.lower_case, False, normalize_table.get(normalize_form.NFD),
                                               False, False)

    return Lookup, Basic


def arr(a):
    return {"dtype": str(a.dtype), "shape": list(a.shape), "value": a.tolist()}
