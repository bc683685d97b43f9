// The guest of the `shapes` world in JavaScript: the same records, variants, flags and
// resource as the Python guest, so both toolchains' lowerings are run.

class Counter {
  constructor(start) {
    this.count = start;
  }
  increment() {
    this.count += 1;
    return this.count;
  }
}

const steps = { north: [0, 1], south: [0, -1], east: [1, 0], west: [-1, 0] };

export const geometry = {
  Counter,
  step(p, d) {
    const [dx, dy] = steps[d];
    return { x: p.x + dx, y: p.y + dy };
  },
  area(s) {
    if (s.tag === "circle") return 3 * s.val * s.val;
    if (s.tag === "rectangle") return s.val.x * s.val.y;
    return 0;
  },
  describe(s) {
    if (s.tag === "circle") return `circle of radius ${s.val}`;
    if (s.tag === "rectangle") return `rectangle ${s.val.x} by ${s.val.y}`;
    throw "nothing to describe";
  },
  styles(s) {
    return ["bold", "italic"].filter((name) => s[name]);
  },
  countFrom(start, n) {
    const counter = new Counter(start);
    let total = start;
    for (let i = 0; i < n; i++) total = counter.increment();
    return total;
  },
};

export function greet(name) {
  return `hello, ${name}`;
}
