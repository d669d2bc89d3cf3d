/**
 * The Astro build's output without the third-party warnings every build prints and nobody can act
 * on. Vite (rolldown) warns that it may not keep the `"use astro:head-inject"` directive that
 * Astro's own MDX integration writes at the top of every chapter module: one 11-line warning with
 * a code frame per chapter. Such a warning and its frame are left out; scripts/build.ts counts
 * them in one line at the end. Everything else passes unchanged (colours included).
 */
export const KNOWN_WARNINGS: readonly RegExp[] = [/\[WARN\] \[vite\] .*MODULE_LEVEL_DIRECTIVE.*"use astro:head-inject"/];

const ANSI = /\x1b\[[0-9;]*m/g;
/** A line of a warning's code frame (`╭─[ file ]`, `2 │ …`, `│ Help: …`, `───╯`). */
const FRAME = /^\s*(?:\d+\s*)?[│╭╰]|^\s*─*╯\s*$/;

/** Decides line by line what to print of one output stream. */
export class WarningFilter {
  private inWarning = false;
  /** Known warnings left out and not yet taken. */
  hidden = 0;

  /** Whether to print this line. */
  keep(line: string): boolean {
    const plain = line.replace(ANSI, '');
    if (this.inWarning) {
      if (FRAME.test(plain)) return false;
      this.inWarning = false;
      if (plain.trim() === '') return false; // the blank line after the frame
    }
    if (KNOWN_WARNINGS.some((w) => w.test(plain))) {
      this.hidden++;
      this.inWarning = true;
      return false;
    }
    return true;
  }

  /** The count of warnings left out since the last call. */
  take(): number {
    const n = this.hidden;
    this.hidden = 0;
    return n;
  }
}
