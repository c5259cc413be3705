import mammoth from "mammoth";

/** The Word document as the reviewer knows it, rendered to HTML by mammoth. */
export async function docxToHtml(bytes: Uint8Array): Promise<string | null> {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const result = await mammoth.convertToHtml({ arrayBuffer: buffer }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) });
    // Links and images would be requests the page never makes: keep their text only.
    return result.value.replace(/<img\b[^>]*>/g, "").replace(/\s(?:href|src)="[^"]*"/g, "");
  } catch {
    return null;
  }
}
