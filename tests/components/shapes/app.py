"""The guest of the `shapes` world: records, variants, flags and a resource."""

import geometry as geometry_resources
import wit_world
from wit_world import exports
from wit_world.exports import geometry
from wit_world.exports.geometry import Direction, Point, Shape_Circle, Shape_Empty, Shape_Rectangle, Style
from componentize_py_types import Err


class WitWorld(wit_world.WitWorld):
    def greet(self, name: str) -> str:
        return f"hello, {name}"


class Geometry(exports.Geometry):
    def step(self, p: Point, d: Direction) -> Point:
        dx, dy = {
            Direction.NORTH: (0, 1),
            Direction.SOUTH: (0, -1),
            Direction.EAST: (1, 0),
            Direction.WEST: (-1, 0),
        }[d]
        return Point(x=p.x + dx, y=p.y + dy)

    def area(self, s: geometry.Shape) -> int:
        if isinstance(s, Shape_Circle):
            return 3 * s.value * s.value
        if isinstance(s, Shape_Rectangle):
            return s.value.x * s.value.y
        return 0

    def describe(self, s: geometry.Shape) -> str:
        if isinstance(s, Shape_Circle):
            return f"circle of radius {s.value}"
        if isinstance(s, Shape_Rectangle):
            return f"rectangle {s.value.x} by {s.value.y}"
        raise Err("nothing to describe")

    def styles(self, s: Style) -> list[str]:
        return [name for name, bit in (("bold", Style.BOLD), ("italic", Style.ITALIC)) if s & bit]

    def count_from(self, start: int, n: int) -> int:
        counter = geometry_resources.Counter(start)
        total = start
        for _ in range(n):
            total = counter.increment()
        return total
