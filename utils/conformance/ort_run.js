// Runs ONNX models in ONNX Runtime (onnxruntime-node) on prepared inputs and
// compares the outputs with the references.
//
//   node ort_run.js MANIFEST.json RESULTS.jsonl
//
// MANIFEST: [{id, models: {orig, rt}, sets: [{inputs: [...], outputs: [...]}],
// rtol?, atol?}]
// where each tensor is {name, type, dims, file | strings}. One JSON line per
// (id, which) is appended to RESULTS as soon as it is known, so a crash of the
// runtime loses only the model that crashed it.
'use strict';
const fs = require('fs');
const path = require('path');
const ort = require(path.join(__dirname, '../../third_party/ort/node_modules/onnxruntime-node'));

const RTOL = 1e-3, ATOL = 1e-7;
const ARRAYS = {
  float32: Float32Array, float64: Float64Array, int8: Int8Array, uint8: Uint8Array,
  int16: Int16Array, uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array,
  int64: BigInt64Array, uint64: BigUint64Array, bool: Uint8Array, float16: Uint16Array,
};

function load(t) {
  if (t.type === 'string') return new ort.Tensor('string', t.strings, t.dims);
  const buf = fs.readFileSync(t.file);
  const A = ARRAYS[t.type];
  if (!A) throw new Error('unsupported input type ' + t.type);
  const copy = new Uint8Array(buf.length);
  copy.set(buf);
  const data = new A(copy.buffer, 0, buf.length / A.BYTES_PER_ELEMENT);
  return new ort.Tensor(t.type, data, t.dims);
}

function halfToFloat(h) {
  const s = (h & 0x8000) ? -1 : 1, e = (h >> 10) & 0x1f, f = h & 0x3ff;
  if (e === 0) return s * Math.pow(2, -14) * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * Math.pow(2, e - 15) * (1 + f / 1024);
}

function compare(got, want, rtol = RTOL, atol = ATOL) {
  const ref = load(want);
  if (got.type !== ref.type && !(got.type === 'bool' && ref.type === 'bool'))
    return `output ${want.name}: type ${got.type}, expected ${ref.type}`;
  const gd = got.dims.join('x'), wd = ref.dims.join('x');
  if (gd !== wd) return `output ${want.name}: shape [${gd}], expected [${wd}]`;
  const g = got.data, w = ref.data;
  if (g.length !== w.length) return `output ${want.name}: ${g.length} elements, expected ${w.length}`;
  const isFloat = ['float32', 'float64', 'float16'].includes(ref.type);
  for (let i = 0; i < w.length; i++) {
    let a = g[i], b = w[i];
    if (ref.type === 'float16') { a = halfToFloat(a); b = halfToFloat(b); }
    if (ref.type === 'bool') { a = a ? 1 : 0; b = b ? 1 : 0; }
    if (isFloat) {
      if (Number.isNaN(a) && Number.isNaN(b)) continue;
      if (a === b) continue;
      if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b)))
        return `output ${want.name}[${i}]: ${a}, expected ${b}`;
    } else if (a !== b) {
      return `output ${want.name}[${i}]: ${a}, expected ${b}`;
    }
  }
  return null;
}

async function runOne(modelPath, sets, rtol, atol) {
  const session = await ort.InferenceSession.create(modelPath, {
    intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all',
  });
  for (const [k, set] of sets.entries()) {
    const feeds = {};
    for (const t of set.inputs) feeds[t.name] = load(t);
    const out = await session.run(feeds);
    for (const [i, want] of set.outputs.entries()) {
      const name = session.outputNames[i];
      if (!(name in out)) return `data set ${k}: output ${name} missing`;
      const err = compare(out[name], want, rtol, atol);
      if (err) return `data set ${k}: ${err}`;
    }
  }
  return null;
}

async function main() {
  const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const resultsPath = process.argv[3];
  const done = new Set();
  if (fs.existsSync(resultsPath))
    for (const line of fs.readFileSync(resultsPath, 'utf8').split('\n'))
      if (line) { const r = JSON.parse(line); done.add(r.id + '\t' + r.which); }
  for (const m of manifest) {
    for (const which of ['orig', 'rt']) {
      const key = m.id + '\t' + which;
      if (done.has(key) || !m.models[which]) continue;
      // Mark the attempt first: if the runtime crashes the process, the driver
      // sees a 'started' line without a result.
      fs.appendFileSync(resultsPath, JSON.stringify({id: m.id, which, started: true}) + '\n');
      let error = null;
      if (m.skip) error = m.skip;
      else {
        try { error = await runOne(m.models[which], m.sets, m.rtol ?? RTOL, m.atol ?? ATOL); }
        catch (e) { error = String(e && e.message || e).split('\n')[0].slice(0, 300); }
      }
      fs.appendFileSync(resultsPath, JSON.stringify({id: m.id, which, ok: error === null, error}) + '\n');
    }
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
