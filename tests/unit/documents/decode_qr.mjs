// Decodes the QR code in a binary PGM image (pdftoppm -gray output) with jsQR
// and prints its text; exits 1 when no code is found. Used by the documents tests.
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';

const bytes = readFileSync(process.argv[2]);
const header = bytes.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
if (!header) {
  console.error('not a binary PGM image');
  process.exit(2);
}
const [whole, width, height] = [header[0], Number(header[1]), Number(header[2])];
const grey = bytes.subarray(whole.length);
const rgba = new Uint8ClampedArray(width * height * 4);
for (let i = 0; i < width * height; i++) {
  rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = grey[i];
  rgba[4 * i + 3] = 255;
}
const code = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
if (!code) process.exit(1);
process.stdout.write(code.data);
