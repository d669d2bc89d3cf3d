/** Per-page context that report components (Chart, Stat) read. */
declare namespace App {
  interface Locals {
    /** The report a page belongs to: MDX <Chart>/<Stat> take survey and wave from here. */
    report?: {
      survey: string;
      wave: string;
      /** Figure numbers of a chapter (anchor id → 「図2-3」), for <Chart> captions and <FigRef>. */
      figures?: Map<string, string>;
    };
  }
}
