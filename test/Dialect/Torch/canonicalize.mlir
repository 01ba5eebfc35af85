// RUN: torch-onnx-opt %s -canonicalize | FileCheck %s

// CHECK-LABEL: func.func @unpack_of_construct
// CHECK-SAME: (%[[A:.*]]: !torch.int, %[[B:.*]]: !torch.int)
// CHECK-NEXT: return %[[B]], %[[A]]
func.func @unpack_of_construct(%a: !torch.int, %b: !torch.int) -> (!torch.int, !torch.int) {
  %l = torch.prim.ListConstruct %a, %b : (!torch.int, !torch.int) -> !torch.list<int>
  %x, %y = torch.prim.ListUnpack %l : !torch.list<int> -> !torch.int, !torch.int
  return %y, %x : !torch.int, !torch.int
}

// CHECK-LABEL: func.func @tuple_index
// CHECK-SAME: (%[[A:.*]]: !torch.int, %[[B:.*]]: !torch.float)
// CHECK-NEXT: return %[[B]]
func.func @tuple_index(%a: !torch.int, %b: !torch.float) -> !torch.float {
  %t = torch.prim.TupleConstruct %a, %b : (!torch.int, !torch.float) -> !torch.tuple<int, float>
  %i = torch.constant.int -1
  %e = torch.prim.TupleIndex %t, %i : !torch.tuple<int, float>, !torch.int -> !torch.float
  return %e : !torch.float
}
