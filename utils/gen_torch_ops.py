#!/usr/bin/env python3
"""Generate ODS for the `torch` dialect's aten ops from PyTorch's registry.

Run with the project venv's interpreter (the pinned torch, utils/requirements.txt):

    ~/.cache/torch-onnx/venv/bin/python utils/gen_torch_ops.py \
        include/torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.td

Every overload of the operators in OPERATORS below is generated, except `.out`
variants (they write into a caller-provided tensor, which TorchScript models
do not use) and overloads whose argument types the dialect cannot express.
Each op records its schema string (argument names, types, defaults) and is
tagged `Torch_InPlace` when it writes its first argument (`Tensor(a!) self`),
`Torch_ValueSemantics` when it neither mutates nor aliases.
"""
import sys

import torch

# Operator families used by torchvision classification/segmentation models,
# nn.Transformer*/MultiheadAttention, RNN/LSTM/GRU, embeddings, normalizations,
# activations, elementwise math, comparisons, reductions, indexing, shape
# manipulation, and the list/scalar arithmetic of scripted code.
OPERATORS = """
abs acos acosh adaptive_avg_pool1d adaptive_avg_pool2d adaptive_avg_pool3d
adaptive_max_pool1d adaptive_max_pool2d add add_ addcdiv addcmul addmm alias
all any append arange argmax argmin as_strided asin asinh atan atan2 atanh
avg_pool1d avg_pool2d avg_pool3d baddbmm batch_norm bernoulli bitwise_and
bitwise_not bitwise_or bitwise_xor bmm broadcast_tensors broadcast_to cat ceil
celu chunk clamp clamp_ clamp_max clamp_min clip clone constant_pad_nd
contiguous conv1d conv2d conv3d conv_transpose1d conv_transpose2d
conv_transpose3d convolution copy copy_ cos cosh cross cumprod cumsum detach
dim div div_ dropout dropout_ einsum elu elu_ embedding embedding_bag empty
empty_like eq erf exp expand expand_as expm1 eye fill fill_ flatten flip floor
floor_divide floordiv fmod format frobenius_norm full full_like gather ge gelu
glu group_norm gru gru_cell gt hardshrink hardsigmoid hardswish hardswish_ hardtanh
hardtanh_ index index_put index_put_ index_select instance_norm is_floating_point
isinf isnan item layer_norm le leaky_relu leaky_relu_ len lerp linalg_norm
linalg_vector_norm linear linspace list log log10 log1p log2 log_softmax
logical_and logical_not logical_or logical_xor logsumexp lstm lstm_cell lt
masked_fill masked_fill_ masked_select matmul max max_pool1d max_pool2d
max_pool3d maximum mean min minimum mish mm mul mul_ multi_head_attention_forward
mv narrow ne neg new_empty new_full new_ones new_zeros nonzero norm numel ones
ones_like permute pixel_shuffle pixel_unshuffle pow prelu prod reciprocal
reflection_pad1d reflection_pad2d relu relu6 relu_ remainder repeat
repeat_interleave replication_pad1d replication_pad2d reshape rnn_relu rnn_tanh
roll round rsqrt rsub scalar_tensor scaled_dot_product_attention scatter
scatter_add select selu sigmoid sigmoid_ sign silu silu_ sin sinh size slice
softmax softplus sort split split_with_sizes sqrt square squeeze stack std sub
sub_ sum t tan tanh tanh_ tensor_split tile to topk transpose tril triu true_divide
type_as unbind unflatten unsqueeze upsample_bilinear2d upsample_nearest2d
var var_mean view view_as where zero_ zeros zeros_like _set_item __getitem__
__is__ __isnot__ __not__ __and__ __or__ __contains__ Int Float Bool ScalarImplicit
dtype device _convolution native_layer_norm _native_multi_head_attention
_transformer_encoder_layer_fwd feature_dropout alpha_dropout _shape_as_tensor
""".split()

# Types the dialect can express (schema type string -> ODS constraint).
BASE = {
    "Tensor": "Torch_AnyTensor",
    "int": "Torch_IntType",
    "float": "Torch_FloatType",
    "bool": "Torch_BoolType",
    "str": "Torch_StringType",
    "number": "Torch_ScalarType",
    "Device": "Torch_DeviceType",
    "Generator": "Torch_GeneratorType",
    "t": "AnyType",
    "t1": "AnyType",
    "t2": "AnyType",
    "Any": "AnyType",
    "ScalarType": "Torch_IntType",
    "Layout": "Torch_IntType",
    "MemoryFormat": "Torch_IntType",
}


def ods_type(t):
    s = str(t)
    if s in BASE:
        return BASE[s]
    if s.startswith("Optional[") and s.endswith("]"):
        inner = ods_type_str(s[len("Optional["):-1])
        return inner and "Torch_OptionalOf<%s>" % inner
    if s.startswith("List[") and s.endswith("]"):
        inner = ods_type_str(s[len("List["):-1])
        return inner and "Torch_ListType"
    if s.startswith("Tuple["):
        return "Torch_TupleType"
    return None


def ods_type_str(s):
    class T:  # noqa: D401 - tiny adapter so ods_type can take strings
        def __init__(self, s):
            self.s = s

        def __str__(self):
            return self.s
    return ods_type(T(s))


def cpp_ident(name):
    out = []
    up = True
    for ch in name:
        if ch in "._":
            if ch == "_" and not out:
                out.append("_")
            elif ch == "_":
                out.append("_")
            up = True
            continue
        out.append(ch.upper() if up else ch)
        up = False
    return "".join(out)


def td_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def arg_name(n, used):
    ident = n if n.isidentifier() else "arg"
    if ident in {"self", "other", "input", "result", "operands", "results", "type",
                 "name", "value", "values", "context", "loc", "operation", "region",
                 "output", "out", "attributes", "properties"}:
        ident = ident + "_"
    while ident in used or ident[0].upper() + ident[1:] in {u[0].upper() + u[1:] for u in used}:
        ident += "_"
    used.add(ident)
    return ident


def main():
    td_path = sys.argv[1]
    wanted = set(OPERATORS)
    schemas = []
    for s in torch._C._jit_get_all_schemas():
        if not s.name.startswith("aten::"):
            continue
        base = s.name[len("aten::"):]
        if base not in wanted:
            continue
        if "..." in str(s):  # varargs (aten::format) have no fixed arity
            continue
        if s.overload_name.endswith("out") or "out" in [a.name for a in s.arguments if a.alias_info and a.alias_info.is_write and a.kwarg_only]:
            continue
        schemas.append(s)
    schemas.sort(key=lambda s: (s.name, s.overload_name))

    out = [
        "//===- GeneratedTorchOps.td - aten ops from PyTorch's registry -*- tablegen -*-===//",
        "//",
        "// GENERATED FILE, DO NOT EDIT.",
        "// Generated by utils/gen_torch_ops.py from the operator registry of PyTorch",
        "// %s (torch._C._jit_get_all_schemas()). Regenerate with:" % torch.__version__.split("+")[0].split("a")[0],
        "//   ~/.cache/torch-onnx/venv/bin/python utils/gen_torch_ops.py \\",
        "//     include/torch-onnx/Dialect/Torch/IR/GeneratedTorchOps.td",
        "//",
        "//===----------------------------------------------------------------------===//",
        "",
        "#ifndef TORCH_ONNX_GENERATED_TORCH_OPS",
        "#define TORCH_ONNX_GENERATED_TORCH_OPS",
        "",
        "// A tablegen unit of its own (sharded op definitions, a header that only",
        "// the code using typed aten ops includes): the base classes and types.",
        "include \"torch-onnx/Dialect/Torch/IR/TorchBase.td\"",
        "include \"torch-onnx/Dialect/Torch/IR/TorchTypes.td\"",
        "",
    ]
    count = 0
    skipped = []
    seen = set()
    for s in schemas:
        base = s.name[len("aten::"):]
        mnemonic = "aten." + base + ("." + s.overload_name if s.overload_name else "")
        if mnemonic in seen:
            continue
        args, used = [], set()
        ok = True
        for a in s.arguments:
            t = ods_type(a.type)
            if t is None:
                ok = False
                break
            args.append("%s:$%s" % (t, arg_name(a.name, used)))
        results = []
        for i, r in enumerate(s.returns):
            t = ods_type(r.type)
            if t is None:
                ok = False
                break
            results.append("%s:$%s" % (t, arg_name(r.name or "result%d" % i, used)))
        if not ok:
            skipped.append(str(s))
            continue
        seen.add(mnemonic)
        first = s.arguments[0] if s.arguments else None
        aliases = any(a.alias_info for a in s.arguments) or any(r.alias_info for r in s.returns)
        traits = []
        # In-place on a tensor; list mutation (aten::append.t) is not tagged.
        if (first is not None and first.alias_info and first.alias_info.is_write
                and str(first.type) == "Tensor"):
            traits.append("Torch_InPlace")
        elif not aliases:
            traits.append("Torch_ValueSemantics")
        def_name = "Torch_Aten%s%sOp" % (cpp_ident(base), cpp_ident(s.overload_name))
        out.append("def %s : Torch_AtenOp<%s, [%s]> {" % (def_name, td_string(mnemonic), ", ".join(traits)))
        out.append("  let summary = %s;" % td_string("Generated op for `%s`" % str(s)))
        out.append("  let schema = %s;" % td_string(str(s)))
        out.append("  let cppSchema = %s;" % td_string(
            str(s).replace("\\", "\\\\").replace('"', '\\"')))
        out.append("  let arguments = (ins%s);" % "".join("\n    " + a + "," for a in args).rstrip(","))
        out.append("  let results = (outs%s);" % "".join("\n    " + r + "," for r in results).rstrip(","))
        out.append("}")
        out.append("")
        count += 1
    out.append("#endif // TORCH_ONNX_GENERATED_TORCH_OPS")
    out.append("")
    with open(td_path, "w") as f:
        f.write("\n".join(out))
    print("generated %d aten overloads (%d operators requested, %d overloads skipped for "
          "unsupported types)" % (count, len(wanted), len(skipped)), file=sys.stderr)


if __name__ == "__main__":
    main()
