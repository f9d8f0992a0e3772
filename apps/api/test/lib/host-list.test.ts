import { describe, expect, it } from "vitest";
import { parseHostList } from "../../src/lib/host-list.js";

describe("parseHostList", () => {
  it("takes bare hosts, URLs and every name of a hosts-file line, normalised and once each", () => {
    const { hosts, invalid } = parseHostList(
      [
        "# a public list",
        "0.0.0.0 evil.example",
        "127.0.0.1 one.example TWO.example  # two names",
        "Phish.Example.",
        "https://malware.example/x",
        "0.0.0.0 evil.example",
        "",
      ].join("\r\n"),
    );
    expect(hosts).toEqual(["evil.example", "one.example", "two.example", "phish.example", "malware.example"]);
    expect(invalid).toEqual([]);
  });

  it("skips the sink address named as a host, and reports lines that hold no host name", () => {
    const { hosts, invalid } = parseHostList("0.0.0.0 0.0.0.0\n0.0.0.0 localhost\nnot a host!\n0.0.0.0 good.example bad_name!\nnodot\n");
    expect(hosts).toEqual(["good.example"]);
    expect(invalid.map((line) => line.number)).toEqual([2, 3, 4, 5]);
  });
});
