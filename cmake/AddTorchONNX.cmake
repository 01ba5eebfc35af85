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
