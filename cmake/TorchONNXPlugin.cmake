# torch_onnx_add_pass_plugin(name sources... [DEPENDS targets...])
#
# A pass plugin for `torch-onnx-opt --load-pass-plugin=lib<name>.so`: a module
# library compiled against torch-onnx's and MLIR's headers. MLIR's symbols
# come from libMLIR.so; torch-onnx's (dialects, interfaces) from the
# torch-onnx-opt that loads the plugin, which exports them. Used in tree
# (examples/pass-plugin) and from the installed package (TorchONNXConfig).
function(torch_onnx_add_pass_plugin name)
  cmake_parse_arguments(ARG "" "" "DEPENDS" ${ARGN})
  add_library(${name} MODULE ${ARG_UNPARSED_ARGUMENTS})
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
  target_include_directories(${name} SYSTEM PRIVATE
    ${MLIR_INCLUDE_DIRS} ${LLVM_INCLUDE_DIRS})
  target_include_directories(${name} PRIVATE
    ${TORCH_ONNX_INCLUDE_DIRS} ${CMAKE_CURRENT_BINARY_DIR})
  separate_arguments(_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
  target_compile_options(${name} PRIVATE ${_defs})
  set_target_properties(${name} PROPERTIES
    CXX_STANDARD 17
    CXX_STANDARD_REQUIRED ON
    PREFIX "lib"
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib)
  target_link_libraries(${name} PRIVATE MLIR)
endfunction()
