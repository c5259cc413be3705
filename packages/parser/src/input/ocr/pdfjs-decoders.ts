/**
 * pdf.js's stand-alone image decoders (JBIG2, CCITT, JPEG 2000) for the image codecs tesseract
 * cannot read itself. Loaded only when such an image turns up; their WebAssembly comes from the
 * installed pdfjs-dist package in Node, the app's asset folder in a browser (src/platform/). No
 * canvas is needed.
 */
import { importImageDecoders } from "#platform/pdfjs";

interface WasmDecoderClass {
  setOptions(options: {
    useWasm: boolean;
    useWorkerFetch: boolean;
    wasmUrl: string;
    getHandler: () => { sendWithPromise: (name: string, data: { filename: string }) => Promise<Uint8Array> };
  }): void;
}
interface Jbig2Decoder {
  decode(
    bytes: Uint8Array,
    width: number,
    height: number,
    globals: Uint8Array | null,
    ccitt?: { K: number; EndOfLine: boolean; EncodedByteAlign: boolean; BlackIs1: boolean; Columns: number; Rows: number },
  ): Promise<Uint8Array>;
}
interface JpxDecoder {
  decode(bytes: Uint8Array, options: { numComponents?: number }): Promise<Uint8Array>;
}
interface ImageDecodersModule {
  Jbig2Image: WasmDecoderClass & { instance: Jbig2Decoder };
  JpxImage: WasmDecoderClass & { instance: JpxDecoder; parseImageProperties(bytes: Uint8Array): { width: number; height: number; componentsCount: number } };
}

let loaded: Promise<ImageDecodersModule> | null = null;

function load(): Promise<ImageDecodersModule> {
  loaded ??= (async () => {
    const { module, options } = await importImageDecoders();
    const mod = module as ImageDecodersModule;
    const setup = options as Parameters<WasmDecoderClass["setOptions"]>[0];
    mod.Jbig2Image.setOptions(setup);
    mod.JpxImage.setOptions(setup);
    return mod;
  })();
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

/** Packed 1-bit rows, PDF convention (1 = white before any /Decode). */
export async function decodeJbig2(data: Uint8Array, width: number, height: number, globals: Uint8Array | null): Promise<Uint8Array> {
  const mod = await load();
  return mod.Jbig2Image.instance.decode(data, width, height, globals);
}

/** Packed 1-bit rows, PDF convention (0 = black unless BlackIs1). */
export async function decodeCcitt(
  data: Uint8Array,
  p: { width: number; height: number; k: number; endOfLine: boolean; byteAlign: boolean; blackIs1: boolean },
): Promise<Uint8Array> {
  const mod = await load();
  return mod.Jbig2Image.instance.decode(data, p.width, p.height, null, {
    K: p.k,
    EndOfLine: p.endOfLine,
    EncodedByteAlign: p.byteAlign,
    BlackIs1: p.blackIs1,
    Columns: p.width,
    Rows: p.height,
  });
}

/** Interleaved 8-bit samples with `components` per pixel. */
export async function decodeJpx(data: Uint8Array): Promise<{ pixels: Uint8Array; width: number; height: number; components: number }> {
  const mod = await load();
  const props = mod.JpxImage.parseImageProperties(data);
  const components = props.componentsCount >= 3 ? 3 : 1;
  const pixels = await mod.JpxImage.instance.decode(data, { numComponents: components });
  return { pixels, width: props.width, height: props.height, components };
}
