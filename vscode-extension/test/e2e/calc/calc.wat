;; The core module behind the calculator world: `witty-fixture` wraps it into a component.
(module
  (memory (export "memory") 1)
  (func (export "answer") (result i32) i32.const 42)
  (func (export "mul") (param i32 i32) (result i32) local.get 0 local.get 1 i32.mul)
  (func (export "test-answer"))
)
