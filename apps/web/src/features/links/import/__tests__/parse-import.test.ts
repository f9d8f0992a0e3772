// The import parsers, on sample files that follow each tool's documented export columns.
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, parseImport } from "../parse-import";
import bitly from "./fixtures/bitly.csv?raw";
import kutt from "./fixtures/kutt.csv?raw";
import plain from "./fixtures/plain.txt?raw";
import shlinkImporter from "./fixtures/shlink-importer.csv?raw";
import shlink from "./fixtures/shlink.csv?raw";
import yourls from "./fixtures/yourls.csv?raw";

describe("parseImport", () => {
  it("reads a Bitly export: custom back-half over the bitlink, tags, and skips a row without destination", () => {
    expect(parseImport(bitly)).toEqual({
      format: "Bitly",
      rows: [
        { line: 2, long_url: "https://example.com/launch?utm_source=bitly", custom_code: "spring-launch", tags: ["launch", "Spring"] },
        { line: 3, long_url: "https://docs.example.com/start", custom_code: "4AbCdEf" },
      ],
      skipped: [{ line: 4, reason: "No destination URL in this row" }],
    });
  });

  it("reads Kutt's links, dropping a code our rules refuse", () => {
    expect(parseImport(kutt)).toEqual({
      format: "Kutt",
      rows: [
        { line: 2, long_url: "https://example.com/page", custom_code: "abc12" },
        { line: 3, long_url: "https://example.org/short-code", note: "The code “x” is not allowed here; a new one is generated" },
      ],
      skipped: [],
    });
  });

  it("reads YOURLS' export: keywords without slashes, quoted cells, reserved words dropped", () => {
    const parsed = parseImport(yourls);
    expect(parsed).toMatchObject({ format: "YOURLS", skipped: [] });
    expect("rows" in parsed && parsed.rows).toEqual([
      { line: 2, long_url: "https://example.com/page", custom_code: "abc" },
      { line: 3, long_url: "https://example.com/reserved", note: "The code “api” is not allowed here; a new one is generated" },
      { line: 4, long_url: "https://example.com/a,b", custom_code: "with-comma" },
    ]);
  });

  it("reads Shlink's web client export with |-separated tags", () => {
    expect(parseImport(shlink)).toEqual({
      format: "Shlink",
      rows: [
        { line: 2, long_url: "https://example.com/page", custom_code: "abc12", tags: ["foo", "bar baz"] },
        { line: 3, long_url: "https://example.com/docs?a=1&b=2", custom_code: "guide" },
      ],
      skipped: [],
    });
  });

  it("reads shlink-importer's CSV: ; delimiter, code from the short URL, comma-separated tags", () => {
    expect(parseImport(shlinkImporter)).toEqual({
      format: "Shlink",
      rows: [
        { line: 2, long_url: "https://example.com/one", custom_code: "one", tags: ["a", "b"] },
        { line: 3, long_url: "https://example.com/two", custom_code: "two" },
      ],
      skipped: [],
    });
  });

  it("reads plain lines of url[,code] without a header, skipping blank lines", () => {
    expect(parseImport(plain)).toEqual({
      format: "URL list",
      rows: [
        { line: 1, long_url: "https://example.com/first" },
        { line: 2, long_url: "https://example.com/second", custom_code: "second" },
        { line: 4, long_url: "https://example.com/third", note: "The code “bad code!” is not allowed here; a new one is generated" },
      ],
      skipped: [],
    });
    expect(parseImport("url,code\nhttps://example.com/x,xyz\n")).toEqual({
      format: "URL list",
      rows: [{ line: 2, long_url: "https://example.com/x", custom_code: "xyz" }],
      skipped: [],
    });
  });

  it("drops tags that do not fit and keeps at most ten", () => {
    const tags = ["ok", "not/ok", ...Array.from({ length: 12 }, (_, i) => `t${i}`)].join("|");
    const parsed = parseImport(`longUrl,shortCode,tags\nhttps://example.com/,abc,${tags}\n`);
    expect("rows" in parsed && parsed.rows[0]?.tags).toEqual(["ok", ...Array.from({ length: 9 }, (_, i) => `t${i}`)]);
  });

  it("explains an unknown file, an empty one and one too large", () => {
    expect(parseImport("name,email\nAda,ada@example.com\n")).toEqual({
      error: expect.stringContaining("not an export we know") as string,
    });
    expect(parseImport("\n\n")).toEqual({ error: "The file is empty." });
    const big = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `https://example.com/${i}`).join("\n");
    expect(parseImport(big)).toEqual({ error: expect.stringContaining("import at most 5,000") as string });
  });
});
