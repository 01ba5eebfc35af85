# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "TORCH_ONNX"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".onnxtxt", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py",
                   "export_api.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.torch_onnx_obj_root, "test")

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

config.substitutions.append(("%pyonnx", config.python_with_onnx))
config.substitutions.append(("%pyschemas", config.python_onnx_schemas))
config.substitutions.append(("%src_root", config.torch_onnx_src_root))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))

# torch-onnx-run's compile cache: in the build tree, not the user's home.
config.environment["TORCH_ONNX_CACHE_DIR"] = os.path.join(
    config.test_exec_root, "compile-cache")

tool_dirs = [config.torch_onnx_tools_dir, config.llvm_tools_dir]
tools = ["torch-onnx-opt", "torch-onnx-translate", "torch-onnx-export",
         "onnx-structural-diff", "torch-onnx-run", "torch-onnx-compile"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
config.substitutions.append(("%tools_dir", config.torch_onnx_tools_dir))
config.substitutions.append(("%obj_root", config.torch_onnx_obj_root))
config.substitutions.append(("%torch_onnx_lib_dir",
                             os.path.join(config.torch_onnx_obj_root, "lib")))

# The CUDA target needs a CUDA toolkit (libdevice; ptxas/fatbinary for
# cubin/fatbin), found where the compiler looks; a real driver (libcuda with
# a device) means tests may run kernels.
def _find_cuda_toolkit():
    for root in [os.environ.get(v) for v in ("CUDA_ROOT", "CUDA_HOME", "CUDA_PATH")] + ["/usr/local/cuda"]:
        if root and os.path.exists(os.path.join(root, "nvvm", "libdevice", "libdevice.10.bc")) \
                and os.access(os.path.join(root, "bin", "ptxas"), os.X_OK):
            return True
    return False
if _find_cuda_toolkit():
    config.available_features.add("cuda-toolkit")
def _have_cuda_device():
    import ctypes
    try:
        cuda = ctypes.CDLL("libcuda.so.1")
        count = ctypes.c_int(0)
        return cuda.cuInit(0) == 0 and \
            cuda.cuDeviceGetCount(ctypes.byref(count)) == 0 and count.value > 0
    except OSError:
        return False
if _have_cuda_device():
    config.available_features.add("cuda-driver")
