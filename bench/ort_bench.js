// Median latency of an ONNX model in ONNX Runtime (CPU, N intra-op threads)
// on zero inputs of the model's static shapes.
//   node bench/ort_bench.js MODEL.onnx RUNS THREADS   -> prints "median_ms"
'use strict';
const path = require('path');
const ort = require(path.join(__dirname, '../third_party/ort/node_modules/onnxruntime-node'));

async function main() {
  const [model, runs, threads] = process.argv.slice(2);
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: Number(threads), interOpNumThreads: 1,
    graphOptimizationLevel: 'all'});
  const feeds = {};
  for (const meta of session.inputMetadata) {
    const dims = meta.shape.map((d) => (typeof d === 'number' && d > 0 ? d : 1));
    const n = dims.reduce((a, b) => a * b, 1);
    feeds[meta.name] = new ort.Tensor('float32', new Float32Array(n), dims);
  }
  for (let i = 0; i < 3; ++i)
    await session.run(feeds);
  const ms = [];
  for (let i = 0; i < Number(runs); ++i) {
    const t0 = process.hrtime.bigint();
    await session.run(feeds);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  console.log(ms[Math.floor(ms.length / 2)].toFixed(3));
}
main().catch((e) => { console.error(`error: ${e.message}`); process.exit(1); });
