#!/usr/bin/env python3
"""FileCheck lines from torch-onnx-opt output of one onnx function.

  torch-onnx-opt case.mlir --torch-refine-types \
      --convert-torch-to-onnx=opset=17 | utils/onnx_check_lines.py

Prints CHECK-LABEL/CHECK-SAME for the arguments (X, A1, A2, ...), then one
CHECK per initializer (C<n>, with its value) and per op whose result is used
(R<n>, operands by their captured names), and the return. Ops that nothing
uses are left out, and so are the types of intermediate values, so that the
lines check the lowering and the refined result types, not incidental IR.
Read the lines before committing them: they state what the output is, and
a test is only right if that output is.
"""
import re
import sys


def main():
    text = sys.stdin.read()
    text = re.sub(r" \{onnx\.names = \[[^\]]*\]\}", "", text)
    text = re.sub(r", onnx\.names = \[[^\]]*\]", "", text)
    text = re.sub(r"onnx\.names = \[[^\]]*\], ", "", text)
    ret = re.search(r"return (.*) : ", text)
    returned = set(re.findall(r"%(\d+)", ret.group(1))) if ret else set()
    names = {}

    def ref(m):
        n = m.group(1)
        if n.startswith("arg"):
            return "%[[" + ("X" if n == "arg0" else "A" + n[3:]) + "]]"
        return "%[[" + names[n] + "]]" if n in names else "%{{.*}}"

    out = ["// CHECK-LABEL: func.func @main_graph("]
    sig = re.search(r"func\.func @main_graph\(([^)]*)\)", text)
    for idx, ty in re.findall(r"%arg(\d+): ([^,)]*)", sig.group(1)):
        name = "X" if idx == "0" else "A" + idx
        out.append("// CHECK-SAME: %%[[%s:[^:]*]]: %s" % (name, ty))
    for line in text.split("\n"):
        line = line.strip()
        m = re.match(r'%(_torch_onnx_const_\d+) = onnx\.Initializer "[^"]*"'
                     r" = (.*)", line)
        if m:
            key = "C" + m.group(1).split("_")[-1]
            names[m.group(1)] = key
            value = m.group(2).replace("[[", "{{\\[\\[}}")
            out.append("// CHECK: %%[[%s:.*]] = onnx.Initializer {{.*}} = %s"
                       % (key, value))
            continue
        m = re.match(r"%(\d+)((?::\d+)?) = (onnx\.\w+)(.*)", line)
        if m:
            num, multi, op, body = m.groups()
            if len(re.findall(r"%%%s\b" % num, text)) < 2:
                continue  # unused
            if num not in returned:
                body = re.sub(r" : [^:]*$", "", body)
            body = re.sub(r"%(\w+)", ref, body)
            names[num] = "R" + num
            out.append("// CHECK: %%[[R%s:.*]]%s = %s%s" % (num, multi, op,
                                                          body))
            continue
        m = re.match(r"return (.*) : ", line)
        if m:
            out.append("// CHECK: return " + re.sub(r"%(\w+)", ref,
                                                    m.group(1)))
    print("\n".join(out))


if __name__ == "__main__":
    main()
