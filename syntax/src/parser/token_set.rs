//! A set of token kinds, for lookahead and error recovery.

use crate::SyntaxKind;

/// A bit set over token kinds (all of which are below 128).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TokenSet(u128);

impl TokenSet {
    pub(crate) const fn new(kinds: &[SyntaxKind]) -> TokenSet {
        let mut bits = 0u128;
        let mut i = 0;
        while i < kinds.len() {
            bits |= mask(kinds[i]);
            i += 1;
        }
        TokenSet(bits)
    }

    pub(crate) const fn contains(self, kind: SyntaxKind) -> bool {
        self.0 & mask(kind) != 0
    }
}

const fn mask(kind: SyntaxKind) -> u128 {
    let raw = kind as u16;
    if raw < 128 { 1u128 << raw } else { 0 }
}

#[test]
fn token_kinds_fit_in_the_set() {
    assert!((SyntaxKind::TOMBSTONE as u16) < 128);
}
