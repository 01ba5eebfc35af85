# Thin wrappers over MLIR's CMake helpers (in the spirit of CIRCT's AddCIRCT).

# A library of this project; links libMLIR.so when MLIR_LINK_MLIR_DYLIB is on.
function(add_torch_onnx_library name)
  add_mlir_library(${name} ${ARGN})
endfunction()

# A dialect library (adds it to the TORCH_ONNX_DIALECT_LIBS global property).
function(add_torch_onnx_dialect_library name)
  set_property(GLOBAL APPEND PROPERTY TORCH_ONNX_DIALECT_LIBS ${name})
  add_mlir_library(${name} ${ARGN})
endfunction()

function(add_torch_onnx_tool name)
  add_llvm_executable(${name} ${ARGN})
  llvm_update_compile_flags(${name})
  set_target_properties(${name} PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
endfunction()

# A library that includes libtorch's headers (the TorchScript and torch.export
# importers): libtorch 2.x needs C++20 (concepts, <compare>) while the rest of
# the project stays C++17, and libtorch's C++ ABI and version
# (TORCH_ONNX_TORCH_CXX11_ABI / TORCH_ONNX_TORCH_VERSION, found in
# lib/Target/TorchScript). Set on the object library add_mlir_library compiles
# from as well: it does not see an interface library's definitions.
function(torch_onnx_use_libtorch name)
  foreach(_t obj.${name} ${name})
    if(TARGET ${_t})
      set_target_properties(${_t} PROPERTIES CXX_STANDARD 20)
      target_compile_definitions(${_t} PRIVATE
        _GLIBCXX_USE_CXX11_ABI=${TORCH_ONNX_TORCH_CXX11_ABI}
        TORCH_ONNX_LIBTORCH_VERSION="${TORCH_ONNX_TORCH_VERSION}")
    endif()
  endforeach()
endfunction()

include(TorchONNXPlugin)
