import { isKehoachInputError, type KehoachInputError } from "@kehoach/parser";

/** Awaits a promise that must reject with a KehoachInputError, and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<KehoachInputError> {
  try {
    await promise;
  } catch (error) {
    if (isKehoachInputError(error)) return error;
    throw new Error(`rejected with something else: ${String(error)}`);
  }
  throw new Error("did not reject");
}
