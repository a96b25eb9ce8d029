/** See floor-pass.js: find, inflate and tokenise word/document.xml once; the number of elements. */
export function floorPass(bytes: Uint8Array): number;
