/**
 * Redis connections for BullMQ. One place decides how kehoach talks to Redis: a `redis://` or
 * `rediss://` URL, commands held while Redis is away (BullMQ requires `maxRetriesPerRequest: null`), and
 * reconnection with a capped delay, so a Redis restart is a pause, not a failure.
 */
import { Redis } from "ioredis";

export interface RedisTarget {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). */
  url: string;
  /** Queue name (default "kehoach"). */
  queue?: string;
}

/** A usage error a clerk can act on, raised before any work starts. */
export class RedisUrlError extends Error {
  override name = "RedisUrlError";
}

/** Redis could not be reached (at the start, or for too long during a batch): one line for the user, exit 2. */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

/** How long a command waits for Redis to answer at all before it says it cannot reach it. */
export const CONNECT_TIMEOUT_MS = 15_000;

/** `promise`, or a RedisUnavailableError after `ms`. */
export function withinTime<R>(promise: Promise<R>, ms: number, url: string): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(`Không kết nối được Redis / cannot reach Redis at ${redactUrl(url)}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.href;
  } catch {
    return url;
  }
}

export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(`Địa chỉ Redis không hợp lệ / Not a Redis URL: ${url} (e.g. redis://127.0.0.1:6379)`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new RedisUrlError(`Địa chỉ Redis phải bắt đầu bằng redis:// / A Redis URL starts with redis:// or rediss:// (got ${url})`);
  }
  return url;
}

/** A new connection. Each BullMQ Queue, Worker and QueueEvents gets its own (QueueEvents and Worker block on reads). */
export function connect(url: string, name: string): Redis {
  const connection = new Redis(checkRedisUrl(url), {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    // 50 ms, 100 ms, … up to 2 s between attempts, for as long as it takes: callers bound the wait.
    retryStrategy: (times) => Math.min(times * 50, 2_000),
  });
  // Each failed attempt is an 'error' event: ioredis prints unheard ones. Callers hear of an outage through
  // BullMQ's own 'error' events and `downtime`, and bound their wait.
  connection.on("error", () => {});
  return connection;
}

/** Time since a connection was last usable (0 while it is), for callers that must not wait forever. */
export function downtime(connection: Redis): () => number {
  let downSince: number | null = connection.status === "ready" ? null : Date.now();
  connection.on("ready", () => (downSince = null));
  const down = () => (downSince ??= Date.now());
  connection.on("close", down);
  connection.on("end", down);
  connection.on("reconnecting", down);
  return () => (downSince === null ? 0 : Date.now() - downSince);
}
