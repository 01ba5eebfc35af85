// RUN: torch-onnx-opt %s --torch-functionalize-lists | FileCheck %s

// An append inside a loop body: the list becomes a loop-carried value and
// later readers use the loop's result.
// CHECK-LABEL: func.func @append_in_loop
// CHECK: %[[EMPTY:.*]] = torch.prim.ListConstruct  : () -> !torch.list<tensor>
// CHECK: %[[LOOP:.*]] = torch.prim.Loop %{{.*}}, %{{.*}}, init(%[[EMPTY]])
// CHECK: ^bb0(%{{.*}}: !torch.int, %[[CUR:.*]]: !torch.list<tensor>):
// CHECK: %[[APP:.*]] = torch.aten.append.t %[[CUR]], %{{.*}}
// CHECK: torch.prim.Loop.condition %{{.*}}, iter(%[[APP]] : !torch.list<tensor>)
// CHECK: torch.aten.stack %[[LOOP]]
func.func @append_in_loop(%x: !torch.vtensor<[3],f32>, %n: !torch.int) -> !torch.vtensor {
  %true = torch.constant.bool true
  %zero = torch.constant.int 0
  %l = torch.prim.ListConstruct : () -> !torch.list<tensor>
  torch.prim.Loop %n, %true, init() {
  ^bb0(%i: !torch.int):
    %a = torch.aten.append.t %l, %x : (!torch.list<tensor>, !torch.vtensor<[3],f32>) -> !torch.list<tensor>
    torch.prim.Loop.condition %true, iter()
  } : (!torch.int, !torch.bool) -> ()
  %s = torch.aten.stack %l, %zero : (!torch.list<tensor>, !torch.int) -> !torch.vtensor
  return %s : !torch.vtensor
}

// Appends in one branch of an If: the If yields the list from both branches.
// CHECK-LABEL: func.func @append_in_if
// CHECK: %[[L:.*]] = torch.prim.ListConstruct %{{.*}} :
// CHECK: %[[IF:.*]] = torch.prim.If %{{.*}} -> (!torch.list<tensor>)
// CHECK: %[[A:.*]] = torch.aten.append.t %[[L]]
// CHECK: torch.prim.If.yield %[[A]]
// CHECK: } else {
// CHECK: torch.prim.If.yield %[[L]]
// CHECK: torch.aten.cat %[[IF]]
func.func @append_in_if(%x: !torch.vtensor<[3],f32>, %c: !torch.bool) -> !torch.vtensor {
  %zero = torch.constant.int 0
  %l = torch.prim.ListConstruct %x : (!torch.vtensor<[3],f32>) -> !torch.list<tensor>
  torch.prim.If %c {
    %a = torch.aten.append.t %l, %x : (!torch.list<tensor>, !torch.vtensor<[3],f32>) -> !torch.list<tensor>
    torch.prim.If.yield
  } else {
    torch.prim.If.yield
  }
  %s = torch.aten.cat %l, %zero : (!torch.list<tensor>, !torch.int) -> !torch.vtensor
  return %s : !torch.vtensor
}

// A list handed to an unknown operator may be mutated there: left alone.
// CHECK-LABEL: func.func @unknown_user
// CHECK: torch.prim.Loop %{{.*}}, %{{.*}}, init() {
func.func @unknown_user(%x: !torch.vtensor<[3],f32>, %n: !torch.int) -> !torch.vtensor {
  %true = torch.constant.bool true
  %l = torch.prim.ListConstruct : () -> !torch.list<tensor>
  torch.prim.Loop %n, %true, init() {
  ^bb0(%i: !torch.int):
    %a = torch.aten.append.t %l, %x : (!torch.list<tensor>, !torch.vtensor<[3],f32>) -> !torch.list<tensor>
    torch.prim.Loop.condition %true, iter()
  } : (!torch.int, !torch.bool) -> ()
  %r = torch.operator "aten::mystery"(%l) : (!torch.list<tensor>) -> !torch.vtensor
  return %r : !torch.vtensor
}
