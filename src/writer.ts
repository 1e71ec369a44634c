// The single database writer of an ingest: parsed documents are written in batches, each
// document whole or not at all.
import type { Db } from "./db.js";

export interface WriteTask<Outcome> {
  /** Write one document; runs in its own savepoint, so a throw leaves nothing of it. */
  write(): Outcome;
  /** The outcome when the database refused the document (or its batch's commit). */
  refused(err: Error): Outcome;
}

/** Documents written in one transaction at most; one commit costs as much as writing a report. */
export const BATCH_SIZE = 8;
/** The longest a parsed document waits for its batch to fill. */
const BATCH_WAIT_MS = 50;

/**
 * The single database writer. Parsed documents queue here and are written in batches: one
 * IMMEDIATE transaction per batch, each document in a savepoint of its own, so a document the
 * database refuses leaves nothing and the others go on. A batch is written when it is full, when
 * no parse is under way (nothing more is coming soon) or BATCH_WAIT_MS after its first document,
 * after the current turn of the event loop so that the pool first hands its workers their next
 * files. A document's outcome is emitted only once its batch has committed; a killed run loses
 * at most the batch being written.
 */
export class BatchWriter<Outcome> {
  private queue: { task: WriteTask<Outcome>; done: () => void }[] = [];
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly emit: (o: Outcome) => void,
    /** Whether more parsed documents are on their way. */
    private readonly parsing: () => boolean,
    /** Runs in each batch's transaction after its documents (a throw refuses the whole batch). */
    private readonly afterBatch: () => void = () => {},
  ) {}

  write(task: WriteTask<Outcome>): Promise<void> {
    return new Promise((done) => {
      this.queue.push({ task, done });
      if (this.scheduled) return;
      if (this.queue.length >= BATCH_SIZE || !this.parsing()) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      } else if (!this.timer) {
        this.timer = setTimeout(() => this.flush(), BATCH_WAIT_MS);
      }
    });
  }

  flush(): void {
    this.scheduled = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[] = [];
    try {
      this.db
        .transaction(() => {
          for (const { task } of batch) {
            try {
              outcomes.push(this.db.transaction(task.write)());
            } catch (err) {
              outcomes.push(task.refused(err as Error));
            }
          }
          this.afterBatch();
        })
        .immediate();
    } catch (err) {
      // The commit itself failed: nothing of the batch was written.
      outcomes = batch.map(({ task }) => task.refused(err as Error));
    }
    for (const o of outcomes) this.emit(o);
    for (const { done } of batch) done();
  }
}
