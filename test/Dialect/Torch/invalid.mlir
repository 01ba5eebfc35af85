// RUN: torch-onnx-opt %s -split-input-file -verify-diagnostics

func.func @list_not_homogeneous(%a: !torch.int, %b: !torch.float) {
  // expected-error @+1 {{'torch.prim.ListConstruct' op element of type '!torch.float' does not fit a list of '!torch.int' (TorchScript lists are homogeneous)}}
  %l = torch.prim.ListConstruct %a, %b : (!torch.int, !torch.float) -> !torch.list<int>
  return
}

// -----

func.func @if_types(%c: !torch.bool, %a: !torch.int) {
  // expected-error @+1 {{'torch.prim.If' op branch yields}}
  %r = torch.prim.If %c -> (!torch.float) {
    torch.prim.If.yield %a : !torch.int
  } else {
    torch.prim.If.yield %a : !torch.int
  }
  return
}

// -----

func.func @loop_carried(%n: !torch.int, %c: !torch.bool, %a: !torch.int) {
  // expected-error @+1 {{'torch.prim.Loop' op body must take the iteration number (!torch.int) and 1 carried values}}
  %r = torch.prim.Loop %n, %c, init(%a) {
  ^bb0(%i: !torch.int):
    torch.prim.Loop.condition %c, iter(%a : !torch.int)
  } : (!torch.int, !torch.bool, !torch.int) -> !torch.int
  return
}

// -----

func.func @literal_dtype() {
  // expected-error @+1 {{'torch.tensor.literal' op result dtype 'f64' differs from the literal's element type 'f32'}}
  %t = torch.tensor.literal(dense<1.0> : tensor<2xf32>) : !torch.tensor<[2],f64>
  return
}

// -----

func.func @aten_operand_type(%a: !torch.int) {
  // expected-error @+1 {{'torch.aten.relu' op operand #0 must be any torch tensor}}
  %r = torch.aten.relu %a : (!torch.int) -> !torch.vtensor
  return
}

// -----

// expected-error @+1 {{tensor sizes must be non-negative or '?'}}
func.func @bad_size(%a: !torch.vtensor<[-2],f32>) {
  return
}
