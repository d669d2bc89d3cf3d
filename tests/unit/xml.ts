/** A strict XML parse for tests: any well-formedness error throws (warnings, e.g. U+FFFD seen, do not). */
import { DOMParser } from '@xmldom/xmldom';

export function parseXml(xml: string): Document {
  const parser = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') throw new Error(`not well-formed XML (${level}): ${message}`);
    },
  });
  return parser.parseFromString(xml, 'image/svg+xml') as unknown as Document;
}
