import { describe, expect, it } from 'vitest';
import { exportDocx } from './exportDocx.ts';
import { editorSchema } from './editorSchema.ts';
import { importDocx } from './importDocx.ts';
import { IMPORT_LIMITS } from './importLimits.ts';
import { buildZip } from './testing/buildZip.ts';
import { nodes as n } from './testing/nodes.ts';

const rejection = (bytes: Uint8Array) => importDocx(bytes).then(() => 'OK', (error: { code?: string; name?: string }) => `${error.name}:${error.code}`);

describe('importDocx', () => {
  it('reads a hand-made minimal .docx', async () => {
    const bytes = buildZip({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels':
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml':
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Hello</w:t></w:r><w:r><w:t xml:space="preserve"> &lt;script&gt;</w:t></w:r></w:p></w:body></w:document>',
    });
    const { title, doc } = await importDocx(bytes);
    expect(title).toBeNull();
    expect(doc.content).toEqual([{ type: 'paragraph', attrs: { textAlign: null }, content: [{ type: 'text', text: 'Hello', marks: [{ type: 'bold' }] }, { type: 'text', text: ' <script>' }] }]);
  });

  it('throws MALFORMED_FILE for garbage bytes', async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect(await rejection(garbage)).toBe('DocumentImportError:MALFORMED_FILE');
  });

  it('throws MALFORMED_FILE for a zip that looks like a .docx but is not one', async () => {
    expect(await rejection(buildZip({ '[Content_Types].xml': 'not xml', 'word/document.xml': '<w:document' }))).toBe('DocumentImportError:MALFORMED_FILE');
  });

  it('throws MALFORMED_FILE for a truncated real .docx', async () => {
    const bytes = await exportDocx(n.doc(n.p('x')), { title: 't' });
    expect(await rejection(bytes.subarray(0, Math.floor(bytes.byteLength / 2)))).toBe('DocumentImportError:MALFORMED_FILE');
  });

  it('throws TOO_LARGE over MAX_DOCX_BYTES', async () => {
    expect(await rejection(new Uint8Array(IMPORT_LIMITS.MAX_DOCX_BYTES + 1))).toBe('DocumentImportError:TOO_LARGE');
  });

  it('throws UNSUPPORTED_FILE for a legacy .doc', async () => {
    expect(await rejection(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(512)))).toBe('DocumentImportError:UNSUPPORTED_FILE');
  });

  it('reads a view into a larger buffer', async () => {
    const bytes = await exportDocx(n.doc(n.p('inside')), { title: '' });
    const padded = new Uint8Array(bytes.byteLength + 20);
    padded.set(bytes, 10);
    const { doc } = await importDocx(padded.subarray(10, 10 + bytes.byteLength));
    expect(doc.content![0]!.content![0]!.text).toBe('inside');
    expect(() => editorSchema().nodeFromJSON(doc).check()).not.toThrow();
  });
});
