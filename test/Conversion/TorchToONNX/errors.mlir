// RUN: torch-onnx-opt %s --convert-torch-to-onnx=opset=11 --split-input-file -verify-diagnostics

func.func @forward(%a: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],f32> {
  %alpha = torch.constant.float 1.000000e+00
  // expected-error @+1 {{'aten.celu' cannot be exported to ONNX opset 11: it needs opset 12 or later (export with opset_version=12)}}
  %r = torch.aten.celu %a, %alpha : (!torch.vtensor<[2,3],f32>, !torch.float) -> !torch.vtensor<[2,3],f32>
  return %r : !torch.vtensor<[2,3],f32>
}

// -----

func.func @forward(%x: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> {
  // expected-error @+1 {{'aten.mystery' cannot be exported to ONNX opset 11: no lowering yet (operator_export_type=ONNX_FALLTHROUGH keeps it as a custom op)}}
  %r = torch.operator "aten::mystery"(%x) : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  return %r : !torch.vtensor<[2],f32>
}

// -----

func.func @forward(%x: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> {
  %p = torch.constant.float 5.000000e-01
  %true = torch.constant.bool true
  // expected-error @+1 {{cannot convert 'aten.dropout' to ONNX opset 11: dropout in training mode cannot be exported for inference; call model.eval() first}}
  %r = torch.aten.dropout %x, %p, %true : (!torch.vtensor<[2],f32>, !torch.float, !torch.bool) -> !torch.vtensor<[2],f32>
  return %r : !torch.vtensor<[2],f32>
}

// -----

func.func @forward(%x: !torch.vtensor<[2,3],unk>) -> !torch.vtensor {
  %one = torch.constant.int 1
  // expected-error @+1 {{cannot convert 'aten.add.Tensor' to ONNX opset 11: the result dtype is unknown}}
  %r = torch.aten.add.Tensor %x, %x, %one : (!torch.vtensor<[2,3],unk>, !torch.vtensor<[2,3],unk>, !torch.int) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

func.func @forward(%x: !torch.vtensor<[3],f32>, %c: !torch.bool) -> !torch.vtensor {
  %zero = torch.constant.int 0
  %l = torch.prim.ListConstruct %x : (!torch.vtensor<[3],f32>) -> !torch.list<vtensor<[3],f32>>
  %r = torch.prim.If %c -> (!torch.list<vtensor<[3],f32>>) {
    %a = torch.aten.append.t %l, %x : (!torch.list<vtensor<[3],f32>>, !torch.vtensor<[3],f32>) -> !torch.list<vtensor<[3],f32>>
    torch.prim.If.yield %a : !torch.list<vtensor<[3],f32>>
  } else {
    // expected-error @+1 {{a list that one branch of an if leaves unchanged is an ONNX sequence passed through Identity, which takes sequences from opset 14 (export with opset_version=14)}}
    torch.prim.If.yield %l : !torch.list<vtensor<[3],f32>>
  }
  %s = torch.aten.cat %r, %zero : (!torch.list<vtensor<[3],f32>>, !torch.int) -> !torch.vtensor
  return %s : !torch.vtensor
}

// -----

func.func @forward(%q: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor {
  %p = torch.constant.float 1.000000e-01
  %false = torch.constant.bool false
  %none = torch.constant.none
  // expected-error @+1 {{cannot convert 'aten.scaled_dot_product_attention' to ONNX opset 11: dropout_p must be 0 in an exported inference graph (put the model in eval mode)}}
  %r = torch.aten.scaled_dot_product_attention %q, %q, %q, %none, %p, %false, %none, %false : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2,3,4],f32>, !torch.none, !torch.float, !torch.bool, !torch.none, !torch.bool) -> !torch.vtensor
  return %r : !torch.vtensor
}

// -----

func.func @forward(%a: !torch.vtensor<[3],f32> {torch.name = "a"}) -> (!torch.vtensor, !torch.vtensor) {
  %bad = torch.constant.str "yx"
  %l = torch.prim.ListConstruct %a, %a : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.list<vtensor>
  %g = torch.operator "aten::meshgrid.indexing"(%l, %bad) : (!torch.list<vtensor>, !torch.str) -> !torch.list<vtensor>
  // expected-error @+1 {{cannot convert 'prim.ListUnpack' to ONNX opset 11: indexing must be 'ij' or 'xy'}}
  %p:2 = torch.prim.ListUnpack %g : !torch.list<vtensor> -> !torch.vtensor, !torch.vtensor
  return %p#0, %p#1 : !torch.vtensor, !torch.vtensor
}

// -----

func.func @forward(%x: !torch.vtensor<[4,3],f32>, %y: !torch.vtensor<[4,3],f32>) -> !torch.vtensor {
  %d = torch.constant.int -3
  // expected-error @+1 {{cannot convert 'aten.linalg_vecdot' to ONNX opset 11: dim -3 is out of range for rank 2}}
  %0 = torch.operator "aten::linalg_vecdot"(%x, %y, %d) : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[4,3],f32>, !torch.int) -> !torch.vtensor
  return %0 : !torch.vtensor
}

// -----

func.func @forward(%a: !torch.vtensor<[2],f32>, %b: !torch.vtensor<[],f32>) -> !torch.vtensor<[5],f32> {
  %n = torch.constant.int 5
  %none = torch.constant.none
  // expected-error @+1 {{cannot convert 'aten.linspace.Tensor_Tensor' to ONNX opset 11: start has rank 1; linspace takes 0-d tensor bounds}}
  %0 = torch.aten.linspace.Tensor_Tensor %a, %b, %n, %none, %none, %none, %none : (!torch.vtensor<[2],f32>, !torch.vtensor<[],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.none) -> !torch.vtensor<[5],f32>
  return %0 : !torch.vtensor<[5],f32>
}
