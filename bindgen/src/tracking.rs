//! A generator wrapped so that, when it fails (an error, or a `todo!` panic for what it does
//! not support yet), we know which part of the world it was writing: the interface, or the
//! world's own functions or types. That part's WIT is where the failure is reported.

use std::cell::RefCell;
use std::rc::Rc;

use anyhow::Result;
use wit_bindgen_core::wit_parser::{Function, InterfaceId, Resolve, TypeId, WorldId, WorldKey};
use wit_bindgen_core::{Files, WorldGenerator};

/// The part of the world a generator was at.
#[derive(Debug, Clone, Default)]
pub enum Step {
    /// Before the world's items: its preprocessing.
    #[default]
    Start,
    Interface(InterfaceId),
    /// The world's own functions (imported or exported), by name.
    Functions(Vec<String>),
    /// The world's own types.
    Types(Vec<TypeId>),
    /// After the items: putting the files together.
    Finish,
}

pub struct Tracked {
    pub inner: Box<dyn WorldGenerator>,
    pub step: Rc<RefCell<Step>>,
}

impl Tracked {
    fn at(&self, step: Step) {
        *self.step.borrow_mut() = step;
    }
}

fn names(funcs: &[(&str, &Function)]) -> Step {
    Step::Functions(funcs.iter().map(|(_, f)| f.name.clone()).collect())
}

impl WorldGenerator for Tracked {
    fn uses_nominal_type_ids(&self) -> bool {
        self.inner.uses_nominal_type_ids()
    }

    fn preprocess(&mut self, resolve: &Resolve, world: WorldId) -> Result<()> {
        self.at(Step::Start);
        self.inner.preprocess(resolve, world)
    }

    fn finish_imports(
        &mut self,
        resolve: &Resolve,
        world: WorldId,
        files: &mut Files,
    ) -> Result<()> {
        self.at(Step::Finish);
        self.inner.finish_imports(resolve, world, files)
    }

    fn import_interface(
        &mut self,
        resolve: &Resolve,
        name: &WorldKey,
        iface: InterfaceId,
        files: &mut Files,
    ) -> Result<()> {
        self.at(Step::Interface(iface));
        self.inner.import_interface(resolve, name, iface, files)
    }

    fn pre_export_interface(&mut self, resolve: &Resolve, files: &mut Files) -> Result<()> {
        self.at(Step::Finish);
        self.inner.pre_export_interface(resolve, files)
    }

    fn export_interface(
        &mut self,
        resolve: &Resolve,
        name: &WorldKey,
        iface: InterfaceId,
        files: &mut Files,
    ) -> Result<()> {
        self.at(Step::Interface(iface));
        self.inner.export_interface(resolve, name, iface, files)
    }

    fn import_funcs(
        &mut self,
        resolve: &Resolve,
        world: WorldId,
        funcs: &[(&str, &Function)],
        files: &mut Files,
    ) -> Result<()> {
        self.at(names(funcs));
        self.inner.import_funcs(resolve, world, funcs, files)
    }

    fn export_funcs(
        &mut self,
        resolve: &Resolve,
        world: WorldId,
        funcs: &[(&str, &Function)],
        files: &mut Files,
    ) -> Result<()> {
        self.at(names(funcs));
        self.inner.export_funcs(resolve, world, funcs, files)
    }

    fn import_types(
        &mut self,
        resolve: &Resolve,
        world: WorldId,
        types: &[(&str, TypeId)],
        files: &mut Files,
    ) -> Result<()> {
        self.at(Step::Types(types.iter().map(|(_, id)| *id).collect()));
        self.inner.import_types(resolve, world, types, files)
    }

    fn finish(&mut self, resolve: &Resolve, world: WorldId, files: &mut Files) -> Result<()> {
        self.at(Step::Finish);
        self.inner.finish(resolve, world, files)
    }
}
