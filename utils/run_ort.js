// Runs an ONNX model in ONNX Runtime on deterministic inputs (dynamic dims
// set to 2) and prints the outputs: a smoke check for exported models.
//   node utils/run_ort.js MODEL.onnx
'use strict';
const path = require('path');
const ort = require(path.join(__dirname, '../third_party/ort/node_modules/onnxruntime-node'));

async function main() {
  const session = await ort.InferenceSession.create(process.argv[2]);
  const feeds = {};
  for (const meta of session.inputMetadata) {
    if (!meta.isTensor || meta.type !== 'float32')
      throw new Error(`input ${meta.name}: only float32 tensors are generated`);
    const dims = meta.shape.map((d) => (typeof d === 'number' && d > 0 ? d : 2));
    const n = dims.reduce((a, b) => a * b, 1);
    const data = Float32Array.from({length: n}, (_, i) => ((i % 7) - 3) / 4);
    feeds[meta.name] = new ort.Tensor('float32', data, dims);
  }
  const out = await session.run(feeds);
  for (const [name, t] of Object.entries(out))
    console.log(`${name} [${t.dims.join('x')}] ${t.type}: ${Array.from(t.data).map((v) => Number(v).toFixed(4)).join(' ')}`);
}
main().catch((e) => { console.error(`error: ${e.message}`); process.exit(1); });
