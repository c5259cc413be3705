import type { Diagnostic } from "@kehoach/model";

/**
 * A diagnostic of a stage before the Plan exists, with its place as `[start, end)` of the text that stage
 * made: an adapter's in `ExtractedText.text`, the normaliser's in the normalised text. The normaliser
 * carries adapters' places over into its own text; the builder turns them into findings with spans.
 * One type for every stage: no stage writes its own note shape.
 */
export interface PlacedDiagnostic extends Diagnostic {
  start?: number;
  end?: number;
}
