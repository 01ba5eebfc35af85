"""Runs each pass of a model's onnx-to-llvm lowering on its own.

  pass_alone.py TORCH-ONNX-RUN TORCH-ONNX-OPT MODEL [MODEL...]

For every pass the pipeline runs, the module it was given (as
--mlir-print-ir-before-all prints it, resources included) goes through
torch-onnx-opt with that pass alone, as a pipeline user would run it. A
pass that crashes or fails there assumes something of the passes around it
(typically a dialect it creates ops of but does not declare, loaded in the
pipeline by a later pass). Prints one line per failure and a summary per
model; exits non-zero when any pass failed."""
import os
import re
import subprocess
import sys
import tempfile


def main():
    run, opt, models = sys.argv[1], sys.argv[2], sys.argv[3:]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        ir_path = os.path.join(tmp, "input.mlir")
        for model in models:
            dump = subprocess.run(
                [run, model, "--compile-only", "--cache=false",
                 "--mlir-print-ir-before-all", "--mlir-print-ir-module-scope",
                 "--mlir-disable-threading"],
                capture_output=True, text=True)
            if dump.returncode != 0:
                print("%s: the pipeline itself failed:\n%s" %
                      (model, dump.stderr[-2000:]))
                failed += 1
                continue
            parts = re.split(r"^// -----// IR Dump Before \S+ \((\S+)\)[^\n]*\n",
                             dump.stderr, flags=re.M)
            passes = 0
            for arg, ir in zip(parts[1::2], parts[2::2]):
                passes += 1
                with open(ir_path, "w") as f:
                    f.write(ir)
                # Module passes as they are, function passes nested.
                for pipe in ["builtin.module(%s)" % arg,
                             "builtin.module(func.func(%s))" % arg]:
                    r = subprocess.run([opt, ir_path, "--pass-pipeline=" + pipe,
                                        "-o", os.devnull],
                                       capture_output=True, text=True)
                    if "did you intend to nest" not in r.stderr:
                        break
                if r.returncode != 0:
                    failed += 1
                    why = (r.stderr.strip().splitlines() or ["(no message)"])
                    print("%s: pass %d '%s' fails alone (exit %d): %s" %
                          (os.path.basename(model), passes, arg, r.returncode,
                           why[0][:300]))
            print("%s: %d passes run alone" % (os.path.basename(model), passes))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
