#!/usr/bin/env python3
"""Mutation fuzzer for torch-onnx's input parsers (no libFuzzer-capable clang
is packaged for this toolchain, so the driver is ours).

Targets:
  onnx-import    torch-onnx-translate --import-onnx on mutated ONNX models
                 (byte-level: flips, truncation, splices; field-level through
                 the onnx package: hostile ints in dims and attributes,
                 dropped attributes and inputs, recursive functions, nested
                 subgraphs, external data with hostile offsets)
  torchscript    torch-onnx-export on mutated TorchScript archives (zip
                 records truncated, edited or swapped)
  run-inputs     torch-onnx-run on a small model with mutated .npy/.pb inputs
  pt2            torch-onnx-export on mutated torch.export archives (the
                 serialized program's JSON edited structurally: hostile
                 numbers, dropped keys, emptied or doubled lists, dangling
                 tensor names; zip records truncated, edited, swapped)

A run is a finding when the tool dies from a signal (a crash), runs past the
time limit (a hang), or fails and leaves its output file behind. Findings
are saved under --out with the tool's stderr; the summary table lists
executions and findings per target. Exit status 1 when anything was found.

  fuzz.py --bin build/bin --seconds 60 [--target onnx-import] [--seed 1]
  fuzz.py --bin build/bin --execs 60 --seconds 600 --seed 1   (reproducible)
"""
import argparse
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TESTDATA = "/usr/share/libonnx-testdata/data/node"
HOSTILE_INTS = [0, -1, -2, 1, 2**31 - 1, 2**31, 2**32, 2**62, 2**63 - 1,
                -2**63, 65536, 3]


def onnx_seeds(rng, n=60):
    seeds = []
    for d in ("examples", "test/Target/ONNX", "test/Native/Inputs/checks",
              "test/Target/ONNX/Inputs/bad"):
        p = os.path.join(ROOT, d)
        for f in sorted(os.listdir(p)) if os.path.isdir(p) else []:
            if f.endswith((".onnx", ".onnxtxt")):
                seeds.append(os.path.join(p, f))
    if os.path.isdir(TESTDATA):
        dirs = sorted(os.listdir(TESTDATA))
        for d in rng.sample(dirs, min(n, len(dirs))):
            m = os.path.join(TESTDATA, d, "model.onnx")
            if os.path.exists(m):
                seeds.append(m)
    return [open(s, "rb").read() for s in seeds]


def byte_mutate(rng, data, others):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        k = rng.randrange(6)
        if not data:
            data = bytearray(rng.randbytes(rng.randint(1, 64)))
        elif k == 0:  # flip bits
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        elif k == 1:  # random bytes
            i = rng.randrange(len(data))
            data[i:i + 4] = rng.randbytes(4)
        elif k == 2:  # truncate
            del data[rng.randrange(len(data)):]
        elif k == 3:  # duplicate a slice
            i = rng.randrange(len(data))
            j = min(len(data), i + rng.randint(1, 64))
            data[i:i] = data[i:j]
        elif k == 4 and others:  # splice another seed
            o = rng.choice(others)
            if o:
                i = rng.randrange(len(data))
                j = rng.randrange(len(o))
                data[i:] = o[j:j + rng.randint(1, 256)]
        else:  # interesting varint
            i = rng.randrange(len(data))
            data[i:i + 1] = rng.choice([b"\xff\xff\xff\xff\x0f",
                                        b"\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01",
                                        b"\x00", b"\x7f"])
    return bytes(data)


def field_mutate(rng, data):
    """Structure-aware mutation through the onnx package (None if the seed
    does not parse)."""
    import onnx
    from onnx import helper
    m = onnx.ModelProto()
    try:
        if data.lstrip().startswith(b"<"):
            m = onnx.parser.parse_model(data.decode())
        else:
            m.ParseFromString(data)
    except Exception:
        return None
    g = m.graph
    k = rng.randrange(9)
    nodes = list(g.node)
    if k == 0 and nodes:  # hostile int attribute
        n = rng.choice(nodes)
        name = rng.choice(["strides", "dilations", "kernel_shape", "group",
                           "pads", "axis", "k", "num_scan_inputs", "to",
                           "batch_dims", "keepdims", "blocksize"])
        v = rng.choice(HOSTILE_INTS)
        for a in list(n.attribute):
            if a.name == name:
                n.attribute.remove(a)
        if name in ("strides", "dilations", "kernel_shape", "pads"):
            n.attribute.append(helper.make_attribute(name, [v] * rng.randint(1, 4)))
        else:
            n.attribute.append(helper.make_attribute(name, v))
    elif k == 1 and nodes:  # drop an attribute or an input
        n = rng.choice(nodes)
        if n.attribute and rng.random() < 0.5:
            del n.attribute[rng.randrange(len(n.attribute))]
        elif n.input:
            del n.input[rng.randrange(len(n.input))]
    elif k == 2 and g.initializer:  # hostile dims
        t = rng.choice(list(g.initializer))
        if t.dims:
            t.dims[rng.randrange(len(t.dims))] = rng.choice(HOSTILE_INTS)
        else:
            t.dims.append(rng.choice(HOSTILE_INTS))
    elif k == 3 and g.initializer:  # external data with hostile fields
        t = rng.choice(list(g.initializer))
        t.ClearField("raw_data")
        t.data_location = onnx.TensorProto.EXTERNAL
        del t.external_data[:]
        for key, val in (("location", rng.choice(["x.bin", "../x", "/dev/zero",
                                                  "a..b", "", "/etc/passwd"])),
                         ("offset", rng.choice(["0", "-1", "18446744073709551615",
                                                "1e3", "abc"])),
                         ("length", rng.choice(["4", "0", "9223372036854775807"]))):
            e = t.external_data.add()
            e.key, e.value = key, val
    elif k == 4:  # a recursive model-local function
        f = helper.make_function("local", "F", ["a"], ["b"],
                                 [helper.make_node("F", ["a"], ["b"], domain="local")],
                                 [helper.make_opsetid("", 17), helper.make_opsetid("local", 1)])
        m.functions.append(f)
        m.opset_import.append(helper.make_opsetid("local", 1))
        if g.input and g.output:
            g.node.append(helper.make_node("F", [g.input[0].name], ["fz"], domain="local"))
    elif k == 5 and nodes:  # wrong attribute type
        n = rng.choice(nodes)
        if n.attribute:
            a = rng.choice(list(n.attribute))
            name = a.name
            n.attribute.remove(a)
            n.attribute.append(helper.make_attribute(name, rng.choice([1.5, "s", [1, 2]])))
    elif k == 6:  # hostile opset
        for o in m.opset_import:
            if o.domain in ("", "ai.onnx"):
                o.version = rng.choice([0, -1, 18, 1000, 2**62, 1, 6])
    elif k == 7 and nodes:  # If / Loop / Scan with hostile bodies
        cond = helper.make_tensor_value_info("c", onnx.TensorProto.BOOL, [])
        body = helper.make_graph([], "empty", [], [])
        op = rng.choice(["If", "Loop", "Scan"])
        attrs = ({"then_branch": body} if op == "If" else {"body": body})
        if op == "Scan":
            attrs["num_scan_inputs"] = rng.choice([0, 1, 5, -1])
        g.node.append(helper.make_node(op, ["c"], ["o1"], **attrs))
        g.input.append(cond)
    else:  # node order shuffled, or a node duplicated
        if nodes:
            rng.shuffle(nodes)
            del g.node[:]
            g.node.extend(nodes + [rng.choice(nodes)])
    try:
        return m.SerializeToString()
    except Exception:
        return None


class Runner:
    def __init__(self, args, target):
        self.args, self.target = args, target
        self.execs = self.crashes = self.hangs = self.leftovers = 0
        self.attempts = 0  # every generated input, counted even if a rebuild skipped it
        self.signatures = set()
        self.out = os.path.join(args.out, target)
        os.makedirs(self.out, exist_ok=True)

    def run(self, cmd, inputs, outputs, cwd):
        self.attempts += 1
        self.execs += 1
        try:
            p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, timeout=self.args.timeout)
        except subprocess.TimeoutExpired:
            self.hangs += 1
            self.save("hang", inputs, b"timeout")
            return
        except OSError:  # the tool is being rebuilt: not a finding
            self.execs -= 1
            time.sleep(1)
            return
        err = p.stderr
        if p.returncode < 0 or b"Stack dump" in err or b"PLEASE submit" in err:
            sig = -p.returncode if p.returncode < 0 else 0
            name = signal.Signals(sig).name if sig else "crash-handler"
            first = err.strip().splitlines()[:1]
            key = (name, first[0][:80] if first else b"")
            self.crashes += 1
            if key not in self.signatures:
                self.signatures.add(key)
                self.save(name, inputs, err)
        elif p.returncode != 0:
            for o in outputs:
                if os.path.exists(o):
                    self.leftovers += 1
                    self.save("leftover", inputs, err)

    def save(self, kind, inputs, err):
        d = os.path.join(self.out, f"{kind}-{self.execs}")
        os.makedirs(d, exist_ok=True)
        for name, data in inputs.items():
            with open(os.path.join(d, name), "wb") as fh:
                fh.write(data)
        with open(os.path.join(d, "stderr.txt"), "wb") as fh:
            fh.write(err)

    def findings(self):
        return self.crashes + self.hangs + self.leftovers


def fuzz_onnx_import(args, rng, runner, more):
    seeds = [s for s in onnx_seeds(rng) if s]
    tool = os.path.join(args.bin, "torch-onnx-translate")
    with tempfile.TemporaryDirectory() as tmp:
        # Files external data may point at.
        with open(os.path.join(tmp, "x.bin"), "wb") as fh:
            fh.write(bytes(64))
        while more():
            seed = rng.choice(seeds)
            data = None
            if rng.random() < 0.5:
                data = field_mutate(rng, seed)
            if data is None:
                data = byte_mutate(rng, seed, seeds)
            text = data.lstrip().startswith(b"<")
            model = os.path.join(tmp, "m.onnxtxt" if text else "m.onnx")
            with open(model, "wb") as fh:
                fh.write(data)
            out = os.path.join(tmp, "out.mlir")
            if os.path.exists(out):
                os.unlink(out)
            runner.run([tool, "--import-onnx", model, "-o", out],
                       {os.path.basename(model): data}, [out], tmp)


def torchscript_seeds():
    d = os.path.join(ROOT, "test/Target/TorchScript/Inputs/torch113")
    return [open(os.path.join(d, f), "rb").read()
            for f in sorted(os.listdir(d)) if f.endswith(".pt")]


def zip_mutate(rng, data):
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        records = [(i, zin.read(i)) for i in zin.infolist()]
    except Exception:
        return None
    if not records:
        return None
    k = rng.randrange(4)
    idx = rng.randrange(len(records))
    info, body = records[idx]
    if k == 0:  # truncate a record (weights, pickles, code)
        body = body[:rng.randrange(len(body) + 1)]
    elif k == 1:  # edit bytes of a record
        body = byte_mutate(rng, body, [b for _, b in records])
    elif k == 2:  # swap two records' contents
        j = rng.randrange(len(records))
        body = records[j][1]
    else:  # drop a record
        records.pop(idx)
        idx = None
    if idx is not None:
        records[idx] = (info, body)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zout:
        for i, b in records:
            zout.writestr(i.filename, b)
    return buf.getvalue()


def fuzz_torchscript(args, rng, runner, more):
    seeds = torchscript_seeds()
    tool = os.path.join(args.bin, "torch-onnx-export")
    with tempfile.TemporaryDirectory() as tmp:
        while more():
            seed = rng.choice(seeds)
            data = zip_mutate(rng, seed) if rng.random() < 0.8 else None
            if data is None:
                data = byte_mutate(rng, seed, seeds)
            model = os.path.join(tmp, "m.pt")
            with open(model, "wb") as fh:
                fh.write(data)
            out = os.path.join(tmp, "out.onnx")
            if os.path.exists(out):
                os.unlink(out)
            runner.run([tool, model, "-o", out, "--input-shapes=[?,3,16,16]:f32"],
                       {"m.pt": data}, [out], tmp)


def pt2_seeds(tmp):
    """torch.export archives of the importer's test programs, made with the
    pinned torch (the archive format follows it)."""
    maker = os.path.join(ROOT, "test/Target/TorchExport/Inputs/make_pt2.py")
    seeds = []
    for kind in ("linear", "cond", "while", "scan", "sym"):
        path = os.path.join(tmp, f"seed_{kind}.pt2")
        subprocess.run([sys.executable, maker, kind, path], check=True,
                       capture_output=True)
        seeds.append(open(path, "rb").read())
    return seeds


def json_mutate(rng, text):
    """One structural edit of a JSON document: a value replaced by a hostile
    one, a key dropped, or a list emptied/duplicated."""
    try:
        doc = json.loads(text)
    except Exception:
        return None
    nodes = []

    def walk(v):
        if isinstance(v, dict):
            for k in v:
                nodes.append((v, k))
                walk(v[k])
        elif isinstance(v, list):
            for i in range(len(v)):
                nodes.append((v, i))
                walk(v[i])
    walk(doc)
    if not nodes:
        return None
    parent, key = rng.choice(nodes)
    k = rng.randrange(4)
    if k == 0 and isinstance(parent, dict):
        del parent[key]
    elif k == 1:
        parent[key] = rng.choice(HOSTILE_INTS + [None, "", "x", [], {}, 1e308,
                                                 "Infinity", True])
    elif k == 2 and isinstance(parent[key], list):
        parent[key] = [] if rng.random() < 0.5 else parent[key] * 2
    else:
        parent[key] = {"as_tensor": {"name": "nope"}}
    return json.dumps(doc).encode()


def pt2_mutate(rng, data):
    """A record of the archive edited: its JSON structurally, else bytes."""
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        records = [(i.filename, zin.read(i)) for i in zin.infolist()]
    except Exception:
        return None
    jsons = [i for i, (n, _) in enumerate(records) if n.endswith(".json")]
    if not jsons or rng.random() < 0.3:
        return zip_mutate(rng, data)
    idx = rng.choice(jsons)
    body = json_mutate(rng, records[idx][1])
    if body is None:
        return None
    records[idx] = (records[idx][0], body)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zout:
        for n, b in records:
            zout.writestr(n, b)
    return buf.getvalue()


def fuzz_pt2(args, rng, runner, more):
    tool = os.path.join(args.bin, "torch-onnx-export")
    with tempfile.TemporaryDirectory() as tmp:
        seeds = pt2_seeds(tmp)
        while more():
            seed = rng.choice(seeds)
            data = pt2_mutate(rng, seed) if rng.random() < 0.9 else None
            if data is None:
                data = byte_mutate(rng, seed, seeds)
            model = os.path.join(tmp, "m.pt2")
            with open(model, "wb") as fh:
                fh.write(data)
            out = os.path.join(tmp, "out.onnx")
            if os.path.exists(out):
                os.unlink(out)
            runner.run([tool, model, "-o", out], {"m.pt2": data}, [out], tmp)


def npy_bytes(shape, dtype="<f4", body=b""):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }" % (
        dtype, "".join(f"{d}, " for d in shape))
    header = header.ljust(118) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + body


def fuzz_run_inputs(args, rng, runner, more):
    tool = os.path.join(args.bin, "torch-onnx-run")
    model = os.path.join(ROOT, "examples/mlp.onnxtxt")
    with tempfile.TemporaryDirectory() as tmp:
        while more():
            if rng.random() < 0.5:
                shape = [rng.choice(HOSTILE_INTS + [4, 1, 2]) for _ in range(rng.randint(0, 20))]
                data = npy_bytes(shape, rng.choice(["<f4", "<f8", "<i8", "|b1", ">f4", "<c8"]),
                                 bytes(rng.randint(0, 64)))
            else:
                data = byte_mutate(rng, npy_bytes([2, 4], body=bytes(32)), [])
            path = os.path.join(tmp, "x.npy")
            with open(path, "wb") as fh:
                fh.write(data)
            outdir = os.path.join(tmp, "out")
            shutil.rmtree(outdir, ignore_errors=True)
            runner.run([tool, model, "--input-npy", path, "--output-dir", outdir],
                       {"x.npy": data}, [os.path.join(outdir, "output_0.pb")], tmp)


TARGETS = {"onnx-import": fuzz_onnx_import, "torchscript": fuzz_torchscript,
           "run-inputs": fuzz_run_inputs, "pt2": fuzz_pt2}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "build/bin"))
    ap.add_argument("--target", action="append", choices=sorted(TARGETS))
    ap.add_argument("--seconds", type=float, default=60,
                    help="time per target")
    ap.add_argument("--execs", type=int, default=None,
                    help="runs per target (reproducible: the same runs for a "
                         "seed on any machine); with --seconds, whichever "
                         "ends first")
    ap.add_argument("--timeout", type=float, default=20,
                    help="a run longer than this is a hang")
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--out", default=os.path.join(ROOT, "build/fuzz"))
    args = ap.parse_args()
    args.bin = os.path.abspath(args.bin)  # the runs' working folder is a temp dir
    for tool in ("torch-onnx-translate", "torch-onnx-export", "torch-onnx-run"):
        if not os.access(os.path.join(args.bin, tool), os.X_OK):
            sys.exit(f"fuzz.py: {tool} not found in {args.bin} (build first, or pass --bin)")
    total = 0
    rows = []
    for t in args.target or sorted(TARGETS):
        rng = random.Random(f"{args.seed}-{t}")
        runner = Runner(args, t)
        start = time.time()
        deadline = start + args.seconds

        def more():
            if args.execs is not None and runner.attempts >= args.execs:
                return False
            return time.time() < deadline

        TARGETS[t](args, rng, runner, more)
        secs = time.time() - start
        rows.append((t, runner.execs, secs, runner.crashes, len(runner.signatures),
                     runner.hangs, runner.leftovers))
        total += runner.findings()
    print(f"fuzz seed {args.seed}; findings under {args.out}")
    print(f"{'target':<14}{'execs':>8}{'seconds':>9}{'crashes':>9}{'distinct':>9}"
          f"{'hangs':>7}{'leftover outputs':>18}")
    for r in rows:
        print(f"{r[0]:<14}{r[1]:>8}{r[2]:>9.0f}{r[3]:>9}{r[4]:>9}{r[5]:>7}{r[6]:>18}")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
