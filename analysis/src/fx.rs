//! Maps and sets with the Fx hash: the keys here are short names, and the default SipHash
//! (built to resist adversarial keys) cost a tenth of a cold check.

use std::hash::BuildHasherDefault;

pub type FxBuild = BuildHasherDefault<rustc_hash::FxHasher>;
pub type IndexMap<K, V> = indexmap::IndexMap<K, V, FxBuild>;
pub type IndexSet<K> = indexmap::IndexSet<K, FxBuild>;
pub type HashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
pub type HashSet<K> = std::collections::HashSet<K, FxBuild>;
