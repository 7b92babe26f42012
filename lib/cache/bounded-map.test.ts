import { describe, expect, it } from "vitest";
import { BoundedMap } from "./bounded-map";

describe("BoundedMap", () => {
  it("never holds more than max entries, forgetting the least recently set first", () => {
    const m = new BoundedMap<string, number>(3);
    for (const [i, k] of ["a", "b", "c", "d", "e"].entries()) {
      m.set(k, i);
      expect(m.size).toBe(Math.min(i + 1, 3));
    }
    expect([...m.keys()]).toEqual(["c", "d", "e"]);
    expect(m.get("a")).toBeUndefined();
    expect(m.get("b")).toBeUndefined();
    expect(m.get("e")).toBe(4);
  });

  it("get makes an entry the most recently used, so another one goes next", () => {
    const m = new BoundedMap<string, number>(3).set("a", 1).set("b", 2).set("c", 3);
    expect(m.get("a")).toBe(1);
    m.set("d", 4);
    expect([...m.keys()]).toEqual(["c", "a", "d"]);
    expect(m.has("b")).toBe(false);
  });

  it("has does not change the order; a miss does not either", () => {
    const m = new BoundedMap<string, number>(2).set("a", 1).set("b", 2);
    expect(m.has("a")).toBe(true);
    expect(m.get("zzz")).toBeUndefined();
    m.set("c", 3);
    expect([...m.keys()]).toEqual(["b", "c"]);
  });

  it("setting a held key replaces its value and makes it the most recent without evicting anything", () => {
    const m = new BoundedMap<string, number>(2).set("a", 1).set("b", 2);
    m.set("a", 10);
    expect(m.size).toBe(2);
    expect([...m.keys()]).toEqual(["b", "a"]);
    m.set("c", 3);
    expect([...m.keys()]).toEqual(["a", "c"]);
    expect(m.get("a")).toBe(10);
  });

  it("getOrSet builds a value once per key while it is held, and again after its eviction", () => {
    const m = new BoundedMap<number, string>(2);
    const built: number[] = [];
    const build = (k: number) => {
      built.push(k);
      return `v${k}`;
    };
    expect(m.getOrSet(1, build)).toBe("v1");
    expect(m.getOrSet(1, build)).toBe("v1");
    expect(m.getOrSet(2, build)).toBe("v2");
    expect(m.getOrSet(1, build)).toBe("v1"); // 1 is now the most recent: 2 goes next
    expect(m.getOrSet(3, build)).toBe("v3");
    expect(m.getOrSet(1, build)).toBe("v1");
    expect(m.getOrSet(2, build)).toBe("v2");
    expect(built).toEqual([1, 2, 3, 2]);
  });

  it("delete and clear remove entries", () => {
    const m = new BoundedMap<string, number>(2).set("a", 1).set("b", 2);
    expect(m.delete("a")).toBe(true);
    expect(m.delete("a")).toBe(false);
    expect(m.size).toBe(1);
    m.clear();
    expect(m.size).toBe(0);
  });

  it("refuses a bound that is not a positive integer", () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
    expect(() => new BoundedMap(1.5)).toThrow(RangeError);
    expect(new BoundedMap(1).set("a", 1).set("b", 2).size).toBe(1);
  });
});
