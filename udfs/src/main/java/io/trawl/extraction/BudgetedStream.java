package io.trawl.extraction;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it, checks the deadline on every read and stops when a byte limit
 * is passed. As the object's own stream it also marks read failures as {@link SourceFailure}s so
 * that storage errors are told apart from parse errors.
 */
class BudgetedStream extends FilterInputStream {
  private final Deadline deadline;
  private final boolean source;
  private long count;
  private long limit = Long.MAX_VALUE;
  private ExtractionStop overLimit;

  BudgetedStream(InputStream in, Deadline deadline, boolean source) {
    super(in);
    this.deadline = deadline;
    this.source = source;
  }

  /** Stops with {@code stop} once more than {@code bytes} have been read. */
  void limit(long bytes, ExtractionStop stop) {
    this.limit = bytes;
    this.overLimit = stop;
  }

  long count() {
    return count;
  }

  /** Called with the number of bytes just read; subclasses add shared budgets. */
  void counted(int n) {}

  private int after(int n) {
    if (n > 0) {
      count += n;
      counted(n);
      if (count > limit) {
        throw overLimit;
      }
    }
    return n;
  }

  @Override
  public int read() throws IOException {
    deadline.check();
    int b;
    try {
      b = super.read();
    } catch (IOException e) {
      throw source ? new SourceFailure(e) : e;
    }
    if (b >= 0) {
      after(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    deadline.check();
    try {
      return after(super.read(b, off, len));
    } catch (IOException e) {
      throw source && !(e instanceof SourceFailure) ? new SourceFailure(e) : e;
    }
  }

  @Override
  public long skip(long n) throws IOException {
    // Read instead of skipping so that every byte is counted against the budgets.
    byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 1))];
    long done = 0;
    while (done < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** A failure of the object's storage while reading it (not of its content). */
  static final class SourceFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SourceFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
