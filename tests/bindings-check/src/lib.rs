//! The bundled examples' worlds implemented on their generated Rust bindings: if the
//! bindings do not compile, or do not have the shape the worlds promise, this does not check.

#[path = "bindings/calculator/calculator.rs"]
mod calculator;
#[path = "bindings/kv/kv_service.rs"]
mod kv_service;

mod calc_impl {
    use crate::calculator::exports::example::calculator::math::Guest;

    struct Calculator;

    impl Guest for Calculator {
        fn add(a: i32, b: i32) -> i32 {
            a.wrapping_add(b)
        }

        fn divide(a: i32, b: i32) -> Result<i32, String> {
            a.checked_div(b).ok_or_else(|| "division by zero".to_string())
        }
    }

    crate::calculator::export!(Calculator with_types_in crate::calculator);
}

mod kv_impl {
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    use crate::kv_service::Guest;
    use crate::kv_service::example::io::streams::OutputStream;
    use crate::kv_service::example::kv_store::types::{Error, Key, KeyPage, Permissions, Value};
    use crate::kv_service::example::logging::log;
    use crate::kv_service::exports::example::kv_store::store::{Bucket, GuestBucket};

    struct Service;

    struct MemoryBucket {
        mode: Permissions,
        entries: RefCell<BTreeMap<Key, Value>>,
    }

    impl Guest for Service {
        fn init(config: Vec<(String, String)>) -> Result<(), String> {
            log::log(log::Level::Info, "kv-service", &format!("{} settings", config.len()));
            Ok(())
        }
    }

    impl crate::kv_service::exports::example::kv_store::store::Guest for Service {
        type Bucket = MemoryBucket;
    }

    impl GuestBucket for MemoryBucket {
        fn new(_name: String, mode: Permissions) -> Self {
            MemoryBucket {
                mode,
                entries: RefCell::new(BTreeMap::new()),
            }
        }

        fn get(&self, k: Key) -> Result<Value, Error> {
            self.entries.borrow().get(&k).cloned().ok_or(Error::NoSuchKey(k))
        }

        fn set(&self, k: Key, v: Value) -> Result<(), Error> {
            if !self.mode.contains(Permissions::WRITE) {
                return Err(Error::AccessDenied);
            }
            self.entries.borrow_mut().insert(k, v);
            Ok(())
        }

        fn delete(&self, k: Key) -> Result<(), Error> {
            self.entries.borrow_mut().remove(&k).map(|_| ()).ok_or(Error::NoSuchKey(k))
        }

        fn exists(&self, k: Key) -> bool {
            self.entries.borrow().contains_key(&k)
        }

        fn list_keys(&self, cursor: Option<u64>, limit: u32) -> Result<KeyPage, Error> {
            let start = cursor.unwrap_or(0) as usize;
            let keys: Vec<Key> = self.entries.borrow().keys().skip(start).take(limit as usize).cloned().collect();
            let next = start + keys.len();
            let more = next < self.entries.borrow().len();
            Ok(KeyPage { keys, cursor: more.then_some(next as u64) })
        }

        fn dump(&self, out: &OutputStream) -> Result<u64, Error> {
            let mut written = 0;
            for value in self.entries.borrow().values() {
                out.write(value).map_err(|e| Error::Other(format!("{e:?}")))?;
                written += value.len() as u64;
            }
            Ok(written)
        }

        fn size(&self) -> u64 {
            self.entries.borrow().len() as u64
        }

        fn open_existing(name: String) -> Result<Bucket, Error> {
            Err(Error::Other(format!("no bucket {name}")))
        }
    }

    crate::kv_service::export!(Service with_types_in crate::kv_service);
}
