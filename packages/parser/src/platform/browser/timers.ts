/**
 * Runs `task` after pending events. A message on a channel, not setTimeout(0): browsers stretch
 * nested zero timeouts to 4 ms, which would add up over the hundreds of chunks of a page drawing.
 */
interface Channel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: null): void };
}

const queue: (() => void)[] = [];
let channel: Channel | undefined;

export function yieldToEventLoop(task: () => void): void {
  if (channel === undefined) {
    channel = new (globalThis as unknown as { MessageChannel: new () => Channel }).MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
  }
  queue.push(task);
  channel.port2.postMessage(null);
}
