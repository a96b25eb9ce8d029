// The floor: what any DOCX reader must at least do — find word/document.xml in the zip, inflate it
// (Node's zlib, as the reader does) and tokenise it once with saxes, handlers empty. Plain
// JavaScript, so that bench/cold-stages.js runs it in fresh threads with nothing compiled on the way;
// bench/reader.ts uses the same function warm.
const zlib = require('node:zlib');
const { SaxesParser } = require('saxes');

const BODY = 'word/document.xml';

/** The deflated bytes of word/document.xml (central directory, then the local header). */
function bodyEntry(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let end = b.length - 22;
  while (end > 0 && b.readUInt32LE(end) !== 0x06054b50) end--;
  let at = b.readUInt32LE(end + 16);
  for (let i = b.readUInt16LE(end + 10); i > 0; i--) {
    const nameLength = b.readUInt16LE(at + 28);
    if (b.toString('utf8', at + 46, at + 46 + nameLength) === BODY) {
      const local = b.readUInt32LE(at + 42);
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      return { data: b.subarray(start, start + b.readUInt32LE(at + 20)), method: b.readUInt16LE(at + 10) };
    }
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  throw new Error(`no ${BODY}`);
}

/** One floor pass over a DOCX; returns the number of elements (so the work cannot be skipped). */
function floorPass(bytes) {
  const { data, method } = bodyEntry(bytes);
  const xml = method === 0 ? data : zlib.inflateRawSync(data);
  const parser = new SaxesParser({ xmlns: false, position: false });
  let elements = 0;
  parser.on('opentag', () => {
    elements++;
  });
  parser.on('closetag', () => {});
  parser.on('text', () => {});
  parser.write(new TextDecoder().decode(xml)).close();
  return elements;
}

module.exports = { floorPass };
