"""The resources of the exported `geometry` interface: componentize-py looks for them in a
module named after the interface."""

from wit_world.exports import geometry


class Counter(geometry.Counter):
    def __init__(self, start: int) -> None:
        self.count = start

    def increment(self) -> int:
        self.count += 1
        return self.count
