//! Tests of the server's own machinery, in process: text synchronization and the ranges of
//! every answer, against a model of the editor.

mod answers;
mod editor;
mod text_sync;
mod workspace_model;
