"""The span tagger: BIO tags from character spans and back, a tiny head trained on toy features,
and the shipped head over the built encoder."""
import pytest

torch = pytest.importorskip("torch")

from models.train_tagger import tags_of, train_head  # noqa: E402
from service.extract.tagger import DIM, TAGS, decode, make_head  # noqa: E402

TEXT = "Phòng Tài nguyên và Môi trường chủ trì, báo cáo trước ngày 05/12/2026."


def _offsets(text: str) -> list[tuple[int, int]]:
    """Word offsets with the leading space, as the SentencePiece tokenizer gives them."""
    out, at = [], 0
    for word in text.split(" "):
        out.append((max(0, at - 1) if out else at, at + len(word)))
        at += len(word) + 1
    return out


def test_bio_tags_decode_back_to_the_spans():
    lead = (0, TEXT.index(" chủ"), "LEAD")
    due = (TEXT.index("trước"), len(TEXT) - 1, "DEADLINE")
    offsets = _offsets(TEXT[:-1])
    tags = tags_of(TEXT, [lead, due], offsets)
    assert [TAGS[t] for t in tags][:3] == ["B-LEAD", "I-LEAD", "I-LEAD"]
    probs = torch.nn.functional.one_hot(torch.tensor(tags), len(TAGS)).float()
    spans = decode(TEXT, probs, offsets)
    assert [(TEXT[s.start:s.end], s.label, s.score) for s in spans] == [
        ("Phòng Tài nguyên và Môi trường", "LEAD", 1.0), ("trước ngày 05/12/2026", "DEADLINE", 1.0)]


def _probs(rows: list[dict[str, float]]):
    """Token × TAGS probabilities from {tag: probability} rows (the rest spread evenly)."""
    out = []
    for row in rows:
        rest = (1.0 - sum(row.values())) / (len(TAGS) - len(row))
        out.append([row.get(t, rest) for t in TAGS])
    return torch.tensor(out)


def test_a_word_split_into_subwords_is_never_cut_in_two():
    text = "Thuế tỉnh phối hợp."
    offsets = [(0, 3), (3, 4), (4, 9), (9, 15), (15, 18)]       # "Thu" + "ế": one word, two pieces
    probs = _probs([{"B-SUPPORT": 0.9}, {"B-SUPPORT": 0.5, "I-SUPPORT": 0.3}, {"I-SUPPORT": 0.6},
                    {"O": 0.9}, {"O": 0.9}])
    spans = decode(text, probs, offsets)
    assert [(text[s.start:s.end], s.label) for s in spans] == [("Thuế tỉnh", "SUPPORT")]


def test_an_inside_tag_never_opens_a_span_on_its_own():
    text = "Giao các xã rà soát"
    offsets = _offsets(text)
    probs = _probs([{"O": 0.9}, {"O": 0.5, "I-LEAD": 0.4}, {"O": 0.4, "I-LEAD": 0.5}, {"O": 0.9}, {"O": 0.9}])
    assert decode(text, probs, offsets) == []            # the argmax alone would give "xã" as a lead


def test_a_tiny_head_learns_toy_features():
    gen = torch.Generator().manual_seed(0)
    lead_vec, other_vec = torch.randn(DIM, generator=gen), torch.randn(DIM, generator=gen)
    rows = []
    for _ in range(40):
        x = torch.stack([lead_vec, lead_vec, other_vec, other_vec, other_vec]) + 0.1 * torch.randn(5, DIM, generator=gen)
        y = torch.tensor([TAGS.index("B-LEAD"), TAGS.index("I-LEAD"), 0, 0, 0])
        rows.append((x, y, 1.0, "toy"))
    head = train_head(rows, epochs=30)
    with torch.inference_mode():
        guess = head(rows[0][0][None])[0].argmax(-1).tolist()
    assert [TAGS[g] for g in guess] == ["B-LEAD", "I-LEAD", "O", "O", "O"]


def test_head_shape():
    assert make_head()(torch.zeros(2, 7, DIM)).shape == (2, 7, len(TAGS))


def test_the_numpy_head_computes_what_the_torch_head_computes():
    from service.extract.tagger import NumpyHead

    torch.manual_seed(3)
    head = make_head().eval()
    with torch.no_grad():                      # a head whose standardisation is not the identity
        head.mean.uniform_(-0.5, 0.5)
        head.std.uniform_(0.5, 2.0)
    x = torch.randn(9, DIM)
    with torch.inference_mode():
        expected = head(x[None])[0].softmax(-1).numpy()
    ours = NumpyHead({k: v.numpy() for k, v in head.state_dict().items()}).probs(x.numpy())
    assert ours.shape == (9, len(TAGS)) and abs(ours - expected).max() < 1e-5


@pytest.mark.parametrize("value, threads", [("1", 1), ("2", 2), ("", 0), ("auto", 0)])
def test_the_encoder_keeps_to_the_threads_a_worker_is_given(monkeypatch, value, threads):
    ort = pytest.importorskip("onnxruntime")
    from service.models.encoder import _session_options

    monkeypatch.setenv("OMP_NUM_THREADS", value)
    assert _session_options(ort).intra_op_num_threads == threads      # 0: ONNX Runtime's own choice
