/**
 * A worker thread of the extraction pool (pool.ts). The language model and the gazetteer load
 * once, when the thread starts, not with its first article.
 */
import type { Article } from '../core/types.js';
import { loadResources } from '../pipeline.js';
import { extractTask, type Extracted } from './extract-task.js';

loadResources();

export default function extract(task: { article: Article; started?: Int32Array }): Extracted {
  if (task.started) Atomics.store(task.started, 0, 1);
  return extractTask(task.article);
}
