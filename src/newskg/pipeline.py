"""placeholder"""
def build_corpus(*a, **k):
    raise NotImplementedError
