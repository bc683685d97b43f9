//! The salsa database that holds every input and memoized query.

use std::sync::{Arc, Mutex};

/// The database. Cloning it gives a snapshot for another thread (salsa shares the storage).
#[salsa::db]
#[derive(Clone, Default)]
pub struct RootDatabase {
    storage: salsa::Storage<Self>,
}

#[salsa::db]
impl salsa::Database for RootDatabase {}

/// Names of the queries that ran, in order, for tests that check what an edit re-computes.
pub type ExecutionLog = Arc<Mutex<Vec<String>>>;

impl RootDatabase {
    pub fn new() -> RootDatabase {
        RootDatabase::default()
    }

    /// A database that records the name of every query it executes.
    pub fn with_execution_log() -> (RootDatabase, ExecutionLog) {
        let log: ExecutionLog = Arc::default();
        let sink = log.clone();
        let storage = salsa::Storage::new(Some(Box::new(move |event: salsa::Event| {
            if let salsa::EventKind::WillExecute { database_key } = event.kind
                && let Ok(mut log) = sink.lock()
            {
                log.push(format!("{database_key:?}"));
            }
        })));
        (RootDatabase { storage }, log)
    }
}
