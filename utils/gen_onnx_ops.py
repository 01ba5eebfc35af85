#!/usr/bin/python3
"""Generate the ODS definitions of the `onnx` dialect from ONNX's schema registry.

Run with Debian's interpreter (it has python3-onnx):

    /usr/bin/python3 utils/gen_onnx_ops.py \
        include/torch-onnx/Dialect/ONNX/IR/GeneratedONNXOps.td \
        lib/Dialect/ONNX/IR/GeneratedONNXOpTable.inc

One op is generated per distinct *signature* (inputs, outputs, attributes and
their defaults) in the
history of every `ai.onnx` operator up to opset 17.  The newest signature keeps the
plain operator name (`onnx.Squeeze`); an older signature that differs is named with
the version that introduced it (`onnx.SqueezeV1`).  A C++ table maps
(op_type, since_version) to the MLIR op name for the importer.
"""
import re
import sys

import onnx
from onnx import defs

MAX_OPSET = 17

ELT = {
    "float": "F32", "double": "F64", "float16": "F16", "bfloat16": "BF16",
    "int8": "I8", "int16": "I16", "int32": "I32", "int64": "I64",
    "uint8": "UI8", "uint16": "UI16", "uint32": "UI32", "uint64": "UI64",
    "bool": "I1", "string": "ONNX_StringType",
    "complex64": "Complex<F32>", "complex128": "Complex<F64>",
}

CPP_RESERVED = {
    "and", "or", "not", "xor", "case", "default", "new", "delete", "int", "float",
    "double", "bool", "char", "long", "short", "class", "struct", "union", "template",
    "this", "operator", "return", "if", "else", "for", "while", "do", "switch",
    "const", "static", "register", "auto", "true", "false", "mode", "type", "name",
    "operands", "results", "attributes", "properties", "context", "loc", "operation",
    "region", "regions", "body", "result", "operand", "value",
}


# Operators whose results are not a pure function of their inputs: they keep
# their default (unknown) side effects so CSE and DCE leave them alone.
IMPURE = {
    "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike",
    "Multinomial", "Bernoulli", "Dropout",
}

# Extra ODS flags of generated ops, by op (mnemonic); their C++ lives in
# lib/Dialect/ONNX/IR (ONNXFold.cpp: folders; ONNXCanonicalize.td: patterns).
# Folded are the ops whose value follows from constant inputs (or static
# shapes), in the signatures the exporters emit; the legacy-broadcast V1/V6
# arithmetic is left alone.
FOLDED = [
    "Abs", "Add", "And", "Cast", "Ceil", "Concat", "Constant", "ConstantV1",
    "ConstantV11", "ConstantOfShape", "Div", "Equal", "Floor", "Gather",
    "Greater", "GreaterOrEqual", "Identity", "Less", "LessOrEqual", "Max",
    "Min", "Mul", "Neg", "Not", "Or", "Range", "Reshape", "ReshapeV5",
    "Shape", "ShapeV1", "Size", "Slice", "SliceV1", "Sqrt", "Squeeze",
    "SqueezeV1", "Sub", "Transpose", "Unsqueeze", "UnsqueezeV1", "Where",
    "Xor",
]
CANONICALIZED = ["Neg", "Not", "Reshape", "ReshapeV5", "Transpose"]
EXTRA = {}
for _m in FOLDED:
    EXTRA.setdefault(_m, []).append("let hasFolder = 1;")
for _m in CANONICALIZED:
    EXTRA.setdefault(_m, []).append("let hasCanonicalizer = 1;")
# Extra traits, by op: the Constant signatures are constants to MLIR's folder.
EXTRA_TRAITS = {m: ["ConstantLike"] for m in ("Constant", "ConstantV1", "ConstantV11")}


def type_constraint(type_strs):
    """ODS constraint accepting every ONNX type string in `type_strs`."""
    tensors, seqs, opt_tensors, opt_seqs = [], [], [], []
    for t in sorted(type_strs):
        m = re.fullmatch(r"tensor\((\w+)\)", t)
        if m:
            tensors.append(ELT[m.group(1)]); continue
        m = re.fullmatch(r"seq\(tensor\((\w+)\)\)", t)
        if m:
            seqs.append(ELT[m.group(1)]); continue
        m = re.fullmatch(r"optional\(tensor\((\w+)\)\)", t)
        if m:
            opt_tensors.append(ELT[m.group(1)]); continue
        m = re.fullmatch(r"optional\(seq\(tensor\((\w+)\)\)\)", t)
        if m:
            opt_seqs.append(ELT[m.group(1)]); continue
        raise ValueError("unhandled ONNX type string " + t)
    parts = []
    if tensors:
        parts.append("ONNX_TensorOf<[%s]>" % ", ".join(tensors))
    if seqs:
        parts.append("ONNX_SeqOf<[%s]>" % ", ".join(seqs))
    if opt_tensors:
        parts.append("ONNX_OptOf<ONNX_TensorOf<[%s]>>" % ", ".join(opt_tensors))
    if opt_seqs:
        parts.append("ONNX_OptOf<ONNX_SeqOf<[%s]>>" % ", ".join(opt_seqs))
    parts.append("ONNX_AnyType")
    return "AnyTypeOf<[%s]>" % ", ".join(parts)


# Attributes whose ODS name differs from the ONNX name (C++ keywords, clashes).
RENAMES = []


def td_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def attr_decl(attr):
    """ODS attribute constraint with the schema's default, or None for graphs."""
    T = defs.OpSchema.AttrType
    t = attr.type
    base = {
        T.INT: "I64Attr", T.FLOAT: "F32Attr", T.STRING: "StrAttr",
        T.INTS: "I64ArrayAttr", T.FLOATS: "F32ArrayAttr", T.STRINGS: "StrArrayAttr",
        T.TENSOR: "ElementsAttr", T.SPARSE_TENSOR: "ONNX_SparseTensorAttr",
        T.TYPE_PROTO: "TypeAttr", T.TENSORS: "ArrayAttr",
    }.get(t)
    if t == T.GRAPH:
        return None
    if base is None:
        raise ValueError("unhandled attribute type %s" % t)
    if attr.required:
        return base
    d = attr.default_value
    has_default = d is not None and d.ByteSize() > 0 and d.type != 0
    if not has_default:
        return "OptionalAttr<%s>" % base
    if t == T.INT:
        val = str(d.i)
    elif t == T.FLOAT:
        val = repr(float(d.f))
        if "e" not in val and "." not in val:
            val += ".0"
    elif t == T.STRING:
        val = '"\\"%s\\""' % d.s.decode()
        return "DefaultValuedStrAttr<StrAttr, %s>" % td_string(d.s.decode())
    elif t == T.INTS:
        val = "{%s}" % ", ".join(str(v) for v in d.ints)
    elif t == T.FLOATS:
        val = "{%s}" % ", ".join(repr(float(v)) + "f" for v in d.floats)
    elif t == T.STRINGS:
        val = "{%s}" % ", ".join('"%s"' % v.decode() for v in d.strings)
    else:
        return "OptionalAttr<%s>" % base
    return "DefaultValuedAttr<%s, %s>" % (base, td_string(val))


def signature(s):
    return (
        tuple((p.name, int(p.option)) for p in s.inputs),
        tuple((p.name, int(p.option)) for p in s.outputs),
        # Defaults are part of the signature: an op whose default changed
        # (LogSoftmax axis 1 -> -1 at opset 13) must not share one ODS default.
        tuple(sorted((n, int(a.type), a.default_value.SerializeToString())
                     for n, a in s.attributes.items())),
    )


def sanitize_doc(doc):
    doc = doc.replace("[{", "[ {").replace("}]", "} ]")
    return "\n".join(line.rstrip() for line in doc.strip().splitlines())


class Names:
    """Unique ODS identifiers for operands, results, attributes and regions."""

    def __init__(self):
        self.used = set()

    def get(self, name):
        ident = re.sub(r"\W", "_", name)
        if ident[0].isdigit():
            ident = "_" + ident
        if ident.lower() in CPP_RESERVED:
            ident = ident + "_"
        # Accessors are get<Name>: names differing only in the first letter's
        # case would collide.
        while ident[0].upper() + ident[1:] in self.used:
            ident = ident + "_"
        self.used.add(ident[0].upper() + ident[1:])
        return ident


def gen_op(group, def_name, mnemonic, out):
    s = group[-1]  # newest schema of the group: its doc and attribute defaults
    versions = [g.since_version for g in group]
    names = Names()
    traits = []
    multi_in = sum(1 for p in s.inputs if int(p.option) != 0) > 1
    multi_out = sum(1 for p in s.outputs if int(p.option) != 0) > 1
    if s.name in IMPURE:
        pass
    elif any(a.type == defs.OpSchema.AttrType.GRAPH for a in s.attributes.values()):
        traits.append("RecursiveMemoryEffects")
    else:
        traits.append("Pure")
    if multi_in:
        traits.append("AttrSizedOperandSegments")
    if multi_out:
        traits.append("AttrSizedResultSegments")
    traits.extend(EXTRA_TRAITS.get(mnemonic, []))

    # Union of allowed types over the group's versions, per type variable.
    allowed = {}
    for g in group:
        for tc in g.type_constraints:
            allowed.setdefault(tc.type_param_str, set()).update(tc.allowed_type_strs)

    def param_type(p):
        if p.typeStr in allowed:
            return type_constraint(allowed[p.typeStr])
        return type_constraint([p.typeStr])

    args, results, regions = [], [], []
    var_uses = {}
    for params, decls, getter in ((s.inputs, args, "getODSOperands"),
                                  (s.outputs, results, "getODSResults")):
        for i, p in enumerate(params):
            c = param_type(p)
            opt = int(p.option)
            if opt == 1:
                c = "Optional<%s>" % c
            elif opt == 2:
                c = "Variadic<%s>" % c
            decls.append("%s:$%s" % (c, names.get(p.name)))
            if p.typeStr in allowed and (opt != 2 or p.isHomogeneous):
                var_uses.setdefault(p.typeStr, []).append("this->%s(%d)" % (getter, i))
    for an in sorted(s.attributes):
        a = s.attributes[an]
        d = attr_decl(a)
        n = names.get(an)
        if n != an:
            RENAMES.append('ONNX_ATTR_RENAME(%sOp, "%s", "%s")' % (mnemonic, an, n))
        if d is None:
            regions.append("SizedRegion<1>:$%s" % n)
        else:
            args.append("%s:$%s" % (d, n))

    for var, uses in sorted(var_uses.items()):
        if len(uses) < 2:
            continue
        traits.append(
            'PredOpTrait<"type constraint \'%s\' binds one element type to all its '
            'uses (ONNX %s-%d)", CPred<"::mlir::ONNX::detail::typeVarAgrees({%s})">>'
            % (var, s.name, s.since_version, ", ".join(uses)))

    out.append("// %s, since versions %s" % (s.name, ", ".join(map(str, versions))))
    kinds = lambda params: "".join("SOV"[int(p.option)] for p in params)
    out.append("def %s : ONNX_GeneratedOp<%s, %s, %d, %d, %s, %s, [%s]> {" % (
        def_name, td_string(mnemonic), td_string(s.name), versions[0], versions[-1],
        td_string(kinds(s.inputs)), td_string(kinds(s.outputs)),
        ",\n    ".join(traits)))
    out.append("  let summary = %s;" % td_string("ONNX %s operation (opset %s)" % (
        s.name, ", ".join(map(str, versions)))))
    link = "https://github.com/onnx/onnx/blob/v1.12.0/docs/Changelog.md#%s-%d" % (
        s.name, s.since_version)
    out.append("  let description = [{")
    out.append("ONNX operator `%s`, as specified by opset version%s %s (%s)." % (
        s.name, "s" if len(versions) > 1 else "", ", ".join(map(str, versions)), link))
    out.append("")
    out.append(sanitize_doc(s.doc or ""))
    out.append("  }];")
    out.append("  let arguments = (ins%s);" % ("".join("\n    " + a + "," for a in args).rstrip(",")))
    out.append("  let results = (outs%s);" % ("".join("\n    " + r + "," for r in results).rstrip(",")))
    if regions:
        out.append("  let regions = (region %s);" % ", ".join(regions))
    for extra in EXTRA.get(mnemonic, []):
        out.append("  " + extra)
    out.append("}")
    out.append("")


def main():
    td_path, table_path, lists_path = sys.argv[1], sys.argv[2], sys.argv[3]
    schemas = [s for s in defs.get_all_schemas_with_history()
               if s.domain == "" and s.since_version <= MAX_OPSET]
    by_name = {}
    for s in schemas:
        by_name.setdefault(s.name, []).append(s)

    out = [
        "//===- GeneratedONNXOps.td - ONNX ops from ONNX's schemas -*- tablegen -*-===//",
        "//",
        "// GENERATED FILE, DO NOT EDIT.",
        "// Generated by utils/gen_onnx_ops.py from the ONNX %s operator schema" % onnx.__version__,
        "// registry (domain ai.onnx, opsets 1..%d). Regenerate with:" % MAX_OPSET,
        "//   /usr/bin/python3 utils/gen_onnx_ops.py \\",
        "//     include/torch-onnx/Dialect/ONNX/IR/GeneratedONNXOps.td \\",
        "//     lib/Dialect/ONNX/IR/GeneratedONNXOpTable.inc \\",
        "//     include/torch-onnx/Dialect/ONNX/IR/GeneratedONNXOpLists.h.inc",
        "//",
        "//===----------------------------------------------------------------------===//",
        "",
        "#ifndef TORCH_ONNX_GENERATED_ONNX_OPS",
        "#define TORCH_ONNX_GENERATED_ONNX_OPS",
        "",
    ]
    table = [
        "// GENERATED FILE, DO NOT EDIT. Generated by utils/gen_onnx_ops.py.",
        "// ONNX_OP(op_type, since_version, MLIR op class)",
    ]
    lists = [
        "// GENERATED FILE, DO NOT EDIT. Generated by utils/gen_onnx_ops.py.",
        "// One type list per ONNX op_type: the op classes of its signatures,",
        "// oldest first (included by ONNXOpLists.h inside",
        "// mlir::ONNX::op_types).",
    ]
    count = 0
    for name in sorted(by_name):
        hist = sorted(by_name[name], key=lambda s: s.since_version)
        groups = []
        for s in hist:
            if groups and signature(groups[-1][-1]) == signature(s):
                groups[-1].append(s)
            else:
                groups.append([s])
        classes = []
        for gi, group in enumerate(groups):
            latest = gi == len(groups) - 1
            mnemonic = name if latest else "%sV%d" % (name, group[0].since_version)
            def_name = "ONNX_%sOp" % mnemonic
            gen_op(group, def_name, mnemonic, out)
            classes.append("%sOp" % mnemonic)
            count += 1
            for s in group:
                table.append('ONNX_OP("%s", %d, %s%sOp)' % (
                    name, s.since_version, "", mnemonic))
        lists.append("using %s = OpList<%s>;" % (name, ", ".join(classes)))
    table.append("// ONNX_ATTR_RENAME(MLIR op class, ONNX attribute name, ODS name)")
    table.extend(RENAMES)
    out.append("#endif // TORCH_ONNX_GENERATED_ONNX_OPS")
    out.append("")
    with open(td_path, "w") as f:
        f.write("\n".join(out))
    with open(table_path, "w") as f:
        f.write("\n".join(table) + "\n")
    with open(lists_path, "w") as f:
        f.write("\n".join(lists) + "\n")
    print("generated %d ops for %d operators" % (count, len(by_name)), file=sys.stderr)


if __name__ == "__main__":
    main()
