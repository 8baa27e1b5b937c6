/**
 * A worker thread of the extraction pool (pool.ts). The language model and the gazetteer load
 * once, when the thread starts, not with its first article.
 */
import type { Article } from '../core/types.js';
import { loadResources } from '../pipeline.js';
import { extractWire, type Wire } from './extract-task.js';

loadResources();

export default function extract(task: { article: Article; started?: Int32Array }): Wire {
  if (task.started) Atomics.store(task.started, 0, 1);
  return extractWire(task.article);
}
