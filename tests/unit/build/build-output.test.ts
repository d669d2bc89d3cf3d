/**
 * scripts/build-output.ts: the build leaves out Vite's warning about Astro's
 * "use astro:head-inject" directive (one per MDX chapter, code frame included) and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { WarningFilter } from '../../../scripts/build-output.ts';

/** One warning as Vite prints it during `astro build` (copied from a build's output, colours included). */
function warning(chapter: string): string[] {
  return [
    `05:34:43 [WARN] [vite] \x1b[33m[MODULE_LEVEL_DIRECTIVE] \x1b[0mThe semantics of the module level directive "use astro:head-inject" in "content/${chapter}.mdx?astroPropagatedAssets" may not be preserved when bundling.`,
    `   \x1b[38;5;246m╭\x1b[0m\x1b[38;5;246m─\x1b[0m\x1b[38;5;246m[\x1b[0m content/${chapter}.mdx?astroPropagatedAssets:2:6 \x1b[38;5;246m]\x1b[0m`,
    '   \x1b[38;5;246m│\x1b[0m',
    ' \x1b[38;5;246m2 │\x1b[0m \x1b[38;5;249m \x1b[0m\x1b[38;5;249m \x1b[0m"use astro:head-inject";',
    ' \x1b[38;5;240m  │\x1b[0m               ────────────┬───────────  ',
    ' \x1b[38;5;240m  │\x1b[0m                           ╰───────────── module level directive may not be preserved',
    ' \x1b[38;5;240m  │\x1b[0m ',
    ' \x1b[38;5;240m  │\x1b[0m \x1b[38;5;115mHelp\x1b[0m: For more information, see https://rolldown.rs/in-depth/directives#other-directives',
    '\x1b[38;5;246m───╯\x1b[0m',
    '',
  ];
}

describe('WarningFilter', () => {
  it('leaves out each known warning with its code frame, counts them, and keeps every other line', () => {
    const input = [
      '05:34:41 [build] Building static entrypoints...',
      ...warning('jcsa/2025/ch1'),
      ...warning('jcsa/2025/ch2'),
      '05:34:43 [vite] ✓ built in 1.24s',
      '',
      '05:34:44 [WARN] [vite] something else worth reading',
      '   │ its own frame stays',
      '[cube] jcsa/2025: 設問 49',
    ];
    const filter = new WarningFilter();
    const kept = input.filter((line) => filter.keep(line));
    expect(kept).toEqual(['05:34:41 [build] Building static entrypoints...', '05:34:43 [vite] ✓ built in 1.24s', '', '05:34:44 [WARN] [vite] something else worth reading', '   │ its own frame stays', '[cube] jcsa/2025: 設問 49']);
    expect(filter.take()).toBe(2);
    expect(filter.take()).toBe(0);
  });
});
