/**
 * One batch interface, two engines. A batch is `engine(inputs, options)` → one `BatchResult` per input,
 * `parseMany`'s contract: the in-process worker pool (`parseMany` itself, the default, no server), or
 * BullMQ on Redis (`--redis URL`), whose workers may run on any machine. Same inputs, same Plans, same
 * progress callbacks, same error records.
 */
import { parseMany, type BatchInput, type BatchResult, type ParseManyOptions } from "@kehoach/parser/batch";
import type { Plan } from "@kehoach/model";
import type { SubmitOptions } from "./submit.ts";

/** What both engines honour. (`module`, `maxMemoryMb`, `transfer` and `onWorkerError` are the local pool's own.) */
export type EngineOptions = Pick<ParseManyOptions<Plan>, "parse" | "ordered" | "onResult" | "onProgress" | "signal" | "workers" | "timeoutMs">;

/** An input, with the name people know it by (its path) when `id` is only a number: queue status and worker logs show it. */
export interface EngineInput extends BatchInput {
  name?: string;
}

export type BatchEngine = (
  inputs: Iterable<EngineInput> | AsyncIterable<EngineInput>,
  options?: EngineOptions,
) => AsyncGenerator<BatchResult<Plan>, void, undefined>;

/** The local pool, or — given a Redis URL — the queue (its code loaded only then: a local run never loads BullMQ). */
export function batchEngine(redis?: SubmitOptions): BatchEngine {
  if (redis === undefined) return (inputs, options = {}) => parseMany<Plan>(inputs, options);
  return async function* (inputs, options = {}) {
    const { parseManyOnRedis } = await import("./submit.ts");
    yield* parseManyOnRedis(inputs, options, redis);
  };
}
